// The default world is self-consistent, and overrides compose as documented.
import { describe, expect, it } from 'vitest';
import { buildWorld, DEFAULT_MODELS, defaultWorld, geoProfiles, GEOS } from './world.js';
import { resolveInvocation } from './resolve.js';

describe('default world', () => {
  const w = defaultWorld();

  it('is consistent: profiles name existing models, all regions are known', () => {
    for (const p of w.profiles) {
      expect(w.models.some((m) => m.modelId === p.modelId), p.id).toBe(true);
      for (const r of p.sourceRegions) expect(w.regions, p.id).toContain(r);
    }
    for (const m of w.models) for (const r of m.regions) expect(w.regions, m.modelId).toContain(r);
    expect(new Set(w.profiles.map((p) => p.id)).size).toBe(w.profiles.length);
  });

  it('has on-demand Claude 3 Haiku, profile-only 4.x models, and Opus 4.7 on the Messages API', () => {
    const m = (id: string) => w.models.find((x) => x.modelId === id);
    expect(m(DEFAULT_MODELS.HAIKU3)?.inferenceTypes).toContain('ON_DEMAND');
    for (const id of [DEFAULT_MODELS.SONNET45, DEFAULT_MODELS.HAIKU45, DEFAULT_MODELS.SONNET46, DEFAULT_MODELS.OPUS46]) {
      expect(m(id)?.inferenceTypes).toEqual(['INFERENCE_PROFILE']);
      expect(w.profiles.some((p) => p.id === `global.${id}`)).toBe(true);
    }
    expect(m(DEFAULT_MODELS.OPUS47)?.apis).toContain('messages');
    const prefixes = new Set(w.profiles.map((p) => p.id.split('.')[0]));
    for (const geo of ['global', 'us', 'eu', 'jp', 'apac']) expect(prefixes).toContain(geo);
  });

  it('routes geo profiles only from their own geography', () => {
    expect(resolveInvocation(w, 'ap-northeast-1', `jp.${DEFAULT_MODELS.SONNET45}`, 'converse').profile?.id).toBe(`jp.${DEFAULT_MODELS.SONNET45}`);
    expect(() => resolveInvocation(w, 'us-east-1', `jp.${DEFAULT_MODELS.SONNET45}`, 'converse')).toThrow('The provided model identifier is invalid.');
    expect(resolveInvocation(w, 'sa-east-1', `global.${DEFAULT_MODELS.SONNET45}`, 'converse').model.modelId).toBe(DEFAULT_MODELS.SONNET45);
  });
});

describe('buildWorld overrides', () => {
  it('adds, replaces, patches and removes models and their profiles', () => {
    const w = buildWorld({
      models: [{ modelId: 'anthropic.claude-test-v1:0', modelName: 'Test', providerName: 'Anthropic', regions: ['us-east-1'], inferenceTypes: ['ON_DEMAND'] }],
      profiles: geoProfiles('anthropic.claude-test-v1:0', 'Claude Test', ['us']),
      modelPatches: { [DEFAULT_MODELS.HAIKU45]: { access: false } },
      removeModels: [DEFAULT_MODELS.OPUS46],
      auth: { accessKeyIds: ['AKIDFAKEONLY00000001'] },
      replies: [{ reply: { text: 'first' } }],
    });
    expect(w.models.find((m) => m.modelId === 'anthropic.claude-test-v1:0')).toBeDefined();
    expect(w.profiles.find((p) => p.id === 'us.anthropic.claude-test-v1:0')?.sourceRegions).toEqual(GEOS.us);
    expect(w.models.find((m) => m.modelId === DEFAULT_MODELS.HAIKU45)?.access).toBe(false);
    expect(w.models.some((m) => m.modelId === DEFAULT_MODELS.OPUS46)).toBe(false);
    expect(w.profiles.some((p) => p.modelId === DEFAULT_MODELS.OPUS46)).toBe(false);
    expect(w.auth.accessKeyIds).toEqual(['AKIDFAKEONLY00000001']);
    expect(w.auth.identities).toBeDefined(); // merged, not replaced
    expect(w.replies[0]?.reply.text).toBe('first');
  });

  it('starts empty on request, accepts a function, and never shares state between builds', () => {
    expect(buildWorld({ base: 'empty' }).models).toEqual([]);
    const w = buildWorld((x) => {
      x.defaultRegion = 'eu-west-1';
    });
    expect(w.defaultRegion).toBe('eu-west-1');
    const a = buildWorld();
    a.models.length = 0;
    expect(buildWorld().models.length).toBeGreaterThan(0);
    expect(() => buildWorld({ modelPatches: { nope: {} } })).toThrow(/unknown model/);
  });
});
