// The resolver over the real catalog: every model × every prefix × a representative region of
// each geography. The expected prefixes are written out here from the sources, not read from the
// catalog, so a wrong catalog row fails this test.
import { describe, expect, it } from 'vitest';
import { catalog, modelById } from '../../src/catalog/index.js';
import { CliError } from '../../src/errors.js';
import { resolveModel } from '../../src/resolver.js';

const TODAY = '2026-11-21';

// Seed availability table: research/catalog.md ("[A] global/us/eu/jp/apac"), Anthropic's legacy
// Bedrock page, with au/us-gov from LiteLLM and the AWS model cards where they are newer:
// Opus 4.6 — its AWS card lists global/us/eu/au (Anthropic's table also says jp/apac);
// Haiku 4.5 — its AWS card adds jp and au to Anthropic's global/us/eu.
const EXPECTED: Record<string, string[]> = {
  'anthropic.claude-opus-5': ['global', 'us', 'eu', 'au'],
  'anthropic.claude-opus-4-8': ['global', 'us', 'eu', 'jp', 'au'],
  'anthropic.claude-opus-4-7': ['global', 'us', 'eu', 'jp', 'au'],
  'anthropic.claude-sonnet-5': ['global', 'us', 'eu', 'jp', 'au'],
  'anthropic.claude-fable-5': ['global', 'us', 'eu'],
  'anthropic.claude-opus-4-6-v1': ['global', 'us', 'eu', 'au'],
  'anthropic.claude-sonnet-4-6': ['global', 'us', 'eu', 'jp', 'au'],
  'anthropic.claude-sonnet-4-5-20250929-v1:0': ['global', 'us', 'eu', 'jp', 'au', 'us-gov'],
  'anthropic.claude-opus-4-5-20251101-v1:0': ['global', 'us', 'eu'],
  'anthropic.claude-haiku-4-5-20251001-v1:0': ['global', 'us', 'eu', 'jp', 'au'],
  'anthropic.claude-opus-4-1-20250805-v1:0': ['us'],
  'anthropic.claude-3-5-haiku-20241022-v1:0': ['us'],
};

// Past end of life on TODAY: rejected whatever the prefix.
const END_OF_LIFE = [
  'anthropic.claude-opus-4-20250514-v1:0',
  'anthropic.claude-3-7-sonnet-20250219-v1:0',
  'anthropic.claude-sonnet-4-20250514-v1:0',
  'anthropic.claude-3-haiku-20240307-v1:0',
];

/** One region per geography that belongs to no other geography's list but its own (and global). */
const REGION: Record<string, string> = {
  global: 'sa-east-1',
  us: 'us-east-2',
  eu: 'eu-west-1',
  jp: 'ap-northeast-3',
  apac: 'ap-south-1',
  au: 'ap-southeast-2',
  'us-gov': 'us-gov-west-1',
};
const PREFIXES = Object.keys(REGION);

function attempt(input: string, region: string, scope: 'auto' | 'global' | 'geo' | 'region' = 'auto') {
  try {
    return resolveModel({ input, region, scope, today: TODAY });
  } catch (err) {
    if (err instanceof CliError) return err;
    throw err;
  }
}

describe('every model × every prefix from a region of that geography', () => {
  const cases = Object.entries(EXPECTED).flatMap(([id, prefixes]) => PREFIXES.map((prefix) => [id, prefix, prefixes.includes(prefix)] as const));

  it.each(cases)('%s with %s. → works: %s', (id, prefix, works) => {
    const region = REGION[prefix]!;
    const outcome = attempt(`${prefix}.${id}`, region);
    if (works) {
      expect(outcome).not.toBeInstanceOf(CliError);
      expect(outcome).toMatchObject({ modelId: `${prefix}.${id}`, baseModelId: id, prefix, scope: prefix === 'global' ? 'global' : 'geo' });
    } else {
      expect(outcome).toBeInstanceOf(CliError);
      const error = outcome as CliError;
      expect(error.exitCode).toBe(4);
      expect(['prefix-region-mismatch', 'model-not-in-region']).toContain(error.causeCode);
      // Whatever is suggested must itself resolve from that region.
      for (const suggestion of (error.details?.suggestions as string[]) ?? []) {
        expect(attempt(suggestion, region)).not.toBeInstanceOf(CliError);
      }
    }
  });
});

describe('a geographic profile from a region outside its geography', () => {
  const cases = Object.entries(EXPECTED).flatMap(([id, prefixes]) =>
    prefixes.filter((p) => p !== 'global').map((prefix) => [id, prefix, prefix === 'eu' ? 'us-east-1' : 'eu-central-1'] as const),
  );
  it.each(cases)('%s with %s. from %s → prefix-region-mismatch with the IDs that work', (id, prefix, region) => {
    const error = attempt(`${prefix}.${id}`, region) as CliError;
    expect(error).toBeInstanceOf(CliError);
    const suggestions = error.details?.suggestions as string[];
    if (suggestions.length > 0) {
      expect(error.causeCode).toBe('prefix-region-mismatch');
      expect(error.fix).toContain(suggestions[0]);
    } else {
      expect(error.causeCode).toBe('model-not-in-region');
    }
  });
});

describe('base IDs of profile-only models need an inference profile', () => {
  const profileOnly = Object.keys(EXPECTED).filter((id) => modelById(id)?.inRegion.value.runtime === false);
  // us-east-2: no bedrock-mantle deployment of these models there (their cards list us-east-1).
  it.each(profileOnly)('%s in us-east-2 → needs-inference-profile naming the us. profile', (id) => {
    const error = attempt(id, 'us-east-2') as CliError;
    expect(error).toBeInstanceOf(CliError);
    expect(error.causeCode).toBe('needs-inference-profile');
    expect(error.details?.suggestions).toContain(`us.${id}`);
  });

  it.each(['anthropic.claude-opus-4-7', 'anthropic.claude-opus-4-8'])('%s in us-east-1 is the in-region Messages API on bedrock-mantle, with a warning', (id) => {
    expect(attempt(id, 'us-east-1')).toMatchObject({ modelId: id, scope: 'region', route: 'mantle', warnings: [expect.stringMatching(/only on the Messages API/)] });
  });

  it('the on-demand error of the recording (3.7 Sonnet base ID) is caught as end of life today', () => {
    expect((attempt('anthropic.claude-3-7-sonnet-20250219-v1:0', 'us-east-1') as CliError).causeCode).toBe('model-end-of-life');
  });
});

describe('end-of-life models are refused before any request', () => {
  it.each(END_OF_LIFE.flatMap((id) => [id, `us.${id}`]))('%s', (input) => {
    const error = attempt(input, 'us-east-1') as CliError;
    expect(error).toBeInstanceOf(CliError);
    expect(error.causeCode).toBe('model-end-of-life');
    expect(error.fix).toMatch(/instead/);
  });
});

describe('aliases', () => {
  const active = catalog.models.filter((m) => m.lifecycle.value.status !== 'end-of-life' && m.profiles.value.includes('us'));
  it.each(active.map((m) => [m.aliases[0]!, m.id] as const))('%s resolves to %s in us-east-1', (alias, id) => {
    const outcome = attempt(alias, 'us-east-1');
    if (outcome instanceof CliError) {
      expect(outcome.causeCode).toBe('model-end-of-life');
      return;
    }
    expect(outcome.baseModelId).toBe(id);
  });

  it.each([
    ['opus', 'eu-west-1', 'global.anthropic.claude-opus-5'],
    ['sonnet', 'eu-west-1', 'global.anthropic.claude-sonnet-5'],
    ['haiku', 'ap-northeast-1', 'global.anthropic.claude-haiku-4-5-20251001-v1:0'],
    ['haiku', 'ap-northeast-1', 'jp.anthropic.claude-haiku-4-5-20251001-v1:0', 'geo'],
    ['sonnet-4.5', 'us-gov-west-1', 'us-gov.anthropic.claude-sonnet-4-5-20250929-v1:0'],
    ['opus-4.6', 'ap-southeast-2', 'au.anthropic.claude-opus-4-6-v1', 'geo'],
  ] as Array<[string, string, string, ('auto' | 'geo')?]>)('%s from %s → %s', (alias, region, expected, scope = 'auto') => {
    expect(attempt(alias, region, scope)).toMatchObject({ modelId: expected });
  });
});
