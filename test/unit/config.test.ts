import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeSource, loadSettings, type ConfigFlags } from '../../src/config/load.js';
import { CliError } from '../../src/errors.js';
import { tempDir, writeTree } from '../helpers/tmp.js';

/** A home with a user file, a project with a nested working directory, and an AWS config. */
async function world(files: { user?: object; project?: object; aws?: string } = {}) {
  const root = await tempDir();
  const home = join(root, 'home');
  const project = join(root, 'project');
  const cwd = join(project, 'src', 'deep');
  await writeTree(root, {
    'project/src/deep/.keep': '',
    'home/.keep': '',
    ...(files.user ? { 'home/.config/bedrock-claude/config.json': JSON.stringify(files.user) } : {}),
    ...(files.project ? { 'project/.bedrock-claude.json': JSON.stringify(files.project) } : {}),
    ...(files.aws ? { 'home/.aws/config': files.aws } : {}),
  });
  const env = { HOME: home };
  return { root, home, project, cwd, env, userFile: join(home, '.config/bedrock-claude/config.json'), projectFile: join(project, '.bedrock-claude.json') };
}

const load = (w: Awaited<ReturnType<typeof world>>, flags: ConfigFlags = {}, env: Record<string, string> = {}) =>
  loadSettings({ flags, env: { ...w.env, ...env }, cwd: w.cwd });

describe('config precedence: flag > env > project file > user file > AWS profile > default', () => {
  const aws = '[default]\nregion = ap-south-1\n[profile work]\nregion = sa-east-1\n';
  const layers = { user: { region: 'eu-west-1', model: 'haiku' }, project: { region: 'eu-central-1', model: 'opus' }, aws };

  it.each([
    ['flag wins over everything', { region: 'us-west-2' }, { AWS_REGION: 'us-east-2' }, 'us-west-2', 'flag --region'],
    ['AWS_REGION over files', {}, { AWS_REGION: 'us-east-2', AWS_DEFAULT_REGION: 'us-east-1' }, 'us-east-2', 'env AWS_REGION'],
    ['AWS_DEFAULT_REGION when AWS_REGION is unset', {}, { AWS_DEFAULT_REGION: 'us-east-1' }, 'us-east-1', 'env AWS_DEFAULT_REGION'],
  ])('%s', async (_, flags, env, region, source) => {
    const w = await world(layers);
    const settings = await load(w, flags, env);
    expect(settings.region?.value).toBe(region);
    expect(describeSource(settings.region!.source)).toBe(source);
  });

  it('the project file, found from a nested directory, beats the user file', async () => {
    const w = await world(layers);
    const settings = await load(w);
    expect(settings.region).toEqual({ value: 'eu-central-1', source: { kind: 'file', path: w.projectFile } });
    expect(settings.model.value).toBe('opus');
    expect(settings.files).toEqual([w.projectFile, w.userFile]);
  });

  it('the user file applies when there is no project file', async () => {
    const w = await world({ user: layers.user, aws });
    const settings = await load(w);
    expect(settings.region).toEqual({ value: 'eu-west-1', source: { kind: 'file', path: w.userFile } });
  });

  it('XDG_CONFIG_HOME moves the user file', async () => {
    const w = await world();
    await writeTree(w.root, { 'xdg/bedrock-claude/config.json': JSON.stringify({ region: 'ca-central-1' }) });
    const settings = await load(w, {}, { XDG_CONFIG_HOME: join(w.root, 'xdg') });
    expect(settings.region?.value).toBe('ca-central-1');
  });

  it('the region of the default AWS profile comes last', async () => {
    const w = await world({ aws });
    const settings = await load(w);
    expect(settings.region?.value).toBe('ap-south-1');
    expect(describeSource(settings.region!.source)).toBe(`AWS profile "default" (${join(w.home, '.aws/config')})`);
  });

  it.each([
    ['AWS_PROFILE', {}, { AWS_PROFILE: 'work' }],
    ['--profile', { profile: 'work' }, {}],
  ])('%s selects the AWS profile whose region is used', async (_, flags, env) => {
    const w = await world({ aws });
    const settings = await load(w, flags, env);
    expect(settings.region?.value).toBe('sa-east-1');
    expect(settings.profile?.value).toBe('work');
  });

  it('AWS_CONFIG_FILE points at another AWS config', async () => {
    const w = await world();
    await writeTree(w.root, { 'elsewhere/config': '[default]\nregion = me-central-1\n' });
    const settings = await load(w, {}, { AWS_CONFIG_FILE: join(w.root, 'elsewhere/config') });
    expect(settings.region?.value).toBe('me-central-1');
  });

  it('defaults apply with no files at all', async () => {
    const w = await world();
    const settings = await load(w);
    expect(settings.region).toBeUndefined();
    expect(settings.model).toEqual({ value: 'sonnet', source: { kind: 'default' } });
    expect(settings.scope).toEqual({ value: 'auto', source: { kind: 'default' } });
    expect(settings.maxTokens.value).toBe(4096);
  });

  it('model and scope: flag > BEDROCK_CLAUDE_* env > file', async () => {
    const w = await world({ project: { model: 'opus', scope: 'geo' } });
    expect((await load(w)).scope.value).toBe('geo');
    expect((await load(w, {}, { BEDROCK_CLAUDE_MODEL: 'haiku', BEDROCK_CLAUDE_SCOPE: 'region' })).model.value).toBe('haiku');
    const flagged = await load(w, { model: 'sonnet-4.5', scope: 'global' }, { BEDROCK_CLAUDE_MODEL: 'haiku' });
    expect(flagged.model).toEqual({ value: 'sonnet-4.5', source: { kind: 'flag', name: '--model' } });
    expect(flagged.scope.value).toBe('global');
  });

  it('aliases merge across files, the project file winning per name', async () => {
    const w = await world({ user: { aliases: { fast: 'haiku', big: 'opus' } }, project: { aliases: { fast: 'haiku-4.5' } } });
    const settings = await load(w);
    expect(settings.aliases.fast).toEqual({ value: 'haiku-4.5', source: { kind: 'file', path: w.projectFile } });
    expect(settings.aliases.big?.value).toBe('opus');
  });

  it('endpoints: --endpoint-url for both, service-specific env vars per client', async () => {
    const w = await world({ project: { endpointUrl: 'http://127.0.0.1:9' } });
    const fromEnv = await load(w, {}, { AWS_ENDPOINT_URL_BEDROCK_RUNTIME: 'http://127.0.0.1:1', AWS_ENDPOINT_URL: 'http://127.0.0.1:2' });
    expect(fromEnv.runtimeEndpoint?.value).toBe('http://127.0.0.1:1');
    expect(fromEnv.controlEndpoint?.value).toBe('http://127.0.0.1:2');
    const fromFlag = await load(w, { endpointUrl: 'http://127.0.0.1:3' }, { AWS_ENDPOINT_URL: 'http://127.0.0.1:2' });
    expect([fromFlag.runtimeEndpoint?.value, fromFlag.controlEndpoint?.value]).toEqual(['http://127.0.0.1:3', 'http://127.0.0.1:3']);
    expect((await load(w)).runtimeEndpoint?.source).toEqual({ kind: 'file', path: w.projectFile });
  });

  it('--config replaces the project and user files', async () => {
    const w = await world(layers);
    await writeTree(w.root, { 'custom.json': JSON.stringify({ region: 'il-central-1' }) });
    const settings = await load(w, { config: join(w.root, 'custom.json') });
    expect(settings.region?.value).toBe('il-central-1');
    expect(settings.files).toEqual([join(w.root, 'custom.json')]);
  });
});

describe('config errors name the file, the key and what was expected', () => {
  async function failure(content: string, flags: ConfigFlags = {}, env: Record<string, string> = {}) {
    const w = await world();
    await writeTree(w.project, { '.bedrock-claude.json': content });
    const error = await load(w, flags, env).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CliError);
    return { error: error as CliError, file: w.projectFile };
  }

  it.each([
    ['invalid JSON', '{"region": "us-east-1",}', /is not valid JSON/],
    ['not an object', '["us-east-1"]', /must hold a JSON object/],
    ['unknown key', '{"regoin": "us-east-1"}', /unknown key "regoin"/],
    ['wrong type', '{"maxTokens": "lots"}', /key "maxTokens" must be a positive integer, got "lots"/],
    ['alias map of non-strings', '{"aliases": {"fast": 3}}', /key "aliases" must be an object of strings/],
    ['bad scope', '{"scope": "everywhere"}', /scope "everywhere" .* is not one of auto, global, geo, region/],
    ['bad region', '{"region": "Frankfurt"}', /region "Frankfurt" .* is not an AWS region name/],
    ['bad endpoint', '{"endpointUrl": "localhost:4000"}', /is not an http\(s\) URL/],
  ])('%s → exit 3', async (_, content, message) => {
    const { error, file } = await failure(content);
    expect(error.exitCode).toBe(3);
    expect(error.message).toMatch(message);
    expect(error.message).toContain(file);
    expect(error.fix).toBeTruthy();
  });

  it('a bad flag value is a usage error (exit 2)', async () => {
    const w = await world();
    await expect(load(w, { scope: 'planet' })).rejects.toMatchObject({ exitCode: 2 });
    await expect(load(w, { region: 'mars' })).rejects.toMatchObject({ exitCode: 2 });
  });

  it('a bad env value is a config error (exit 3) naming the variable', async () => {
    const w = await world();
    await expect(load(w, {}, { BEDROCK_CLAUDE_SCOPE: 'planet' })).rejects.toMatchObject({ exitCode: 3, message: expect.stringContaining('env BEDROCK_CLAUDE_SCOPE') });
  });

  it('a missing --config file is a config error', async () => {
    const w = await world();
    await expect(load(w, { config: join(w.root, 'nope.json') })).rejects.toMatchObject({ exitCode: 3, message: expect.stringContaining('does not exist') });
  });
});

describe('secrets in config files', () => {
  // Built at run time so the repository holds nothing that looks like a key.
  const fakeKeyId = ['AK', 'IA', 'FAKE'.repeat(4)].join('');

  it.each([
    ['an access key ID', { aliases: { prod: fakeKeyId } }],
    ['a URL with a password', { endpointUrl: 'https://user:hunter2-fake@proxy.example' }],
  ])('a file readable by others holding %s is refused with the fix', async (_, content) => {
    const w = await world();
    await writeTree(w.project, { '.bedrock-claude.json': JSON.stringify(content) });
    const { chmod } = await import('node:fs/promises');
    await chmod(w.projectFile, 0o644);
    const error = await load(w).then(() => undefined, (e: unknown) => e as CliError);
    expect(error?.exitCode).toBe(3);
    expect(error?.message).toMatch(/readable by others and seems to contain/);
    expect(error?.fix).toContain(`chmod 600 ${w.projectFile}`);
  });

  it('the same file readable only by its owner is read', async () => {
    const w = await world();
    await writeTree(w.project, { '.bedrock-claude.json': JSON.stringify({ aliases: { prod: fakeKeyId } }) });
    const { chmod } = await import('node:fs/promises');
    await chmod(w.projectFile, 0o600);
    expect((await load(w)).aliases.prod?.value).toBe(fakeKeyId);
  });
});
