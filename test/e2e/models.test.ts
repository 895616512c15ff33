// End-to-end: the built binary, run as a user would, for everything that needs no AWS.
import { describe, expect, it } from 'vitest';
import { VERSION } from '../../src/version.js';
import { runCli } from '../helpers/cli.js';
import { tempDir, writeTree } from '../helpers/tmp.js';

async function cli(args: string[], env: Record<string, string> = {}, files: Record<string, string> = {}) {
  const home = await tempDir();
  await writeTree(home, files);
  return runCli(args, { home, env });
}

describe('help and version', () => {
  it('--version prints the version alone on stdout', async () => {
    const r = await cli(['--version']);
    expect(r).toMatchObject({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  it('--help lists every command of the design, with examples', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    for (const command of ['models', 'invoke', 'converse', 'cost', 'doctor', 'explain', 'completion']) {
      expect(r.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    }
    for (const option of ['--region', '--profile', '--endpoint-url', '--json', '--no-color', '--quiet', '--debug', '--config']) {
      expect(r.stdout).toContain(option);
    }
    expect(r.stdout).toContain('Examples:');
  });

  it('subcommand help shows its own options and the global ones', async () => {
    const r = await cli(['models', 'list', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--offline');
    expect(r.stdout).toContain('--region');
  });

  it.each([
    [['--bogus'], /unknown option '--bogus'/],
    [['models', 'resolve'], /missing required argument 'model'/],
    [['nonsense'], /unknown command 'nonsense'/],
  ])('usage errors exit 2: %j', async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });
});

describe('models list --offline', () => {
  it('--json: the documented fields for every active model, no AWS needed', async () => {
    const r = await cli(['models', 'list', '--offline', '--json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(rows.length).toBeGreaterThan(8);
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(expect.arrayContaining(['modelId', 'name', 'aliases', 'lifecycle', 'contextWindow', 'maxOutputTokens', 'profiles', 'integration']));
      expect(row.lifecycle).toBe('active');
    }
    const sonnet45 = rows.find((row) => row.modelId === 'anthropic.claude-sonnet-4-5-20250929-v1:0');
    expect(sonnet45).toMatchObject({ aliases: ['sonnet-4.5'], contextWindow: 200000, maxOutputTokens: 64000, integration: 'bedrock-runtime' });
    expect(rows.find((row) => row.modelId === 'anthropic.claude-opus-4-7')).toMatchObject({ integration: 'messages-api' });
  });

  it('--all adds legacy and end-of-life models', async () => {
    const all = JSON.parse((await cli(['models', 'list', '--offline', '--all', '--json'])).stdout) as Array<{ lifecycle: string; modelId: string }>;
    expect(all.map((r) => r.lifecycle)).toEqual(expect.arrayContaining(['active', 'legacy', 'end-of-life']));
    expect(all.map((r) => r.modelId)).toContain('anthropic.claude-3-7-sonnet-20250219-v1:0');
  });

  it('with a region, profiles are those callable from it', async () => {
    const rows = JSON.parse((await cli(['models', 'list', '--offline', '--json', '--region', 'eu-west-1'])).stdout) as Array<{ modelId: string; profiles: string[] }>;
    const sonnet45 = rows.find((r) => r.modelId === 'anthropic.claude-sonnet-4-5-20250929-v1:0');
    expect(sonnet45?.profiles).toEqual(['global.anthropic.claude-sonnet-4-5-20250929-v1:0', 'eu.anthropic.claude-sonnet-4-5-20250929-v1:0']);
    for (const row of rows) for (const id of row.profiles) expect(id).toMatch(/^(global|eu)\./);
  });

  it('piped: tab-separated rows without a header or colour; notes on stderr', async () => {
    const r = await cli(['models', 'list', '--offline', '--region', 'us-east-1'], { FORCE_COLOR: '0' });
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).not.toMatch(/MODEL ID/);
    for (const line of lines) expect(line.split('\t')).toHaveLength(7);
    expect(r.stdout).not.toContain('\u001b[');
    expect(r.stderr).toMatch(/catalog of \d{4}-\d{2}-\d{2}, region us-east-1 \(env AWS_REGION|flag --region\)/);
  });

  it('--quiet leaves stderr empty', async () => {
    const r = await cli(['models', 'list', '--offline', '-q']);
    expect(r.stderr).toBe('');
  });
});

describe('models resolve', () => {
  it('prints the ID on stdout and the reasons on stderr', async () => {
    const r = await cli(['models', 'resolve', 'sonnet-4.5', '--region', 'eu-central-1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('global.anthropic.claude-sonnet-4-5-20250929-v1:0\n');
    expect(r.stderr).toContain('Claude Sonnet 4.5');
    expect(r.stderr).toContain('region eu-central-1 (flag --region)');
  });

  it('--json has the documented fields', async () => {
    const r = await cli(['models', 'resolve', 'haiku-4.5', '--scope', 'geo', '--json'], { AWS_REGION: 'ap-northeast-1' });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      input: 'haiku-4.5',
      modelId: 'jp.anthropic.claude-haiku-4-5-20251001-v1:0',
      baseModelId: 'anthropic.claude-haiku-4-5-20251001-v1:0',
      scope: 'geo',
      region: 'ap-northeast-1',
      integration: 'bedrock-runtime',
      warnings: [],
    });
  });

  it('the region comes from the AWS profile when nothing else sets it', async () => {
    const r = await cli(['models', 'resolve', 'opus-4.6', '--json'], { AWS_PROFILE: 'syd' }, { '.aws/config': '[profile syd]\nregion = ap-southeast-2\n' });
    expect(JSON.parse(r.stdout)).toMatchObject({ region: 'ap-southeast-2', modelId: 'global.anthropic.claude-opus-4-6-v1' });
  });

  it('user aliases from the config file', async () => {
    const r = await cli(['models', 'resolve', 'fast', '--region', 'us-east-1'], {}, { '.config/bedrock-claude/config.json': JSON.stringify({ aliases: { fast: 'haiku-4.5' }, scope: 'geo' }) });
    expect(r.stdout).toBe('us.anthropic.claude-haiku-4-5-20251001-v1:0\n');
  });

  it.each([
    ['us.anthropic.claude-sonnet-4-5-20250929-v1:0', 'eu-central-1', 'prefix-region-mismatch', 'eu.anthropic.claude-sonnet-4-5-20250929-v1:0'],
    ['apac.anthropic.claude-sonnet-4-6', 'ap-northeast-1', 'prefix-region-mismatch', 'jp.anthropic.claude-sonnet-4-6'],
    ['anthropic.claude-sonnet-4-5-20250929-v1:0', 'us-east-1', 'needs-inference-profile', 'us.anthropic.claude-sonnet-4-5-20250929-v1:0'],
    ['anthropic.claude-opus-4-6-v1:0', 'us-east-1', 'unknown-model-id', 'anthropic.claude-opus-4-6-v1'],
    ['us.anthropic.claude-3-7-sonnet-20250219-v1:0', 'us-east-1', 'model-end-of-life', null],
    ['us.anthropic.claude-opus-4-1-20250805-v1:0', 'eu-west-1', 'model-not-in-region', null],
    ['arn:aws:bedrock:us-west-2:123456789012:inference-profile/us.anthropic.claude-sonnet-4-6', 'us-east-1', 'endpoint-config', null],
  ])('%s from %s → exit 4, %s', async (input, region, cause, suggestion) => {
    const r = await cli(['models', 'resolve', input, '--region', region, '--json']);
    expect(r.code).toBe(4);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^error: /);
    expect(lines[1]).toMatch(/^fix: /);
    const { error } = JSON.parse(lines[lines.length - 1]!) as { error: { cause: string; exitCode: number; suggestions?: string[]; fix: string } };
    expect(error).toMatchObject({ cause, exitCode: 4 });
    if (suggestion) expect(error.suggestions).toContain(suggestion);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('a newer model than the catalog passes with a warning', async () => {
    const r = await cli(['models', 'resolve', 'global.anthropic.claude-opus-6', '--region', 'us-east-1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('global.anthropic.claude-opus-6\n');
    expect(r.stderr).toMatch(/warning: .*newer than the built-in catalog/);
  });

  it('no region → exit 3 saying where to set one', async () => {
    const r = await cli(['models', 'resolve', 'sonnet']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('no AWS region is set');
    expect(r.stderr).toContain('--region');
  });

  it('an invalid config file → exit 3 naming the file and the key', async () => {
    const home = await tempDir();
    await writeTree(home, { 'proj/.bedrock-claude.json': '{"modle": "sonnet"}' });
    const r = await runCli(['models', 'resolve', 'sonnet', '--region', 'us-east-1'], { home, cwd: `${home}/proj` });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${home}/proj/.bedrock-claude.json`);
    expect(r.stderr).toContain('unknown key "modle"');
  });

  it('an invalid --scope is a usage error', async () => {
    const r = await cli(['models', 'resolve', 'sonnet', '--region', 'us-east-1', '--scope', 'planet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('scope "planet"');
  });
});

describe('colour', () => {
  it('FORCE_COLOR colours stderr; NO_COLOR and --no-color win over it', async () => {
    const args = ['models', 'resolve', 'sonet', '--region', 'us-east-1'];
    expect((await cli(args, { FORCE_COLOR: '1' })).stderr).toContain('\u001b[31m');
    expect((await cli(args, { FORCE_COLOR: '1', NO_COLOR: '1' })).stderr).not.toContain('\u001b[');
    expect((await cli([...args, '--no-color'], { FORCE_COLOR: '1' })).stderr).not.toContain('\u001b[');
  });
});
