// 3. Streaming overhead, measured on one clock (process.hrtime in this process, which runs the fake):
//  - first delta: from the fake writing the first contentBlockDelta frame to the socket to the
//    first byte of it arriving on the child's stdout pipe. The fake waits 100 ms before the first
//    event, so the child is idle and waiting, as it is for a real model's first token;
//  - relay: from the fake handing the whole 100,000-token reply to the socket at once (50,000
//    deltas of two words as the fake splits text, framed by the fake's own code, about 7 MB) to the
//    last byte on the child's stdout: how fast the client decodes and prints, not the fake's pace;
//  - memory: peak RSS of the 100,000-token stream over the 10,000-token one (flat = ≈ 1.0).
// Both sides are new processes reading the same stream from the fake over HTTP/1.1.
import { ServerResponse } from 'node:http';
import { encodeEvent, EVENTSTREAM_CONTENT_TYPE } from '../../test/fake-bedrock/eventstream.js';
import { converseStreamEvents, normalizeReply, padding } from '../../test/fake-bedrock/replies.js';
import { startFakeBedrock, type FakeBedrock } from '../../test/fake-bedrock/server.js';
import type { RawResponse } from '../../test/fake-bedrock/wire.js';
import type { Baselines } from './baselines.js';
import { MODEL, resolvedModelId } from './e2e.js';
import { baseEnv, interleave, kib2mb, median, NODE, row, runProcess, type Row, type Settings } from './runner.js';

const PROMPT = 'Write a long story.';

/** Records when the fake first writes a frame that carries a contentBlockDelta (write() or end()). */
function deltaProbe() {
  const probe = { firstDeltaAt: undefined as bigint | undefined };
  const marker = Buffer.from('contentBlockDelta');
  const proto = ServerResponse.prototype as unknown as Record<'write' | 'end', (...a: unknown[]) => unknown>;
  const originals = { write: proto.write, end: proto.end };
  for (const name of ['write', 'end'] as const) {
    const original = originals[name];
    proto[name] = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
      if (probe.firstDeltaAt === undefined && chunk instanceof Uint8Array && Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).includes(marker)) {
        probe.firstDeltaAt = process.hrtime.bigint();
      }
      return original.call(this, chunk, ...rest);
    };
  }
  return {
    probe,
    restore: () => Object.assign(proto, originals),
  };
}

/** The whole ConverseStream body of a reply, rendered by the fake's own code, to send in one go. */
function rawStream(text: string): RawResponse {
  const frames = converseStreamEvents(normalizeReply({ text }, {}, 'bench', 'aws')).map((e, i) => encodeEvent(e.type, { ...e.payload, p: padding(i) }));
  return { status: 200, headers: { 'Content-Type': EVENTSTREAM_CONTENT_TYPE, 'x-amzn-RequestId': 'bench-relay' }, body: Buffer.concat(frames) };
}

/** Exactly `tokens` output tokens as the fake counts them (chars / 4): "w00 w01 … w99 w00 …", 4 chars a word. */
function longText(tokens: number): string {
  const words: string[] = [];
  for (let i = 0; i < tokens; i++) words.push(`w${(i % 100).toString().padStart(2, '0')}`);
  return words.join(' ').padEnd(tokens * 4, '.');
}

function replyWith(fake: FakeBedrock, text: string, faults: Parameters<FakeBedrock['setFaults']>[0]): void {
  fake.reset();
  fake.reply({ text });
  fake.setFaults({ ...faults, operations: ['ConverseStream'] });
}

export async function streaming(s: Settings, baselines: Baselines): Promise<Row[]> {
  const fake = await startFakeBedrock();
  const { probe, restore } = deltaProbe();
  try {
    const env = baseEnv(s.scratch, fake.env({ region: 'us-west-2' }));
    const modelId = await resolvedModelId(s.cli, env, s.scratch);
    const commands = {
      ours: [s.cli, 'converse', '--stream', '-m', MODEL, PROMPT],
      sdk: [baselines.converseStream, modelId, PROMPT],
    };
    type Side = keyof typeof commands;
    let raw: RawResponse | undefined;
    const once = async (side: Side, memory: boolean) => {
      probe.firstDeltaAt = undefined;
      if (raw) fake.respondWith(raw);
      const r = await runProcess(NODE, commands[side], { env, cwd: s.scratch, memory });
      if (probe.firstDeltaAt === undefined || r.firstStdoutAt === undefined || r.lastStdoutAt === undefined) throw new Error(`${side}: no delta seen`);
      return { first: Number(r.firstStdoutAt - probe.firstDeltaAt) / 1e6, relay: Number(r.lastStdoutAt - probe.firstDeltaAt) / 1e6, rssMb: kib2mb(r.maxRssKiB ?? Number.NaN), bytes: r.stdoutBytes };
    };

    // First delta: a short reply, the first event 100 ms after the headers, then 20 ms apart.
    s.log('streaming: first delta');
    replyWith(fake, 'Hello from fake Bedrock, one delta at a time.', { firstEventDelayMs: 100, eventDelayMs: 20 });
    const first = await interleave({ ours: async () => (await once('ours', false)).first, sdk: async () => (await once('sdk', false)).first }, s.runs, s.warmup);

    // Relay of 100,000 tokens (and the peak RSS of each run), then 10,000 tokens for the memory slope.
    const big = 100_000;
    const small = 10_000;
    const rss: Record<string, number[]> = { ours100k: [], sdk100k: [], ours10k: [], sdk10k: [] };
    s.log(`streaming: relay of ${big.toLocaleString('en-US')} tokens`);
    fake.reset();
    raw = rawStream(longText(big));
    const relay = await interleave(
      {
        ours: async () => {
          const r = await once('ours', true);
          if (r.bytes < big * 4) throw new Error(`ours relayed ${r.bytes} bytes of ${big * 4}`);
          rss.ours100k!.push(r.rssMb);
          return r.relay;
        },
        sdk: async () => {
          const r = await once('sdk', true);
          if (r.bytes < big * 4) throw new Error(`the SDK script relayed ${r.bytes} bytes of ${big * 4}`);
          rss.sdk100k!.push(r.rssMb);
          return r.relay;
        },
      },
      s.runs,
      1,
    );
    s.log(`streaming: memory at ${small.toLocaleString('en-US')} tokens`);
    raw = rawStream(longText(small));
    const memRuns = Math.max(5, Math.ceil(s.runs / 3));
    const smallRss = await interleave({ ours: async () => (await once('ours', true)).rssMb, sdk: async () => (await once('sdk', true)).rssMb }, memRuns, 1);
    rss.ours10k = smallRss.ours!;
    rss.sdk10k = smallRss.sdk!;
    rss.ours100k = rss.ours100k!.slice(1); // drop the warm-up run
    rss.sdk100k = rss.sdk100k!.slice(1);
    const m = (k: string) => median(rss[k]!);
    const oursSlope = m('ours100k') / m('ours10k');
    const sdkSlope = m('sdk100k') / m('sdk10k');
    return [
      row({ group: '3 streaming', name: 'first delta: fake writes it → on our stdout', ours: median(first.ours!), baseline: median(first.sdk!), baselineLabel: 'bare SDK stream script', unit: 'ms', target: 1.1, runs: s.runs, samples: first }),
      row({ group: '3 streaming', name: `relay ${big.toLocaleString('en-US')} tokens: first delta → last byte`, ours: median(relay.ours!), baseline: median(relay.sdk!), baselineLabel: 'bare SDK stream script', unit: 'ms', target: 1.1, runs: s.runs, samples: relay }),
      row({
        group: '3 streaming',
        name: `peak RSS ${big / 1000}k-token stream / ${small / 1000}k-token stream`,
        ours: oursSlope,
        baseline: sdkSlope,
        baselineLabel: 'same ratio for the bare SDK script',
        unit: '×',
        ratio: oursSlope,
        target: 1.1,
        runs: memRuns,
        note: `peak RSS ours ${m('ours10k').toFixed(1)} → ${m('ours100k').toFixed(1)} MB, SDK ${m('sdk10k').toFixed(1)} → ${m('sdk100k').toFixed(1)} MB; the reply text itself is ${((big * 4) / 1e6).toFixed(1)} MB`,
        samples: rss,
      }),
    ];
  } finally {
    restore();
    await fake.close();
  }
}
