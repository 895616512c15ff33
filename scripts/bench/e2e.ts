// 2. One call end to end against the fake Bedrock: `converse --no-stream` (a new process: start-up,
// config, resolver, SigV4, one HTTP/1.1 round trip, render) against the bare-SDK script making the
// same call, and against `aws bedrock-runtime converse` where the AWS CLI is installed.
import { spawnSync } from 'node:child_process';
import { startFakeBedrock } from '../../test/fake-bedrock/server.js';
import type { Baselines } from './baselines.js';
import { baseEnv, interleave, median, NODE, row, runProcess, type Row, type Settings } from './runner.js';

export const MODEL = 'haiku-4.5';
const PROMPT = 'Say hello in five words.';

/** The AWS CLI executable, past a pyenv shim (whose bash wrapper would be timed too); undefined if absent. */
export function findAwsCli(): { path: string; version: string } | undefined {
  const which = spawnSync('sh', ['-c', 'command -v aws'], { encoding: 'utf8' });
  let path = which.status === 0 ? which.stdout.trim() : '';
  if (!path) return undefined;
  if (path.includes('/.pyenv/shims/')) {
    const real = spawnSync('pyenv', ['which', 'aws'], { encoding: 'utf8' });
    if (real.status === 0 && real.stdout.trim()) path = real.stdout.trim();
  }
  const v = spawnSync(path, ['--version'], { encoding: 'utf8' });
  if (v.status !== 0) return undefined;
  return { path, version: `${v.stdout}${v.stderr}`.trim().split(/\s+/)[0] ?? 'aws-cli' };
}

/** The model ID `-m MODEL` sends, so the baselines call exactly the same one. */
export async function resolvedModelId(cli: string, env: Record<string, string>, cwd: string): Promise<string> {
  const r = await runProcess(NODE, [cli, 'models', 'resolve', MODEL, '--json'], { env, cwd, keepStdout: true });
  return (JSON.parse(r.stdout) as { modelId: string }).modelId;
}

export async function e2e(s: Settings, baselines: Baselines): Promise<Row[]> {
  const fake = await startFakeBedrock();
  try {
    const env = baseEnv(s.scratch, fake.env({ region: 'us-west-2' }));
    const modelId = await resolvedModelId(s.cli, env, s.scratch);
    const aws = findAwsCli();
    const timed = (cmd: string, args: string[]) => async () => {
      const r = await runProcess(cmd, args, { env, cwd: s.scratch });
      fake.requests.length = 0;
      return r.ms;
    };
    const fns: Record<string, () => Promise<number>> = {
      ours: timed(NODE, [s.cli, 'converse', '--no-stream', '-m', MODEL, PROMPT]),
      sdk: timed(NODE, [baselines.converse, modelId, PROMPT]),
      sdkUnbundled: timed(NODE, [baselines.converseUnbundled, modelId, PROMPT]),
    };
    if (aws) {
      fns.aws = timed(aws.path, [
        'bedrock-runtime', 'converse', '--endpoint-url', fake.url, '--region', 'us-west-2', '--model-id', modelId,
        '--messages', JSON.stringify([{ role: 'user', content: [{ text: PROMPT }] }]), '--inference-config', '{"maxTokens":4096}',
      ]);
    }
    s.log(`end to end: converse --no-stream vs bare SDK${aws ? ` vs ${aws.version}` : ''}`);
    const samples = await interleave(fns, s.runs, s.warmup);
    const ours = median(samples.ours!);
    const rows = [
      row({ group: '2 one call', name: 'converse --no-stream (new process)', ours, baseline: median(samples.sdk!), baselineLabel: 'bare SDK script, bundled', unit: 'ms', target: 1.15, runs: s.runs, samples: { ours: samples.ours!, baseline: samples.sdk! } }),
      row({ group: '2 one call', name: 'converse --no-stream (new process)', ours, baseline: median(samples.sdkUnbundled!), baselineLabel: 'bare SDK script, unbundled', unit: 'ms', target: null, runs: s.runs, samples: { ours: samples.ours!, baseline: samples.sdkUnbundled! } }),
    ];
    rows.push(
      aws
        ? row({ group: '2 one call', name: 'converse --no-stream (new process)', ours, baseline: median(samples.aws!), baselineLabel: `aws bedrock-runtime converse (${aws.version})`, unit: 'ms', target: 0.4, runs: s.runs, samples: { ours: samples.ours!, baseline: samples.aws! } })
        : row({ group: '2 one call', name: 'converse --no-stream (new process)', ours, baseline: null, baselineLabel: 'aws CLI: not installed', unit: 'ms', target: 0.4, runs: s.runs, note: 'AWS CLI not installed' }),
    );
    return rows;
  } finally {
    await fake.close();
  }
}
