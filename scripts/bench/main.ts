// `npm run bench`: runs every measurement group, prints one table (name, ours, baseline, ratio,
// target, met?) and writes the same to .bench/latest.json. No benchmark is a test; nothing here
// fails a build. Options: --only startup,e2e,streaming,jsonl,memory  --runs N  --jsonl-runs N
// --warmup N  --app DIR (bench another build: a dir with bin/, dist/, package.json, e.g. a branch's)
// --out FILE (default .bench/latest.json)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildBaselines } from './baselines.js';
import { e2e, findAwsCli } from './e2e.js';
import { jsonl } from './jsonl.js';
import { memory } from './memory.js';
import { BENCH_DIR, makeScratch, MEMORY_METHOD, removeScratch, ROOT, snapshotBuild, type Row, type Settings } from './runner.js';
import { startup } from './startup.js';
import { streaming } from './streaming.js';

const GROUPS = ['startup', 'e2e', 'streaming', 'jsonl', 'memory'] as const;
type Group = (typeof GROUPS)[number];

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    runs: { type: 'string', default: '15' },
    'jsonl-runs': { type: 'string', default: '15' },
    warmup: { type: 'string', default: '2' },
    app: { type: 'string' },
    out: { type: 'string' },
  },
});
const only = values.only ? (values.only.split(',') as Group[]) : [...GROUPS];
for (const g of only) if (!GROUPS.includes(g)) throw new Error(`unknown group ${g}; groups: ${GROUPS.join(', ')}`);

if (!values.app && !existsSync(join(ROOT, 'dist', 'cli.cjs.cache'))) {
  process.stderr.write('dist/ is missing: building\n');
  const b = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}

const started = Date.now();
const scratch = makeScratch();
const settings: Settings = {
  runs: Number(values.runs),
  jsonlRuns: Number(values['jsonl-runs']),
  warmup: Number(values.warmup),
  scratch,
  cli: '',
  log: (line) => process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}\n`),
};

const rows: Row[] = [];
try {
  settings.cli = await snapshotBuild(scratch, values.app ? resolve(values.app) : ROOT);
  const baselines = await buildBaselines();
  for (const group of only) {
    if (group === 'startup') rows.push(...(await startup(settings)));
    if (group === 'e2e') rows.push(...(await e2e(settings, baselines)));
    if (group === 'streaming') rows.push(...(await streaming(settings, baselines)));
    if (group === 'jsonl') rows.push(...(await jsonl(settings, baselines)));
    if (group === 'memory') rows.push(...(await memory(settings)));
  }
} finally {
  removeScratch(scratch);
}

const seconds = (Date.now() - started) / 1000;
const fmt = (v: number | null, unit: Row['unit']): string => {
  if (v === null || Number.isNaN(v)) return '—';
  if (unit === '×') return `${v.toFixed(2)}×`;
  if (unit === 'MB') return `${v.toFixed(1)} MB`;
  return v < 10 ? `${v.toFixed(2)} ms` : `${v.toFixed(0)} ms`;
};
const table = [
  ['group', 'measurement', 'ours', 'baseline', 'ratio', 'target', 'met?', 'runs'],
  ...rows.map((r) => [
    r.group,
    r.name,
    fmt(r.ours, r.unit),
    r.baseline === null ? r.baselineLabel : `${fmt(r.baseline, r.unit)} (${r.baselineLabel})`,
    r.ratio === null ? '—' : `${r.ratio.toFixed(2)}×`,
    r.target === null ? '—' : `≤ ${r.target}×`,
    r.met === null ? '—' : r.met ? 'yes' : 'NO',
    String(r.runs),
  ]),
];
const widths = table[0]!.map((_, i) => Math.max(...table.map((line) => line[i]!.length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
const out = [line(table[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...table.slice(1).map(line)];
const notes = rows.filter((r) => r.note).map((r) => `- ${r.name}: ${r.note}`);
const aws = findAwsCli();
const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}${aws ? `, ${aws.version}` : ', no AWS CLI'}`;
process.stdout.write(
  `\n${out.join('\n')}\n\n${notes.join('\n')}\n\nMedians of interleaved runs (A B A B …; "runs" per side) after warm-up runs; ratio = ours / baseline; peak RSS by ${MEMORY_METHOD}.\n${machine}; ${seconds.toFixed(0)} s in all.\n`,
);

const outFile = values.out ? resolve(values.out) : join(BENCH_DIR, 'latest.json');
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(
  outFile,
  `${JSON.stringify({ date: new Date().toISOString(), app: values.app ? resolve(values.app) : ROOT, machine, node: process.version, runs: settings.runs, jsonlRuns: settings.jsonlRuns, warmup: settings.warmup, memoryMethod: MEMORY_METHOD, seconds, rows }, null, 2)}\n`,
);
process.stderr.write(`written: ${outFile}\n`);
