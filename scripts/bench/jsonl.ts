// 4. JSONL throughput: `converse --jsonl --concurrency C` with N prompts on stdin against the fake
// answering each Converse after 100 ms. Timed: the whole process, spawn to exit (start-up
// included), against the ideal N × 100 ms / C. Peak RSS of each run with /usr/bin/time.
// Concurrency 1 and 8 use 10 and 80 prompts, so the whole bench stays within about five minutes.
import { startFakeBedrock } from '../../test/fake-bedrock/server.js';
import type { Baselines } from './baselines.js';
import { MODEL, resolvedModelId } from './e2e.js';
import { baseEnv, interleave, kib2mb, median, NODE, row, runProcess, type Row, type Settings } from './runner.js';

const LATENCY_MS = 100;
const LEVELS: Array<{ concurrency: number; prompts: number; target: number | null }> = [
  { concurrency: 1, prompts: 10, target: null },
  { concurrency: 8, prompts: 80, target: null },
  { concurrency: 32, prompts: 1000, target: 1.1 },
  { concurrency: 64, prompts: 1000, target: null },
];

export async function jsonl(s: Settings, baselines: Baselines): Promise<Row[]> {
  const fake = await startFakeBedrock({ faults: { latencyMs: LATENCY_MS, operations: ['Converse'] } });
  try {
    const env = baseEnv(s.scratch, fake.env({ region: 'us-west-2' }));
    const modelId = await resolvedModelId(s.cli, env, s.scratch);
    const rss: Record<string, number[]> = {};
    const fns: Record<string, () => Promise<number>> = {};
    const add = (key: string, prompts: number, args: string[]) => {
      const input = Array.from({ length: prompts }, (_, i) => `${JSON.stringify({ id: `p${i}`, prompt: `Prompt number ${i}: say hi.` })}\n`).join('');
      rss[key] = [];
      fns[key] = async () => {
        const r = await runProcess(NODE, args, { env, cwd: s.scratch, input, memory: true });
        fake.requests.length = 0;
        if (r.stdoutBytes === 0) throw new Error(`${key}: no output`);
        rss[key]!.push(kib2mb(r.maxRssKiB ?? Number.NaN));
        return r.ms;
      };
    };
    for (const level of LEVELS) add(`c${level.concurrency}`, level.prompts, [s.cli, 'converse', '--jsonl', '--concurrency', String(level.concurrency), '-m', MODEL]);
    // The same 1,000 prompts at concurrency 32 through the bare SDK: what the machine and the fake allow.
    add('sdk32', 1000, [baselines.converseBatch, modelId, '32']);
    s.log(`JSONL: concurrency ${LEVELS.map((l) => `${l.concurrency} (${l.prompts} prompts)`).join(', ')}, and the bare SDK at 32`);
    // Every round runs concurrency 32 (the row with a target); the rows without one and the SDK
    // reference take part in the first 5 rounds only, which keeps the bench near five minutes.
    const fewer = Math.min(5, s.jsonlRuns);
    const limits: Record<string, number> = { sdk32: fewer };
    for (const level of LEVELS) if (level.target === null) limits[`c${level.concurrency}`] = fewer;
    const samples = await interleave(fns, s.jsonlRuns, 0, limits);
    const sdkRounds = fewer;
    const sdkMs = median(samples.sdk32!);
    const sdkRow = row({
      group: '4 JSONL',
      name: 'bare SDK script, concurrency 32, 1000 prompts × 100 ms',
      ours: sdkMs,
      baseline: (1000 * LATENCY_MS) / 32,
      baselineLabel: 'ideal 1000 × 100 ms / 32',
      unit: 'ms',
      target: null,
      runs: sdkRounds,
      note: `peak RSS ${median(rss.sdk32!).toFixed(1)} MB; a reference (no target): what this machine, the SDK and the fake allow`,
      samples: { ours: samples.sdk32!, rssMb: rss.sdk32! },
    });
    const rows = LEVELS.map((level) => {
      const key = `c${level.concurrency}`;
      const ideal = (level.prompts * LATENCY_MS) / level.concurrency;
      const peak = median(rss[key]!);
      return row({
        group: '4 JSONL',
        name: `--jsonl --concurrency ${level.concurrency}, ${level.prompts} prompts × ${LATENCY_MS} ms`,
        ours: median(samples[key]!),
        baseline: ideal,
        baselineLabel: `ideal ${level.prompts} × ${LATENCY_MS} ms / ${level.concurrency}`,
        unit: 'ms',
        target: level.target,
        runs: samples[key]!.length,
        note: `peak RSS ${peak.toFixed(1)} MB`,
        extra: { peakRssMb: Number(peak.toFixed(1)) },
        samples: { ours: samples[key]!, rssMb: rss[key]! },
      });
    });
    return [...rows, sdkRow];
  } finally {
    await fake.close();
  }
}
