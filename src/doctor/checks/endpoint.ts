// Check 7: the endpoints the model's calls go to answer at all (any HTTP status counts: an unsigned
// request gets a 4xx from AWS), within a short timeout.
import { describeSource } from '../../config/load.js';
import { defineCheck } from '../check.js';
import type { Facts, PingResult } from '../types.js';

function dnsSuffix(region: string): string {
  return region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
}

/** The bedrock control-plane endpoint: the configured one, else the region's. */
export function controlEndpoint(facts: Pick<Facts, 'settings' | 'region'>): string | undefined {
  const configured = facts.settings?.controlEndpoint?.value;
  if (configured) return configured;
  return facts.region ? `https://bedrock.${facts.region}.${dnsSuffix(facts.region)}` : undefined;
}

interface Target {
  name: string;
  url: string;
  /** Where a configured URL came from; undefined for AWS's own endpoint. */
  source?: string;
}

/** Every endpoint the configured model would use, without duplicates. */
export function endpointTargets(facts: Pick<Facts, 'settings' | 'region' | 'resolution'>): Target[] {
  const { settings, region, resolution } = facts;
  const targets: Target[] = [];
  const runtime = settings?.runtimeEndpoint;
  if (runtime) targets.push({ name: 'bedrock-runtime', url: runtime.value, source: describeSource(runtime.source) });
  else if (region) targets.push({ name: 'bedrock-runtime', url: `https://bedrock-runtime.${region}.${dnsSuffix(region)}` });
  // Models served in-region only by the Messages API go to bedrock-mantle (unless an endpoint is configured).
  if (!runtime && region && resolution?.route === 'mantle') targets.push({ name: 'bedrock-mantle', url: `https://bedrock-mantle.${region}.api.aws` });
  const control = settings?.controlEndpoint;
  if (control) targets.push({ name: 'bedrock', url: control.value, source: describeSource(control.source) });
  else if (region) targets.push({ name: 'bedrock', url: controlEndpoint({ settings, region }) ?? '' });
  // One request per URL: a configured endpoint usually serves every API.
  const byUrl = new Map<string, Target>();
  for (const t of targets) {
    const seen = byUrl.get(t.url);
    if (seen) seen.name = `${seen.name}, ${t.name}`;
    else if (t.url) byUrl.set(t.url, { ...t });
  }
  return [...byUrl.values()];
}

export const endpointCheck = defineCheck('endpoint', 'Endpoint', async (ctx, v) => {
  if (!ctx.facts.settings) return v.skip('the configuration could not be read (see Config)');
  const targets = endpointTargets(ctx.facts);
  if (targets.length === 0) return v.skip('no region and no endpoint configured: nothing to reach (see Region)');
  const results = await Promise.all(targets.map(async (t) => ({ target: t, ping: await ctx.services.ping(t.url, ctx.options.endpointTimeoutMs) })));
  // One endpoint: its line says it all; several: one info line each.
  const info = results.length > 1 ? results.map(({ target, ping }) => `${target.name}: ${describe(target, ping)}`) : [];
  const failed = results.find(({ ping }) => !ping.ok);
  if (!failed) {
    const first = results[0]!;
    const more = results.length > 1 ? ` (+${results.length - 1} more, all reachable)` : '';
    return v.pass(`${describe(first.target, first.ping)}${more}`, { info });
  }
  const { target, ping } = failed;
  const code = ping.code ?? 'error';
  const said = ping.message && !ping.message.includes(code) ? ` (${ping.message})` : '';
  return v.fail(`cannot reach ${target.url}: ${code}${said}`, fixFor(target, ping, ctx.facts.region), {
    cause: 'endpoint-config',
    info,
  });
});

function describe(target: Target, ping: PingResult): string {
  const from = target.source ? ` (from ${target.source})` : '';
  return ping.ok ? `${target.url}${from} answered HTTP ${ping.status} in ${ping.ms} ms` : `${target.url}${from}: ${ping.code ?? 'error'} after ${ping.ms} ms`;
}

function fixFor(target: Target, ping: PingResult, region: string | undefined): string {
  if (target.source) return `Check the endpoint set by ${target.source}: is the server at ${target.url} running and reachable? Unset it to use AWS's own endpoint.`;
  if (ping.code === 'ENOTFOUND' || ping.code === 'EAI_AGAIN') {
    return `No such host: check the region name${region ? ` (${region})` : ''} — Bedrock may not be offered there — and your DNS.`;
  }
  if (ping.code === 'TIMEOUT') return 'No answer in time: check the network, firewall and proxy (Bedrock needs outbound HTTPS on port 443; the SDK ignores HTTPS_PROXY unless configured).';
  return 'Check the network, firewall and proxy between this machine and AWS (outbound HTTPS on port 443).';
}
