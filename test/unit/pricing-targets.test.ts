// Price overrides (--prices) and the model/route priced when no region is set.
import { describe, expect, it } from 'vitest';
import { modelByAlias } from '../../src/catalog/index.js';
import { CliError } from '../../src/errors.js';
import { parseOverrides } from '../../src/pricing/overrides.js';
import { targetWithoutRegion, currentTierModels } from '../../src/pricing/target.js';

const SONNET45 = 'anthropic.claude-sonnet-4-5-20250929-v1:0';

describe('--prices overrides', () => {
  it('keys by alias or model ID; "*" covers every scope; one row or dated rows per scope', () => {
    const loaded = parseOverrides(
      JSON.stringify({
        source: 'ACME addendum',
        asOf: '2026-07-01',
        models: {
          'sonnet-4.5': { '*': { input: 2.7, output: 13.5, cacheRead: 0.27, batch: { input: 1.35, output: 6.75 } } },
          'anthropic.claude-opus-6': { global: [{ input: 4, output: 20, validTo: '2026-12-31' }, { input: 5, output: 25, validFrom: '2027-01-01' }] },
        },
      }),
      'p.json',
    );
    expect(loaded.source).toBe('ACME addendum (--prices p.json)');
    expect(loaded.overrides.get(SONNET45)?.map((r) => r.scope)).toEqual(['global', 'regional']);
    expect(loaded.overrides.get(SONNET45)?.[0]).toMatchObject({ input: 2.7, cacheRead: 0.27, batch: { input: 1.35 }, asOf: '2026-07-01' });
    expect(loaded.overrides.get('anthropic.claude-opus-6')).toHaveLength(2); // a model newer than the catalog
  });

  it.each([
    ['not json', /is not valid JSON/],
    ['[]', /must be a JSON object/],
    ['{"modles": {}}', /key "modles" is unknown/],
    ['{"models": {"sonet-4.5": {"global": {"input": 1, "output": 1}}}}', /models."sonet-4.5" names no known model/],
    ['{"models": {"sonnet-4.5": {"global": {"input": -1, "output": 1}}}}', /models."sonnet-4.5".global.input must be a number ≥ 0/],
    ['{"models": {"sonnet-4.5": {"global": {"input": 1}}}}', /global.output must be a number/],
    ['{"models": {"sonnet-4.5": {"global": {"input": 1, "output": 1, "cache": 1}}}}', /global.cache is unknown/],
    ['{"models": {"sonnet-4.5": {"global": {"input": 1, "output": 1, "validFrom": "soon"}}}}', /validFrom must be a date/],
    ['{"asOf": "July", "models": {}}', /"asOf" must be a date/],
  ])('%s → usage error', (text, message) => {
    const err = (() => {
      try {
        parseOverrides(text, 'p.json');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(CliError);
    expect((err as CliError).exitCode).toBe(2);
    expect((err as CliError).message).toMatch(message);
    expect((err as CliError).message).toContain('--prices p.json');
  });
});

describe('targets without a region', () => {
  const base = { scope: 'auto' as const, scopeExplicit: false, aliases: {}, today: '2026-11-21' };

  it('auto: global where the model has it', () => {
    expect(targetWithoutRegion({ ...base, input: 'sonnet' })).toMatchObject({ modelId: 'global.anthropic.claude-sonnet-5', scope: 'global', priceScope: 'global', region: null });
  });

  it('auto: the regional price when the model has no global profile', () => {
    expect(targetWithoutRegion({ ...base, input: 'opus-4.1' })).toMatchObject({ scope: 'geo', priceScope: 'regional' });
  });

  it('an explicit scope is priced as asked, and refused when the model lacks it', () => {
    expect(targetWithoutRegion({ ...base, input: 'sonnet-4.5', scope: 'geo', scopeExplicit: true })).toMatchObject({ scope: 'geo', priceScope: 'regional' });
    expect(() => targetWithoutRegion({ ...base, input: 'opus-4.1', scope: 'global', scopeExplicit: true })).toThrow(/no global inference profile/);
  });

  it('IDs keep their own route: a prefix decides; a bare base ID is in-region', () => {
    expect(targetWithoutRegion({ ...base, input: `us-gov.${SONNET45}` })).toMatchObject({ scope: 'geo', prefix: 'us-gov', priceScope: 'us-gov' });
    expect(targetWithoutRegion({ ...base, input: SONNET45 })).toMatchObject({ modelId: SONNET45, scope: 'region', priceScope: 'regional' });
    expect(() => targetWithoutRegion({ ...base, input: `jp.anthropic.claude-opus-4-1-20250805-v1:0` })).toThrow(/no "jp." inference profile/);
  });

  it('user aliases, end of life, typos and newer models', () => {
    expect(targetWithoutRegion({ ...base, input: 'fast', aliases: { fast: 'haiku-4.5' } }).model?.id).toBe('anthropic.claude-haiku-4-5-20251001-v1:0');
    expect(() => targetWithoutRegion({ ...base, input: 'sonnet-3.7' })).toThrow(/end of life/);
    expect(() => targetWithoutRegion({ ...base, input: 'anthropic.claude-opus-4-6-v1:0' })).toThrow(/did you mean/);
    const newer = targetWithoutRegion({ ...base, input: 'global.anthropic.claude-opus-6' });
    expect(newer).toMatchObject({ model: undefined, baseModelId: 'anthropic.claude-opus-6', priceScope: 'global' });
    expect(newer.warnings.join()).toMatch(/newer than the built-in catalog/);
    expect(newer.warnings.join()).not.toMatch(/region/);
  });

  it('--compare takes the newest active Haiku, Sonnet and Opus', () => {
    expect(currentTierModels('2026-11-21').map((m) => m.aliases[0])).toEqual(['haiku-4.5', 'sonnet-5', 'opus-5']);
    expect(modelByAlias('opus-5')?.lifecycle.value.status).toBe('active');
  });
});
