// The bench runner: spawn a process and time it, interleave A/B runs, take medians, read peak RSS.
// Absolute times on shared machines drift by ±20 % between runs; the ratios of interleaved runs
// (A B A B …) measured in the same minute do not, so every figure is reported as a ratio.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const BENCH_DIR = join(ROOT, '.bench');
export const NODE = process.execPath;

/** One line of the table. Times in ms, memory in MB; `ratio` is ours / baseline. */
export interface Row {
  group: string;
  name: string;
  ours: number;
  baseline: number | null;
  /** What the baseline is, e.g. "node -e 0" or "ideal 1000×100 ms/32". */
  baselineLabel: string;
  unit: 'ms' | 'MB' | '×';
  ratio: number | null;
  /** The ratio must be ≤ target; null: reported only. */
  target: number | null;
  met: boolean | null;
  runs: number;
  note?: string;
  /** Raw samples, for the JSON file. */
  samples?: Record<string, number[]>;
  extra?: Record<string, number | string>;
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function row(r: Omit<Row, 'ratio' | 'met'> & { ratio?: number | null }): Row {
  const ratio = r.ratio !== undefined ? r.ratio : r.baseline ? r.ours / r.baseline : null;
  const met = r.target === null || ratio === null ? null : ratio <= r.target;
  return { ...r, ratio, met };
}

export interface Settings {
  runs: number;
  warmup: number;
  /** Runs for the JSONL group (each run takes seconds). */
  jsonlRuns: number;
  /** Scratch dir: HOME and XDG dirs of every child, fixtures, bundled baselines. */
  scratch: string;
  /** bin/bedrock-claude.js of the snapshot of the build that every run uses. */
  cli: string;
  log: (line: string) => void;
}

/** A private HOME and XDG dirs, so no user config, live cache or conversation file takes part. */
export function makeScratch(): string {
  return mkdtempSync(join(tmpdir(), 'bedrock-claude-bench-'));
}

/**
 * Copies bin/, dist/ and package.json (what npm ships) into the scratch dir, so a rebuild of dist/
 * by someone else during the bench cannot break or change the runs. Checks that every file of the
 * bundle is there (a copy taken during a rebuild is retried). Returns the bin path.
 */
export async function snapshotBuild(scratch: string, from = ROOT): Promise<string> {
  const app = join(scratch, 'app');
  for (let attempt = 1; ; attempt++) {
    rmSync(app, { recursive: true, force: true });
    mkdirSync(app, { recursive: true });
    cpSync(join(from, 'bin'), join(app, 'bin'), { recursive: true });
    cpSync(join(from, 'dist'), join(app, 'dist'), { recursive: true });
    cpSync(join(from, 'package.json'), join(app, 'package.json'));
    const missing = missingChunks(join(app, 'dist'));
    if (missing.length === 0) return join(app, 'bin', 'bedrock-claude.js');
    if (attempt >= 10) throw new Error(`dist/ keeps changing (missing ${missing.join(', ')}); run the bench when no build is running`);
    await new Promise((r) => setTimeout(r, 2000));
  }
}

/** The bundle files that the build writes and are not in the copy yet. Builds before the code
 *  cache (ES module chunks, for --app comparisons) are checked by the chunks their files import. */
function missingChunks(dist: string): string[] {
  const files = readdirSync(dist, { recursive: true }).map(String);
  if (files.includes('cli.cjs')) return ['vendor.cjs', 'cli.cjs.cache', 'vendor.cjs.cache'].filter((f) => !files.includes(f));
  if (!files.includes('main.js')) return ['cli.cjs'];
  const missing: string[] = [];
  for (const file of files.filter((f) => f.endsWith('.js'))) {
    const text = readFileSync(join(dist, file), 'utf8');
    for (const m of text.matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+\.js)"/g)) {
      if (!existsSync(join(dist, dirname(file), m[1]!))) missing.push(m[1]!);
    }
  }
  return missing;
}

export function removeScratch(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** The environment of every child: nothing from the caller's AWS setup, no colour, no TTY. */
export function baseEnv(scratch: string, extra: Record<string, string> = {}): Record<string, string> {
  const keep = ['PATH', 'LANG', 'LC_ALL', 'TZ', 'SYSTEMROOT'];
  const env: Record<string, string> = {};
  for (const name of keep) if (process.env[name] !== undefined) env[name] = process.env[name]!;
  return {
    ...env,
    HOME: scratch,
    XDG_CONFIG_HOME: join(scratch, 'config'),
    XDG_CACHE_HOME: join(scratch, 'cache'),
    XDG_STATE_HOME: join(scratch, 'state'),
    NO_COLOR: '1',
    AWS_REGION: 'us-west-2',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    AWS_CONFIG_FILE: join(scratch, 'aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(scratch, 'aws-credentials'),
    ...extra,
  };
}

export interface RunOptions {
  env: Record<string, string>;
  cwd?: string;
  /** Written to stdin, then closed; without it stdin is /dev/null. */
  input?: string | Buffer;
  /** Measure peak RSS (/usr/bin/time -f %M, else VmHWM polling). */
  memory?: boolean;
  /** Keep stdout (default: count bytes only). */
  keepStdout?: boolean;
  /** Expected exit code (default 0): anything else throws, so a broken command is never timed. */
  expectCode?: number;
}

export interface RunResult {
  /** Wall time from spawn() to 'close', in ms. */
  ms: number;
  code: number | null;
  stdoutBytes: number;
  stdout: string;
  stderr: string;
  /** process.hrtime.bigint() when the first / last stdout chunk arrived. */
  firstStdoutAt?: bigint;
  lastStdoutAt?: bigint;
  startedAt: bigint;
  /** Peak resident set size in KiB. */
  maxRssKiB?: number;
}

const GNU_TIME = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%M', 'true']).status === 0 ? '/usr/bin/time' : undefined;
export const MEMORY_METHOD = GNU_TIME ? '/usr/bin/time -f %M' : '/proc/<pid>/status VmHWM polling';

let seq = 0;

export function runProcess(cmd: string, args: string[], opts: RunOptions): Promise<RunResult> {
  const rssFile = opts.memory && GNU_TIME ? join(tmpdir(), `bench-rss-${process.pid}-${seq++}`) : undefined;
  const [file, argv] = rssFile ? [GNU_TIME!, ['-f', '%M', '-o', rssFile, cmd, ...args]] : [cmd, args];
  return new Promise((resolvePromise, reject) => {
    const startedAt = process.hrtime.bigint();
    const child = spawn(file, argv, { env: opts.env, cwd: opts.cwd, stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    const result: RunResult = { ms: 0, code: null, stdoutBytes: 0, stdout: '', stderr: '', startedAt };
    const out: Buffer[] = [];
    child.stdout!.on('data', (chunk: Buffer) => {
      const now = process.hrtime.bigint();
      result.firstStdoutAt ??= now;
      result.lastStdoutAt = now;
      result.stdoutBytes += chunk.length;
      if (opts.keepStdout) out.push(chunk);
    });
    let err = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      if (err.length < 20_000) err += chunk.toString();
    });
    let hwm = 0;
    let poll: NodeJS.Timeout | undefined;
    if (opts.memory && !GNU_TIME) {
      // Fallback: VmHWM is the kernel's own peak; polling only has to catch it before the exit.
      poll = setInterval(() => {
        try {
          const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
          if (m) hwm = Math.max(hwm, Number(m[1]));
        } catch {
          // gone
        }
      }, 2);
    }
    child.on('error', reject);
    if (opts.input !== undefined) {
      child.stdin!.on('error', () => {}); // a child that exits without reading stdin
      child.stdin!.end(opts.input);
    }
    child.on('close', (code) => {
      result.ms = Number(process.hrtime.bigint() - startedAt) / 1e6;
      if (poll) clearInterval(poll);
      result.code = code;
      result.stderr = err;
      if (opts.keepStdout) result.stdout = Buffer.concat(out).toString('utf8');
      if (rssFile) {
        try {
          const text = readFileSync(rssFile, 'utf8').trim().split('\n');
          result.maxRssKiB = Number(text[text.length - 1]);
        } catch {
          // a failed command: reported below
        }
        rmSync(rssFile, { force: true });
      } else if (opts.memory) result.maxRssKiB = hwm || undefined;
      const expected = opts.expectCode ?? 0;
      if (code !== expected) {
        reject(new Error(`${cmd} ${args.join(' ')} exited ${code} (expected ${expected}):\n${err.slice(0, 2000)}`));
        return;
      }
      resolvePromise(result);
    });
  });
}

/**
 * Runs each measurement `warmup` times, then `runs` rounds of A B (C …) in turn, so slow drift of the
 * machine hits every side alike. Each function returns one sample (ms, MB, …). `limits` caps the
 * rounds of a costly reference measurement (it then takes part in the first rounds only).
 */
export async function interleave(fns: Record<string, () => Promise<number>>, runs: number, warmup: number, limits: Record<string, number> = {}): Promise<Record<string, number[]>> {
  const names = Object.keys(fns);
  for (let i = 0; i < warmup; i++) for (const name of names) if ((limits[name] ?? runs) > 0) await fns[name]!();
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let i = 0; i < runs; i++) for (const name of names) if (i < (limits[name] ?? runs)) samples[name]!.push(await fns[name]!());
  return samples;
}

export const kib2mb = (kib: number) => kib / 1024;
