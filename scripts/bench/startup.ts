// 1. Start-up: wall time of offline commands against `node -e 0` (the floor: Node's own boot).
// Each row interleaves its command with its own `node -e 0` runs.
import { baseEnv, interleave, median, NODE, row, runProcess, type Row, type Settings } from './runner.js';

const COMMANDS: Array<{ name: string; args: string[]; target: number }> = [
  { name: '--version', args: ['--version'], target: 1.2 },
  { name: '--help', args: ['--help'], target: 1.4 },
  { name: 'cost estimate -m sonnet --input-tokens … --output-tokens …', args: ['cost', 'estimate', '-m', 'sonnet', '--input-tokens', '20000', '--output-tokens', '2000'], target: 1.4 },
  { name: 'models resolve sonnet', args: ['models', 'resolve', 'sonnet'], target: 1.4 },
  { name: 'models list --offline', args: ['models', 'list', '--offline'], target: 1.4 },
];

export async function startup(s: Settings): Promise<Row[]> {
  const env = baseEnv(s.scratch);
  const rows: Row[] = [];
  for (const c of COMMANDS) {
    s.log(`start-up: ${c.name}`);
    const samples = await interleave(
      {
        ours: async () => (await runProcess(NODE, [s.cli, ...c.args], { env, cwd: s.scratch })).ms,
        floor: async () => (await runProcess(NODE, ['-e', '0'], { env, cwd: s.scratch })).ms,
      },
      s.runs,
      s.warmup,
    );
    rows.push(
      row({
        group: '1 start-up',
        name: c.name,
        ours: median(samples.ours!),
        baseline: median(samples.floor!),
        baselineLabel: 'node -e 0',
        unit: 'ms',
        target: c.target,
        runs: s.runs,
        samples,
      }),
    );
  }
  return rows;
}
