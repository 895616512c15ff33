// End-to-end: every command's --help, from the built binary. Each one has examples, every flag it
// lists is documented in README.md (a flag added without documentation fails CI), and the text is
// kept as a file snapshot so a change to help shows up in review (`npx vitest run test/e2e/help.test.ts -u`
// after `npm run build` to accept one).
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const README = new URL('../../README.md', import.meta.url);
const COMPLETIONS = new URL('../../completions/', import.meta.url);

/** Every declared command, the program first (commander's implicit `help` commands aside). */
function commandPaths(command: Command, path: string[] = []): string[][] {
  return [path, ...command.commands.flatMap((sub) => commandPaths(sub, [...path, sub.name()]))];
}

const program = buildProgram({
  io: { stdout: { write: () => true }, stderr: { write: () => true }, stdin: Readable.from([]), stdoutIsTTY: false, stderrIsTTY: false, stdinIsTTY: false },
  env: {},
  cwd: process.cwd(),
  state: { exitCode: 0 },
});
const paths = commandPaths(program);

/** The long flags an --help lists in its Options and Global Options sections: "  -m, --model <model>  …". */
function listedFlags(help: string): string[] {
  return [...new Set([...help.matchAll(/^ {2}(?:-\w, )?(--[a-z][\w-]*)/gm)].map((m) => m[1] ?? ''))];
}

async function help(path: string[]) {
  return runCli([...path, '--help'], { home: await tempDir() });
}

describe.each(paths.map((path) => [path.length > 0 ? path.join(' ') : '(program)', path] as const))('%s --help', (_name, path) => {
  it('exits 0 with examples on stdout', async () => {
    const r = await help(path);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toMatch(/^ {2}\$ bedrock-claude /m);
  });

  it('lists only flags that README.md documents', async () => {
    const [r, readme] = await Promise.all([help(path), readFile(README, 'utf8')]);
    const flags = listedFlags(r.stdout);
    expect(flags).toContain('--help');
    const undocumented = flags.filter((flag) => !new RegExp(`(?<![\\w-])${flag}(?![\\w-])`).test(readme));
    expect(undocumented, `flags of "${['bedrock-claude', ...path].join(' ')}" missing from README.md`).toEqual([]);
  });

  it('lists every option the command declares (the CLI declares them only when the command runs)', async () => {
    const command = path.reduce((c, name) => c.commands.find((sub) => sub.name() === name)!, program);
    const declared = command.options.map((o) => o.long ?? o.short ?? '').filter((flag) => flag.startsWith('--'));
    const listed = listedFlags((await help(path)).stdout);
    expect(declared.filter((flag) => !listed.includes(flag))).toEqual([]);
  });

  it('matches its snapshot', async () => {
    const r = await help(path);
    await expect(r.stdout).toMatchFileSnapshot(`./__snapshots__/help/${['bedrock-claude', ...path].join('-')}.txt`);
  });
});

describe('completion', () => {
  it.each([
    ['bash', 'bedrock-claude.bash'],
    ['zsh', '_bedrock-claude'],
    ['fish', 'bedrock-claude.fish'],
  ])('completion %s prints the script shipped as completions/%s', async (shell, file) => {
    const [r, shipped] = await Promise.all([runCli(['completion', shell], { home: await tempDir() }), readFile(new URL(file, COMPLETIONS), 'utf8')]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(shipped);
  });

  it('an unknown shell is a usage error (exit 2) naming the three', async () => {
    const r = await runCli(['completion', 'pwsh'], { home: await tempDir() });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/bash.*zsh.*fish/);
  });
});

describe('help <command>', () => {
  it.each(program.commands.map((c) => c.name()))('`help %s` prints what `%s --help` prints', async (name) => {
    const home = await tempDir();
    const [viaHelp, viaFlag] = await Promise.all([runCli(['help', name], { home }), runCli([name, '--help'], { home })]);
    expect(viaHelp.code).toBe(0);
    expect(viaHelp.stdout).toBe(viaFlag.stdout);
  });
});
