// The bundle is loaded through V8 code caches that the build writes beside it (bin/bedrock-claude.js).
// A missing, damaged or unwritable cache must never change what a command does: it only costs time.
import { cp, mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli } from '../helpers/cli.js';
import { readLoggerOptions, readsIn } from '../helpers/reads.js';
import { tempDir } from '../helpers/tmp.js';
import { CACHE_KEYS, REGION, REQUESTS } from '../../scripts/training/commands.mjs';

const REPO = join(dirname(BIN), '..');
const CASSETTE = join(REPO, 'scripts', 'training', 'cassette');
const RESOLVE = ['models', 'resolve', 'sonnet', '--region', 'eu-central-1', '--json'];

/** What the repo's own build answers to RESOLVE. */
async function expectedResolve(): Promise<string> {
  const r = await runCli(RESOLVE, { home: await tempDir() });
  expect(JSON.parse(r.stdout).modelId).toMatch(/sonnet/);
  return r.stdout;
}

/** A copy of the installed files (bin/, dist/, package.json), as npm would lay them out. */
async function install(): Promise<{ bin: string; dist: string; home: string }> {
  const root = await tempDir();
  await cp(join(REPO, 'bin'), join(root, 'bin'), { recursive: true });
  await cp(join(REPO, 'dist'), join(root, 'dist'), { recursive: true });
  await cp(join(REPO, 'package.json'), join(root, 'package.json'));
  const home = join(root, 'home');
  await mkdir(home);
  return { bin: join(root, 'bin', 'bedrock-claude.js'), dist: join(root, 'dist'), home };
}

/** Removes every code cache of an install. */
async function removeCaches(dist: string): Promise<void> {
  for (const file of await readdir(dist)) if (file.endsWith('.cache')) await rm(join(dist, file), { recursive: true });
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

describe('code cache', () => {
  it('the build writes a cache for each bundle file, and one per trained command', async () => {
    for (const file of ['cli.cjs', 'vendor.cjs', ...CACHE_KEYS.map((key) => `cli.cjs.${key}`)]) {
      const cache = await stat(join(REPO, 'dist', `${file}.cache`));
      expect(cache.size, file).toBeGreaterThan(1000);
    }
    // Each command's cache holds less than the one trained by all: that is the point of it.
    expect((await stat(join(REPO, 'dist', 'cli.cjs.help.cache'))).size).toBeLessThan((await stat(join(REPO, 'dist', 'cli.cjs.cache'))).size);
  });

  it.each([
    [['models', 'resolve', 'sonnet'], 'cli.cjs.models-resolve.cache'],
    [['--help'], 'cli.cjs.help.cache'],
    [['converse', '--help'], 'cli.cjs.converse.cache'],
    [['explain', 'ThrottlingException: Too many requests'], 'cli.cjs.cache'],
  ])('%j reads %s', async (args, cache) => {
    const home = await tempDir();
    const r = await runCli(args, { home, env: { NODE_OPTIONS: await readLoggerOptions(home), AWS_REGION: 'us-east-1' } });
    expect(r.code).toBe(0);
    const read = readsIn(r.stderr).filter((path) => path.endsWith('.cache')).map((path) => basename(path));
    expect(read).toEqual([cache]);
  });

  it('a run without a cache answers the same and leaves a cache behind', async () => {
    const expected = await expectedResolve();
    const { bin, dist, home } = await install();
    await removeCaches(dist);

    const r = await runCli(RESOLVE, { home, bin });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(expected);
    expect((await stat(join(dist, 'cli.cjs.cache'))).size).toBeGreaterThan(1000);
    // This command never loads the SDK, so it has no reason to write the vendor cache.
    expect(await exists(join(dist, 'vendor.cjs.cache'))).toBe(false);
  });

  it('a damaged cache is ignored and replaced', async () => {
    const { bin, dist, home } = await install();
    const damaged = Buffer.from('not a V8 code cache'.repeat(100));
    await writeFile(join(dist, 'cli.cjs.models-resolve.cache'), damaged);

    const expected = await expectedResolve();
    const r = await runCli(RESOLVE, { home, bin });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(expected);
    expect((await readFile(join(dist, 'cli.cjs.models-resolve.cache'))).equals(damaged)).toBe(false);
  });

  it('a cache that cannot be written costs nothing but time, and leaves no temporary file', async () => {
    const { bin, dist, home } = await install();
    // A directory where the cache file should be: unreadable as a cache and impossible to replace.
    await removeCaches(dist);
    await mkdir(join(dist, 'cli.cjs.cache'));

    const expected = await expectedResolve();
    const r = await runCli(RESOLVE, { home, bin });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/error|EISDIR/i);
    expect(r.stdout).toBe(expected);
    expect((await readdir(dist)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a cache left by a run with other V8 flags is replaced, not trusted', async () => {
    const { bin, dist, home } = await install();
    const before = await readFile(join(dist, 'cli.cjs.models-resolve.cache'));
    // A different heap limit changes V8's flag hash, so the build's cache no longer fits.
    const expected = await expectedResolve();
    const r = await runCli(RESOLVE, { home, bin, env: { NODE_OPTIONS: '--max-old-space-size=300' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(expected);
    expect((await readFile(join(dist, 'cli.cjs.models-resolve.cache'))).equals(before)).toBe(false);
  });
});

describe('training cassette', () => {
  it.each(REQUESTS.map((argv) => [argv.join(' '), argv]))('the build can replay `%s` (else: npm run training-cassette)', async (_, argv) => {
    const r = await runCli([...argv, '--replay', CASSETTE], { home: await tempDir(), env: { AWS_REGION: REGION, AWS_ENDPOINT_URL: 'http://127.0.0.1:9' } });
    // On failure, stderr says which request has no recording.
    expect({ code: r.code, stderr: r.code === 0 ? '' : r.stderr }).toEqual({ code: 0, stderr: '' });
    expect(r.stdout.length).toBeGreaterThan(0);
  });
});

