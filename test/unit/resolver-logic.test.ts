// The resolver's rules on a small synthetic catalog, so each rule is visible in isolation.
// (resolver-catalog.test.ts checks the real catalog against the seed availability table.)
import { describe, expect, it } from 'vitest';
import type { Catalog, CatalogModel } from '../../src/catalog/types.js';
import { CliError } from '../../src/errors.js';
import { resolveModel, type ResolveRequest } from '../../src/resolver.js';

const fact = <T>(value: T) => ({ value, source: ['T'], asOf: '2026-01-01' });

function model(id: string, name: string, tier: CatalogModel['tier'], version: string, extra: Partial<{ profiles: string[]; runtime: boolean | 'unknown'; runtimeRegions: string[]; status: 'active' | 'legacy' | 'end-of-life'; endOfLifeDate: string; replacement: string; integration: 'bedrock-runtime' | 'messages-api' }> = {}): CatalogModel {
  return {
    id,
    name,
    tier,
    version,
    aliases: [`${tier}-${version}`],
    integration: fact(extra.integration ?? 'bedrock-runtime'),
    contextWindow: fact(200000),
    maxOutputTokens: fact(64000),
    lifecycle: fact({ status: extra.status ?? 'active', endOfLifeDate: extra.endOfLifeDate, replacement: extra.replacement }),
    capabilities: fact({ vision: true, pdf: true, tools: true, thinking: 'budget', promptCaching: { supported: true }, context1m: 'none', assistantPrefill: true }),
    refusedParameters: fact([]),
    profiles: fact(extra.profiles ?? []),
    inRegion: fact({ runtime: extra.runtime ?? false, runtimeRegions: extra.runtimeRegions }),
    prices: [],
  };
}

const catalog: Catalog = {
  schemaVersion: 1,
  asOf: '2026-01-01',
  sources: { T: { title: 'test', asOf: '2026-01-01', kind: 'official' } },
  geographies: [
    { prefix: 'global', name: 'Global', sourceRegions: fact(['us-east-1', 'us-west-2', 'eu-central-1', 'ap-northeast-1', 'ap-southeast-1']) },
    { prefix: 'us', name: 'US', sourceRegions: fact(['us-east-1', 'us-west-2']) },
    { prefix: 'eu', name: 'EU', sourceRegions: fact(['eu-central-1', 'eu-west-3']) },
    { prefix: 'jp', name: 'Japan', sourceRegions: fact(['ap-northeast-1']) },
    { prefix: 'apac', name: 'APAC', sourceRegions: fact(['ap-northeast-1', 'ap-southeast-1']) },
  ],
  models: [
    model('anthropic.claude-sonnet-4-5-20250929-v1:0', 'Claude Sonnet 4.5', 'sonnet', '4.5', { profiles: ['global', 'us', 'eu', 'jp'] }),
    model('anthropic.claude-sonnet-4-6', 'Claude Sonnet 4.6', 'sonnet', '4.6', { profiles: ['us', 'eu'] }),
    model('anthropic.claude-opus-4-6-v1', 'Claude Opus 4.6', 'opus', '4.6', { profiles: ['global', 'us', 'eu'] }),
    { ...model('anthropic.claude-opus-4-7', 'Claude Opus 4.7', 'opus', '4.7', { profiles: ['us'], integration: 'messages-api' }), inRegion: fact({ runtime: false, mantleRegions: ['eu-central-1'] }) },
    model('anthropic.claude-3-haiku-20240307-v1:0', 'Claude 3 Haiku', 'haiku', '3', { profiles: ['us', 'eu', 'apac'], runtime: true, status: 'legacy', replacement: 'anthropic.claude-haiku-4-5-20251001-v1:0' }),
    model('anthropic.claude-haiku-4-5-20251001-v1:0', 'Claude Haiku 4.5', 'haiku', '4.5', { profiles: ['global', 'us', 'eu'] }),
    model('anthropic.claude-3-7-sonnet-20250219-v1:0', 'Claude Sonnet 3.7', 'sonnet', '3.7', { profiles: ['us', 'eu'], status: 'end-of-life', replacement: 'anthropic.claude-sonnet-4-5-20250929-v1:0' }),
    model('anthropic.claude-instant-v1', 'Claude Instant', 'instant', '1', { runtime: false, runtimeRegions: ['us-east-1'] }),
  ],
};

const resolve = (input: string, region: string, extra: Partial<ResolveRequest> = {}) =>
  resolveModel({ input, region, scope: 'auto', catalog, today: '2026-11-21', ...extra });

function rejected(input: string, region: string, extra: Partial<ResolveRequest> = {}): CliError {
  try {
    resolve(input, region, extra);
  } catch (err) {
    expect(err).toBeInstanceOf(CliError);
    expect((err as CliError).exitCode).toBe(4);
    return err as CliError;
  }
  throw new Error(`expected ${input} from ${region} to be rejected`);
}

describe('aliases and scope', () => {
  it.each([
    ['sonnet', 'us-east-1', 'auto', 'us.anthropic.claude-sonnet-4-6', 'geo'],
    ['sonnet-4.5', 'eu-central-1', 'auto', 'global.anthropic.claude-sonnet-4-5-20250929-v1:0', 'global'],
    ['claude-sonnet-4-5', 'eu-central-1', 'geo', 'eu.anthropic.claude-sonnet-4-5-20250929-v1:0', 'geo'],
    ['Sonnet-4.5', 'ap-northeast-1', 'geo', 'jp.anthropic.claude-sonnet-4-5-20250929-v1:0', 'geo'],
    ['opus', 'us-west-2', 'auto', 'us.anthropic.claude-opus-4-7', 'geo'],
    ['haiku-3', 'ap-southeast-1', 'region', 'anthropic.claude-3-haiku-20240307-v1:0', 'region'],
    ['claude-3-haiku', 'ap-southeast-1', 'geo', 'apac.anthropic.claude-3-haiku-20240307-v1:0', 'geo'],
  ])('%s from %s with scope %s → %s', (input, region, scope, modelId, resolvedScope) => {
    const r = resolve(input, region, { scope: scope as ResolveRequest['scope'] });
    expect(r.modelId).toBe(modelId);
    expect(r.scope).toBe(resolvedScope);
    expect(r.reasons.length).toBeGreaterThan(0);
  });

  it('a tier alias skips a newer model that has no route from the region', () => {
    const r = resolve('opus', 'eu-west-3');
    expect(r.modelId).toBe('eu.anthropic.claude-opus-4-6-v1');
    expect(r.reasons.join('\n')).toMatch(/skipped Claude Opus 4.7/);
  });

  it('the messages-api integration is reported with the Mantle ID', () => {
    const r = resolve('opus-4.7', 'us-east-1');
    expect(r.integration).toBe('messages-api');
    expect(r.mantleModelId).toBe('anthropic.claude-opus-4-7');
  });

  it('user aliases are followed, and loops are refused', () => {
    expect(resolve('fast', 'us-east-1', { aliases: { fast: 'haiku-4.5' } }).modelId).toBe('global.anthropic.claude-haiku-4-5-20251001-v1:0');
    expect(rejected('a', 'us-east-1', { aliases: { a: 'b', b: 'a' } }).message).toMatch(/loop/);
  });

  it('an explicit scope applies to a base ID; without it the ID is sent as given', () => {
    expect(resolve('anthropic.claude-haiku-4-5-20251001-v1:0', 'us-east-1', { scope: 'geo', scopeExplicit: true }).modelId).toBe('us.anthropic.claude-haiku-4-5-20251001-v1:0');
    expect(rejected('anthropic.claude-haiku-4-5-20251001-v1:0', 'us-east-1').causeCode).toBe('needs-inference-profile');
  });

  it('scope global for a model without a global profile names the routes that work', () => {
    const error = rejected('sonnet-4.6', 'us-east-1', { scope: 'global' });
    expect(error.causeCode).toBe('model-not-in-region');
    expect(error.details?.suggestions).toEqual(['us.anthropic.claude-sonnet-4-6']);
  });

  it('scope region for a profile-only model is needs-inference-profile', () => {
    expect(rejected('sonnet-4.5', 'us-east-1', { scope: 'region' }).causeCode).toBe('needs-inference-profile');
  });
});

describe('prefixes and regions', () => {
  it('accepts a profile callable from the region', () => {
    const r = resolve('eu.anthropic.claude-sonnet-4-6', 'eu-west-3');
    expect(r).toMatchObject({ modelId: 'eu.anthropic.claude-sonnet-4-6', scope: 'geo', prefix: 'eu', baseModelId: 'anthropic.claude-sonnet-4-6' });
  });

  it('us. from eu-central-1 → prefix-region-mismatch with the IDs that work', () => {
    const error = rejected('us.anthropic.claude-sonnet-4-5-20250929-v1:0', 'eu-central-1');
    expect(error.causeCode).toBe('prefix-region-mismatch');
    expect(error.details?.suggestions).toEqual(['global.anthropic.claude-sonnet-4-5-20250929-v1:0', 'eu.anthropic.claude-sonnet-4-5-20250929-v1:0']);
    expect(error.fix).toContain('eu.anthropic.claude-sonnet-4-5-20250929-v1:0');
  });

  it('apac. from Tokyo for a model that has jp. → prefix-region-mismatch naming jp.', () => {
    const error = rejected('apac.anthropic.claude-sonnet-4-5-20250929-v1:0', 'ap-northeast-1');
    expect(error.causeCode).toBe('prefix-region-mismatch');
    expect(error.details?.suggestions).toContain('jp.anthropic.claude-sonnet-4-5-20250929-v1:0');
  });

  it('no route at all → model-not-in-region', () => {
    expect(rejected('us.anthropic.claude-opus-4-7', 'eu-west-3').causeCode).toBe('model-not-in-region');
    expect(rejected('opus-4.7', 'eu-west-3').causeCode).toBe('model-not-in-region');
  });

  it('a Messages-API model with no profile from the region resolves to the in-region bedrock-mantle ID', () => {
    const r = resolve('opus-4.7', 'eu-central-1');
    expect(r).toMatchObject({ modelId: 'anthropic.claude-opus-4-7', scope: 'region', route: 'mantle', integration: 'messages-api' });
    expect(r.warnings.join()).toMatch(/only on the Messages API/);
  });

  it('a base ID that needs a profile → needs-inference-profile with the profiles', () => {
    const error = rejected('anthropic.claude-sonnet-4-5-20250929-v1:0', 'eu-central-1');
    expect(error.causeCode).toBe('needs-inference-profile');
    expect(error.details?.suggestions).toEqual(['global.anthropic.claude-sonnet-4-5-20250929-v1:0', 'eu.anthropic.claude-sonnet-4-5-20250929-v1:0']);
  });

  it('runtimeRegions are exceptions to a profile-only model: the bare ID works there only', () => {
    expect(resolve('anthropic.claude-instant-v1', 'us-east-1').modelId).toBe('anthropic.claude-instant-v1');
    expect(rejected('anthropic.claude-instant-v1', 'eu-central-1').causeCode).toBe('model-not-in-region');
  });

  it('an unknown prefix is unknown-model-id with a suggestion', () => {
    const error = rejected('uss.anthropic.claude-sonnet-4-6', 'us-east-1');
    expect(error.causeCode).toBe('unknown-model-id');
    expect(error.details?.suggestions).toEqual(['us.anthropic.claude-sonnet-4-6']);
  });

  it('a region the catalog does not know is not blocked, only warned about', () => {
    const r = resolve('us.anthropic.claude-sonnet-4-6', 'xx-newregion-1');
    expect(r.modelId).toBe('us.anthropic.claude-sonnet-4-6');
    expect(r.warnings.join()).toMatch(/does not know region xx-newregion-1/);
  });
});

describe('near misses, newer models, lifecycle', () => {
  it.each([
    ['anthropic.claude-sonnet-4-6-v1:0', 'anthropic.claude-sonnet-4-6'],
    ['anthropic.claude-opus-4-6-v1:0', 'anthropic.claude-opus-4-6-v1'],
    ['anthropic.claude-sonnet-4-5-20250930-v1:0', 'anthropic.claude-sonnet-4-5-20250929-v1:0'],
    ['us.anthropic.claude-sonnet-4-5-20250929-v2:0', 'us.anthropic.claude-sonnet-4-5-20250929-v1:0'],
  ])('%s → did you mean %s', (input, suggestion) => {
    const error = rejected(input, 'us-east-1');
    expect(error.causeCode).toBe('unknown-model-id');
    expect(error.message).toContain(`did you mean ${suggestion}`);
  });

  it.each(['sonet', 'opsu-4.6'])('a typo of an alias (%s) gets a suggestion', (input) => {
    const error = rejected(input, 'us-east-1');
    expect(error.causeCode).toBe('unknown-model-id');
    expect(error.message).toMatch(/did you mean/);
  });

  it.each(['anthropic.claude-opus-6', 'global.anthropic.claude-sonnet-5-1', 'anthropic.claude-verse-1'])('%s, newer than the catalog, passes with a warning', (input) => {
    const r = resolve(input, 'us-east-1');
    expect(r.modelId).toBe(input);
    expect(r.warnings.join()).toMatch(/newer than the built-in catalog/);
  });

  it('a newer model with a prefix the region cannot call is still refused', () => {
    expect(rejected('us.anthropic.claude-opus-6', 'eu-central-1').causeCode).toBe('prefix-region-mismatch');
  });

  it('an older unknown version is not mistaken for a newer model', () => {
    expect(rejected('anthropic.claude-opus-4-2', 'us-east-1').causeCode).toBe('unknown-model-id');
  });

  it('end of life → model-end-of-life naming the replacement', () => {
    const error = rejected('us.anthropic.claude-3-7-sonnet-20250219-v1:0', 'us-east-1');
    expect(error.causeCode).toBe('model-end-of-life');
    expect(error.fix).toContain('Claude Sonnet 4.5');
  });

  it('legacy → resolved with a warning', () => {
    const r = resolve('us.anthropic.claude-3-haiku-20240307-v1:0', 'us-east-1');
    expect(r.warnings.join()).toMatch(/Claude 3 Haiku is legacy/);
  });

  it('a tier alias never picks a legacy model', () => {
    expect(resolve('haiku', 'ap-southeast-1').baseModelId).toBe('anthropic.claude-haiku-4-5-20251001-v1:0');
  });

  it('a non-Claude model ID passes with a warning', () => {
    expect(resolve('amazon.nova-pro-v1:0', 'us-east-1').warnings.join()).toMatch(/not a Claude model/);
  });
});

describe('ARNs', () => {
  const profileArn = 'arn:aws:bedrock:eu-central-1:123456789012:inference-profile/eu.anthropic.claude-sonnet-4-6';

  it('a system profile ARN in the client region is validated and sent as given', () => {
    const r = resolve(profileArn, 'eu-central-1');
    expect(r).toMatchObject({ modelId: profileArn, scope: 'arn', baseModelId: 'anthropic.claude-sonnet-4-6' });
  });

  it('an ARN of another region → endpoint-config with the region to use', () => {
    const error = rejected(profileArn, 'us-east-1');
    expect(error.causeCode).toBe('endpoint-config');
    expect(error.fix).toContain('--region eu-central-1');
  });

  it('an application profile ARN passes (its model is known only to Bedrock)', () => {
    const arn = 'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123';
    expect(resolve(arn, 'us-east-1')).toMatchObject({ modelId: arn, scope: 'arn', baseModelId: null });
  });

  it('a foundation-model ARN of a profile-only model → needs-inference-profile', () => {
    expect(rejected('arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-sonnet-4-6', 'us-east-1').causeCode).toBe('needs-inference-profile');
  });

  it('a malformed ARN → unknown-model-id', () => {
    expect(rejected('arn:aws:s3:::bucket', 'us-east-1').causeCode).toBe('unknown-model-id');
  });
});

describe('the live list from Bedrock overrides the catalog', () => {
  const live = {
    region: 'eu-central-1',
    fetchedAt: '2026-11-21T00:00:00Z',
    foundationModels: [{ modelId: 'anthropic.claude-sonnet-4-6', inferenceTypes: ['INFERENCE_PROFILE'] }],
    profileIds: ['eu.anthropic.claude-sonnet-4-6', 'global.anthropic.claude-sonnet-4-6'],
  };

  it('a profile Bedrock lists is accepted even if the catalog lacks it', () => {
    expect(resolve('global.anthropic.claude-sonnet-4-6', 'eu-central-1', { live }).modelId).toBe('global.anthropic.claude-sonnet-4-6');
  });

  it('a profile Bedrock does not list from the region is refused', () => {
    const error = rejected('global.anthropic.claude-opus-4-6-v1', 'eu-central-1', { live });
    expect(error.message).toMatch(/ListInferenceProfiles/);
  });

  it('live data of another region is ignored', () => {
    expect(resolve('global.anthropic.claude-opus-4-6-v1', 'us-east-1', { live }).modelId).toBe('global.anthropic.claude-opus-4-6-v1');
  });
});
