// Who signed a request and for which region/service. Every request reaches
// 127.0.0.1, so the region the fake serves is the one in the SigV4 credential
// scope (or, for bearer tokens, x-fake-region / the world's default region).
// The HMAC itself is not verified: the SDK computes it, the CLI does not.
import type { IncomingHttpHeaders } from 'node:http';
import { Errors, FakeBedrockError } from './errors.js';
import type { World } from './world.js';

export type AuthKind = 'sigv4' | 'bearer' | 'api-key' | 'none' | 'malformed';

export interface AuthInfo {
  kind: AuthKind;
  accessKeyId?: string;
  /** Date, region, service from `Credential=AKID/date/region/service/aws4_request`. */
  scopeDate?: string;
  region?: string;
  service?: string;
  signedHeaders?: string[];
  hasSessionToken: boolean;
  /** Bearer token or API key (never recorded). */
  token?: string;
  /** Why a SigV4 header could not be parsed. */
  problem?: string;
}

/** Which API surface a request is for; decides the expected signing name. */
export type Surface = 'runtime' | 'control' | 'anthropic' | 'sts' | 's3';

const EXPECTED_SERVICES: Record<Surface, string[]> = {
  runtime: ['bedrock'],
  control: ['bedrock'],
  anthropic: ['bedrock-mantle', 'bedrock'],
  sts: ['sts'],
  s3: ['s3'],
};

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Parse `Authorization` (SigV4 or Bearer) or `x-api-key`. Never throws. */
export function parseAuth(headers: IncomingHttpHeaders): AuthInfo {
  const hasSessionToken = header(headers, 'x-amz-security-token') !== undefined;
  const authz = header(headers, 'authorization');
  if (authz === undefined) {
    const apiKey = header(headers, 'x-api-key');
    if (apiKey !== undefined) return { kind: 'api-key', token: apiKey, hasSessionToken };
    return { kind: 'none', hasSessionToken };
  }
  const bearer = /^Bearer\s+(.*)$/i.exec(authz);
  if (bearer) return { kind: 'bearer', token: bearer[1]?.trim(), hasSessionToken };
  if (!authz.startsWith('AWS4-HMAC-SHA256 ')) {
    return { kind: 'malformed', hasSessionToken, problem: `Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter.` };
  }
  const params = new Map<string, string>();
  for (const part of authz.slice('AWS4-HMAC-SHA256 '.length).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) params.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const missing = ['Credential', 'Signature', 'SignedHeaders'].filter((k) => !params.get(k));
  if (header(headers, 'x-amz-date') === undefined && header(headers, 'date') === undefined) missing.push('date');
  if (missing.length > 0) {
    const problem = missing
      .map((k) => (k === 'date' ? "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header." : `Authorization header requires '${k}' parameter.`))
      .join(' ');
    return { kind: 'malformed', hasSessionToken, problem };
  }
  const scope = (params.get('Credential') ?? '').split('/');
  if (scope.length !== 5 || scope[4] !== 'aws4_request') {
    return { kind: 'malformed', hasSessionToken, problem: "Credential should be scoped with a valid terminator: 'aws4_request'." };
  }
  const [accessKeyId, scopeDate, region, service] = scope;
  return {
    kind: 'sigv4',
    accessKeyId,
    scopeDate,
    region,
    service,
    signedHeaders: (params.get('SignedHeaders') ?? '').split(';'),
    hasSessionToken,
  };
}

export interface AuthResult {
  region: string;
  service?: string;
}

/**
 * Accept or reject a request the way AWS's front door does, returning the
 * region to serve. Throws FakeBedrockError with the real error otherwise.
 */
export function checkAuth(info: AuthInfo, surface: Surface, world: World, headers: IncomingHttpHeaders): AuthResult {
  const a = world.auth;
  switch (info.kind) {
    case 'none':
      throw new FakeBedrockError(Errors.missingAuth());
    case 'malformed':
      throw new FakeBedrockError(Errors.incompleteSignature(info.problem ?? 'Malformed Authorization header'));
    case 'sigv4': {
      const expected = EXPECTED_SERVICES[surface];
      if (!info.service || !expected.includes(info.service)) throw new FakeBedrockError(Errors.wrongService(expected[0] ?? 'bedrock'));
      const region = info.region ?? '';
      if (!world.regions.includes(region) && !(surface === 'sts' && region === 'us-east-1')) throw new FakeBedrockError(Errors.wrongRegion());
      const akid = info.accessKeyId ?? '';
      if (a.expiredAccessKeyIds?.includes(akid)) throw new FakeBedrockError(Errors.expiredToken());
      if (a.accessKeyIds && !a.accessKeyIds.includes(akid)) throw new FakeBedrockError(Errors.invalidToken());
      const temporary = akid.startsWith('ASIA') || (a.temporaryAccessKeyIds?.includes(akid) ?? false);
      const sessionToken = headers['x-amz-security-token'];
      if (temporary && !info.hasSessionToken) throw new FakeBedrockError(Errors.invalidToken());
      const wanted = a.sessionTokens?.[akid];
      if (wanted !== undefined && sessionToken !== wanted) throw new FakeBedrockError(Errors.invalidToken());
      return { region, service: info.service };
    }
    case 'bearer':
    case 'api-key': {
      // STS, S3 and the SigV4-only surfaces do not take Bedrock API keys.
      if (surface === 'sts' || surface === 's3') throw new FakeBedrockError(Errors.incompleteSignature("Authorization header requires 'Credential' parameter."));
      if (info.kind === 'api-key' && surface !== 'anthropic') throw new FakeBedrockError(Errors.missingAuth());
      const token = info.token ?? '';
      const regionHeader = headers['x-fake-region'];
      const region = (Array.isArray(regionHeader) ? regionHeader[0] : regionHeader) ?? world.defaultRegion;
      if (!token.startsWith('ABSK') && !token.startsWith('bedrock-api-key-')) throw new FakeBedrockError(Errors.apiKeyFormat());
      if (a.bearerTokens) {
        const t = a.bearerTokens[token];
        if (!t) throw new FakeBedrockError(Errors.apiKeyInvalid());
        if (t.expired) throw new FakeBedrockError(Errors.expiredToken());
        if (t.region && t.region !== region) throw new FakeBedrockError(Errors.apiKeyInvalid());
      }
      return { region };
    }
  }
}
