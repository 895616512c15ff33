// Shell completion: the scripts under completions/ are what the generator writes from the command
// tree now (so a new command or flag without `npm run completions` fails CI), they cover every
// command and flag, they parse in their shell, and they actually complete.
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli.js';
import { makeContext } from '../../src/commands/context.js';
import { completion } from '../../src/commands/completion.js';
import { completionFileName, completionScript, SHELLS, type Shell } from '../../src/completion/index.js';
import { describeProgram, type CommandSpec } from '../../src/completion/tree.js';
import { modelWords, regionWords } from '../../src/completion/values.js';
import { SCOPES } from '../../src/config/load.js';
import { CliError, ExitCode } from '../../src/errors.js';
import type { IO } from '../../src/io.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function testIO(): IO & { out: () => string } {
  let stdout = '';
  return {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: () => true },
    stdin: Readable.from([]),
    stdoutIsTTY: false,
    stderrIsTTY: false,
    stdinIsTTY: false,
    out: () => stdout,
  };
}

const program = () => buildProgram({ io: testIO(), env: {}, cwd: ROOT, state: { exitCode: 0 } });
const generated = (shell: Shell) => completionScript(shell, program());
const fileOf = (shell: Shell) => `${ROOT}completions/${completionFileName(shell, 'bedrock-claude')}`;

/** Every command of the commander tree (declared ones; commander's implicit `help` aside), walked here
 *  independently of src/completion/tree.ts, with the long and short flags each one accepts. */
function walk(command: Command, path: string[] = []): Array<{ path: string[]; flags: string[] }> {
  const flags: string[] = ['-h', '--help'];
  for (let c: Command | null = command; c; c = c.parent) {
    for (const option of c.options) flags.push(...[option.short, option.long].filter((f): f is string => Boolean(f)));
  }
  return [{ path, flags }, ...command.commands.flatMap((sub) => walk(sub, [...path, sub.name()]))];
}

/** How each script spells a flag: fish names it without dashes (-l model, -s m). */
function mentionsFlag(shell: Shell, script: string, flag: string): boolean {
  if (shell !== 'fish') return new RegExp(`(?<![\\w-])${flag}(?![\\w-])`).test(script);
  return flag.startsWith('--') ? script.includes(` -l ${flag.slice(2)} `) : script.includes(` -s ${flag.slice(1)} `);
}

function installed(shell: string): boolean {
  return !spawnSync(shell, ['-c', 'true']).error;
}

describe('the checked-in scripts', () => {
  it.each(SHELLS)('the %s script under completions/ is what `npm run completions` writes now', async (shell) => {
    const onDisk = await readFile(fileOf(shell), 'utf8').catch(() => '(missing)');
    expect(onDisk === generated(shell), `completions/${completionFileName(shell, 'bedrock-claude')} is stale: run \`npm run completions\` and commit the result`).toBe(true);
  });
});

describe.each(SHELLS)('the %s script', (shell) => {
  const script = generated(shell);
  const commands = walk(program());

  it('names every command and subcommand', () => {
    for (const { path } of commands) {
      for (const name of path) expect(script, `${path.join(' ')}`).toMatch(new RegExp(`(?<![\\w-])${name}(?![\\w-])`));
    }
  });

  it('names every flag of every command', () => {
    const missing = commands.flatMap(({ path, flags }) => flags.filter((f) => !mentionsFlag(shell, script, f)).map((f) => `${path.join(' ')} ${f}`));
    expect(missing).toEqual([]);
  });

  it('offers aliases, model IDs, regions and scopes', () => {
    for (const word of ['sonnet', 'opus', 'haiku', 'opus-4.6', 'sonnet-4.5', 'global.anthropic.claude-sonnet-4-6', 'us-east-1', 'eu-central-1', 'ap-northeast-1', ...SCOPES]) {
      expect(script).toContain(word);
    }
  });

  it('is deterministic', () => {
    expect(generated(shell)).toBe(script);
  });
});

describe('syntax', () => {
  const check: Record<Shell, [command: string, args: string[]]> = {
    bash: ['bash', ['-n']],
    zsh: ['zsh', ['-n']],
    fish: ['fish', ['--no-config', '-n']],
  };
  for (const shell of SHELLS) {
    const [command, args] = check[shell];
    if (!installed(command)) {
      it.skip(`${command} -n: skipped because ${command} is not installed on this machine (apt-get install ${command})`, () => {});
      continue;
    }
    it(`${command} -n accepts the ${shell} script`, () => {
      const r = spawnSync(command, [...args, fileOf(shell)], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    });
  }
});

describe('bash completes', () => {
  /** Sources the checked-in script, sets COMP_WORDS/COMP_CWORD as bash would, prints COMPREPLY. */
  function complete(words: string[], compLine?: string): string[] {
    const script = [
      'source "$1"; shift',
      'COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 ))',
      compLine === undefined ? 'unset COMP_LINE' : 'COMP_LINE="$LINE"; COMP_POINT=${#LINE}',
      '_bedrock_claude',
      'printf "%s\\n" "${COMPREPLY[@]}"',
    ].join('\n');
    const r = spawnSync('bash', ['--norc', '--noprofile', '-c', script, 'bash', fileOf('bash'), ...words], {
      encoding: 'utf8',
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', LINE: compLine ?? '' },
    });
    expect(r.stderr).toBe('');
    return r.stdout.split('\n').filter(Boolean);
  }

  it.each([
    [['bedrock-claude', 'models', 'res'], ['resolve']],
    [['bedrock-claude', ''], ['batch', 'completion', 'converse', 'cost', 'doctor', 'explain', 'help', 'invoke', 'models']],
    [['bedrock-claude', '--region', 'eu-west-1', 'models', ''], ['help', 'list', 'resolve']],
    [['bedrock-claude', 'invoke', '--api', ''], ['invoke', 'messages']],
    [['bedrock-claude', 'doctor', '--scope', 'g'], ['geo', 'global']],
    [['bedrock-claude', 'models', 'resolve', '--region', 'eu-central-'], ['eu-central-1', 'eu-central-2']],
    [['bedrock-claude', 'completion', ''], ['bash', 'fish', 'zsh']],
    [['bedrock-claude', 'models', 'list', '--of'], ['--offline']],
    [['bedrock-claude', 'converse', '--attach', 'completions/bedrock-claude.b'], ['completions/bedrock-claude.bash']],
    [['bedrock-claude', 'converse', '--system', ''], []],
  ])('%j → %j', (words, expected) => {
    expect(complete(words).sort()).toEqual(expected);
  });

  it('`converse -m son` offers sonnet and the versioned sonnet aliases', () => {
    const offered = complete(['bedrock-claude', 'converse', '-m', 'son']);
    expect(offered).toContain('sonnet');
    expect(offered).toContain('sonnet-4.5');
    expect(offered.every((w) => w.startsWith('son'))).toBe(true);
  });

  it('from COMP_LINE: model IDs with ":" and --opt=value, trimmed to what bash replaces', () => {
    expect(complete([], 'bedrock-claude converse -m anthropic.claude-sonnet-4-5-20250929-v1:')).toEqual(['0']);
    expect(complete([], 'bedrock-claude converse --region=us-west-')).toEqual(['us-west-1', 'us-west-2']);
  });
});

describe('fish completes (complete -C)', () => {
  if (!installed('fish')) {
    it.skip('skipped because fish is not installed on this machine (apt-get install fish)', () => {});
    return;
  }
  it.each([
    ['bedrock-claude models res', ['resolve']],
    ['bedrock-claude converse -m sonnet-4.', ['sonnet-4.5', 'sonnet-4.6']],
    ['bedrock-claude cost estimate --per ', ['day', 'month']],
    ['bedrock-claude --region eu-west-1 models l', ['list']],
  ])('%s → %j', (line, expected) => {
    const r = spawnSync('fish', ['--no-config', '-c', `source ${fileOf('fish')}; complete -C '${line}'`], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').filter(Boolean).map((l) => l.split('\t')[0])).toEqual(expected);
  });
});

describe('the command tree', () => {
  const tree = describeProgram(program());
  const find = (...path: string[]): CommandSpec => {
    let node = tree;
    for (const name of path) node = node.subcommands.find((c) => c.name === name) ?? expect.unreachable(`no command ${path.join(' ')}`);
    return node;
  };
  const option = (command: CommandSpec, name: string) => command.options.find((o) => o.long === name || o.short === name);

  it.each([
    [['invoke'], '-m', { kind: 'model' }],
    [['converse'], '--region', { kind: 'region' }],
    [['converse'], '--scope', { kind: 'scope' }],
    [['converse'], '--attach', { kind: 'file' }],
    [['converse'], '--system', { kind: 'text' }],
    [['converse'], '--stream', { kind: 'none' }],
    [['invoke'], '--body', { kind: 'file' }],
    [['invoke'], '--api', { kind: 'choices', choices: ['invoke', 'messages'] }],
    [['cost', 'estimate'], '--prompt-file', { kind: 'file' }],
    [['models', 'list'], '--config', { kind: 'file' }],
  ])('%j %s completes as %j', (path, name, kind) => {
    expect(option(find(...path), name)?.value).toEqual(kind);
  });

  it('program options are accepted by every command; help and version are included', () => {
    expect(option(find('models', 'list'), '--region')).toBeDefined();
    expect(option(find('models', 'list'), '--help')).toBeDefined();
    expect(option(tree, '--version')).toBeDefined();
  });

  it('arguments: models resolve takes a model, completion a shell, help a command name', () => {
    expect(find('models', 'resolve').arguments[0]?.value).toEqual({ kind: 'model' });
    expect(find('completion').arguments[0]?.value).toEqual({ kind: 'choices', choices: ['bash', 'zsh', 'fish'] });
    expect(find('help').arguments[0]?.value).toMatchObject({ kind: 'choices', choices: expect.arrayContaining(['models', 'converse']) });
  });

  it('model words: tier and versioned aliases first, then base and profile IDs; regions sorted', () => {
    const words = modelWords();
    expect(words).toEqual(expect.arrayContaining(['sonnet', 'opus-4.6', 'anthropic.claude-sonnet-4-6', 'eu.anthropic.claude-sonnet-4-6']));
    expect(words.indexOf('sonnet')).toBeLessThan(words.indexOf('anthropic.claude-sonnet-4-6'));
    expect(new Set(words).size).toBe(words.length);
    expect(regionWords()).toEqual([...regionWords()].sort());
  });
});

describe('completion command', () => {
  const ctx = (io: IO) => makeContext(io, {}, ROOT, {});

  it.each(SHELLS)('prints the %s script', async (shell) => {
    const io = testIO();
    expect(await completion(ctx(io), {}, [shell])).toBe(ExitCode.ok);
    expect(io.out()).toBe(generated(shell));
  });

  it('an unknown shell is a usage error naming the three', async () => {
    const error = await completion(ctx(testIO()), {}, ['pwsh']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(ExitCode.usage);
    expect((error as CliError).message).toMatch(/bash, zsh, fish/);
  });
});
