// Real Bedrock recordings: (1) served verbatim through the fake and parsed by
// the real SDK; (2) the fake's encoder re-encodes recorded frames to the same
// bytes; (3) the fake's own rendering of the recorded reply parses the same.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BedrockClient, GetInferenceProfileCommand } from '@aws-sdk/client-bedrock';
import {
  BedrockRuntimeClient,
  ConverseCommand,
  ConverseStreamCommand,
  CountTokensCommand,
  InvokeModelCommand,
  InvokeModelWithResponseStreamCommand,
  type ConverseStreamOutput,
} from '@aws-sdk/client-bedrock-runtime';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sdkConfig } from './clients.js';
import { bodyText, decodeFrames, encodeEvent, headerString, splitFrames } from './eventstream.js';
import type { CannedReply } from './replies.js';
import { startFakeBedrock, type FakeBedrock } from './server.js';
import { loadRecordings, modelIdOfPath, recordingToResponse, regionOfHost, RECORDINGS_DIR, type WireRecording } from './wire.js';

const SHARED_WIRE = '/work/shared/wire';
const recordings = loadRecordings();
const exact = recordings.filter((r) => r.recording.fidelity.response_body_exact);
const streams = exact.filter((r) => r.recording.response.body_base64 !== undefined);

let fake: FakeBedrock;
beforeAll(async () => {
  // Replies are compared without Bedrock's random `p` padding.
  fake = await startFakeBedrock({ world: { padding: false } });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const messages = [{ role: 'user' as const, content: [{ text: 'replay' }] }];
const runtime = (rec: WireRecording) => new BedrockRuntimeClient(sdkConfig(fake, { region: regionOfHost(rec.request.host) }));

/** Call the SDK operation the recording is for; return its parsed output (or error). */
async function callSdk(rec: WireRecording): Promise<{ output?: any; events?: any[]; error?: any }> {
  const modelId = modelIdOfPath(rec.request.path) ?? 'x';
  const c = runtime(rec);
  try {
    switch (rec.api) {
      case 'Converse':
        return { output: await c.send(new ConverseCommand({ modelId, messages })) };
      case 'ConverseStream': {
        const r = await c.send(new ConverseStreamCommand({ modelId, messages }));
        const events: ConverseStreamOutput[] = [];
        for await (const e of r.stream ?? []) events.push(e);
        return { output: r, events };
      }
      case 'InvokeModel':
        return { output: await c.send(new InvokeModelCommand({ modelId, body: rec.request.body ?? '{}' })) };
      case 'InvokeModelWithResponseStream': {
        const r = await c.send(new InvokeModelWithResponseStreamCommand({ modelId, body: rec.request.body ?? '{}' }));
        const events: Uint8Array[] = [];
        for await (const e of r.body ?? []) events.push(e.chunk?.bytes ?? new Uint8Array());
        return { output: r, events };
      }
      case 'CountTokens':
        return { output: await c.send(new CountTokensCommand({ modelId, input: { converse: { messages } } })) };
      case 'GetInferenceProfile': {
        const b = new BedrockClient(sdkConfig(fake, { region: regionOfHost(rec.request.host) }));
        const id = decodeURIComponent(rec.request.path.replace('/inference-profiles/', ''));
        try {
          return { output: await b.send(new GetInferenceProfileCommand({ inferenceProfileIdentifier: id })) };
        } finally {
          b.destroy();
        }
      }
      default:
        throw new Error(`no SDK call for ${rec.api}`);
    }
  } catch (error) {
    return { error };
  } finally {
    c.destroy();
  }
}

const withoutP = (payload: string) => {
  const { p: _p, ...rest } = JSON.parse(payload) as Record<string, unknown>;
  return rest;
};

describe('recordings', () => {
  it('includes every exact recording of /work/shared/wire, unchanged', () => {
    expect(exact.length).toBeGreaterThanOrEqual(13);
    if (!existsSync(SHARED_WIRE)) return; // the shared folder exists only on the dev machine
    for (const { file } of loadRecordings(SHARED_WIRE).filter((r) => r.recording.fidelity.response_body_exact)) {
      expect(readFileSync(join(RECORDINGS_DIR, file), 'utf8'), file).toBe(readFileSync(join(SHARED_WIRE, file), 'utf8'));
    }
  });
});

describe.each(exact.map((r) => [r.file, r.recording] as const))('verbatim replay of %s through the SDK', (_file, rec) => {
  it('parses to what the recording says', async () => {
    fake.respondWith(recordingToResponse(rec));
    const { output, events, error } = await callSdk(rec);
    const res = rec.response;
    const requestId = Object.entries(res.headers).find(([k]) => k.toLowerCase() === 'x-amzn-requestid')?.[1];

    if (res.status >= 400) {
      const body = JSON.parse(res.body ?? '{}');
      const type = Object.entries(res.headers).find(([k]) => k.toLowerCase() === 'x-amzn-errortype')?.[1];
      expect(error).toBeDefined();
      // Without an x-amzn-ErrorType header the SDK cannot name the error.
      expect(error.name).toBe(type ? type.split(':')[0] : 'Unknown');
      expect(error.message).toBe(body.message);
      expect(error.$metadata.httpStatusCode).toBe(res.status);
      if (requestId) expect(error.$metadata.requestId).toBe(requestId);
      return;
    }
    expect(error).toBeUndefined();
    expect(output.$metadata.httpStatusCode).toBe(200);
    if (requestId) expect(output.$metadata.requestId).toBe(requestId);

    switch (rec.api) {
      case 'Converse': {
        const body = JSON.parse(res.body ?? '{}');
        expect(output.output).toEqual(body.output);
        expect(output.stopReason).toBe(body.stopReason);
        expect(output.metrics).toEqual(body.metrics);
        const { inputTokens, outputTokens, totalTokens, cacheReadInputTokens, cacheWriteInputTokens } = body.usage;
        expect(output.usage).toMatchObject(JSON.parse(JSON.stringify({ inputTokens, outputTokens, totalTokens, cacheReadInputTokens, cacheWriteInputTokens })));
        break;
      }
      case 'ConverseStream': {
        const frames = res.eventstream_decoded ?? [];
        expect(events?.length).toBe(frames.length);
        frames.forEach((f, i) => {
          const type = f.headers[':event-type'] ?? '';
          const sdkEvent = events?.[i];
          expect(Object.keys(sdkEvent)).toEqual([type]);
          // Everything the SDK kept is what Bedrock sent (it drops `p` and unknown usage spellings).
          expect(withoutP(f.payload)).toMatchObject(sdkEvent[type]);
        });
        break;
      }
      case 'InvokeModel':
        expect(output.body.transformToString()).toBe(res.body);
        expect(output.contentType).toBe('application/json');
        break;
      case 'InvokeModelWithResponseStream': {
        const expected = (res.eventstream_decoded ?? []).map((f) => Buffer.from(JSON.parse(f.payload).bytes, 'base64').toString());
        expect(events?.map((b) => Buffer.from(b).toString())).toEqual(expected);
        expect(JSON.parse(expected.at(-1) ?? '{}')['amazon-bedrock-invocationMetrics']).toBeDefined();
        break;
      }
      case 'GetInferenceProfile': {
        const body = JSON.parse(res.body ?? '{}');
        expect(output).toMatchObject({ inferenceProfileArn: body.inferenceProfileArn, inferenceProfileId: body.inferenceProfileId, type: body.type, models: body.models });
        expect(output.createdAt).toBeInstanceOf(Date);
        break;
      }
      default:
        throw new Error(`unchecked recording ${rec.api}`);
    }
  });
});

describe.each(streams.map((r) => [r.file, r.recording] as const))('the fake encoder against %s', (_file, rec) => {
  const bytes = new Uint8Array(Buffer.from(rec.response.body_base64 ?? '', 'base64'));

  it('re-encodes every recorded frame to the identical bytes', () => {
    const frames = splitFrames(bytes);
    const decoded = decodeFrames(bytes);
    expect(decoded.map((m) => ({ type: headerString(m, ':event-type'), payload: bodyText(m) }))).toEqual(
      (rec.response.eventstream_decoded ?? []).map((f) => ({ type: f.headers[':event-type'], payload: f.payload })),
    );
    decoded.forEach((m, i) => {
      expect(Buffer.from(encodeEvent(headerString(m, ':event-type') ?? '', m.body))).toEqual(Buffer.from(frames[i] ?? new Uint8Array()));
    });
  });

  it('round-trips through the SDK: re-encoded stream parses like the recording', async () => {
    fake.respondWith(recordingToResponse(rec));
    const original = await callSdk(rec);
    const reencoded = Buffer.concat(decodeFrames(bytes).map((m) => encodeEvent(headerString(m, ':event-type') ?? '', m.body)));
    fake.respondWith({ ...recordingToResponse(rec), body: new Uint8Array(reencoded) });
    const again = await callSdk(rec);
    expect(again.error).toBeUndefined();
    expect(again.events).toEqual(original.events);
  });
});

// ---------------------------------------------------------------------------
// The fake's own stream for the recorded reply (not verbatim) parses the same.

interface Aggregate {
  blocks: Array<{ text?: string; reasoning?: string; signature?: string; toolUse?: { name?: string; id?: string; input: unknown } }>;
  stopReason?: string;
  usage?: Record<string, number | undefined>;
  latencyMs?: number;
}

function aggregate(events: ConverseStreamOutput[]): Aggregate {
  const blocks: Aggregate['blocks'] = [];
  const toolInput: string[] = [];
  const out: Aggregate = { blocks };
  for (const e of events) {
    const i = e.contentBlockDelta?.contentBlockIndex ?? e.contentBlockStart?.contentBlockIndex;
    if (i !== undefined) blocks[i] ??= {};
    const b = i !== undefined ? blocks[i] : undefined;
    if (b && e.contentBlockStart?.start?.toolUse) b.toolUse = { name: e.contentBlockStart.start.toolUse.name, id: e.contentBlockStart.start.toolUse.toolUseId, input: undefined };
    const d = e.contentBlockDelta?.delta;
    if (b && d?.text !== undefined) b.text = (b.text ?? '') + d.text;
    if (b && d?.reasoningContent?.text !== undefined) b.reasoning = (b.reasoning ?? '') + d.reasoningContent.text;
    if (b && d?.reasoningContent?.signature !== undefined) b.signature = d.reasoningContent.signature;
    if (b && i !== undefined && d?.toolUse) toolInput[i] = (toolInput[i] ?? '') + d.toolUse.input;
    if (e.messageStop) out.stopReason = e.messageStop.stopReason;
    if (e.metadata) {
      const u = e.metadata.usage;
      out.usage = { inputTokens: u?.inputTokens, outputTokens: u?.outputTokens, totalTokens: u?.totalTokens, cacheRead: u?.cacheReadInputTokens ?? 0, cacheWrite: u?.cacheWriteInputTokens ?? 0 };
      out.latencyMs = e.metadata.metrics?.latencyMs;
    }
  }
  toolInput.forEach((s, i) => {
    const b = blocks[i];
    if (b?.toolUse) b.toolUse.input = JSON.parse(s);
  });
  return out;
}

function toCannedReply(a: Aggregate): CannedReply {
  const reasoning = a.blocks.find((b) => b.reasoning !== undefined);
  const texts = a.blocks.filter((b) => b.text !== undefined);
  const tools = a.blocks.flatMap((b) => (b.toolUse ? [{ name: b.toolUse.name ?? '', id: b.toolUse.id, input: b.toolUse.input }] : []));
  return {
    thinking: reasoning ? { text: reasoning.reasoning ?? '', signature: reasoning.signature } : undefined,
    text: texts.length > 0 ? texts.map((b) => b.text).join('') : undefined,
    toolUse: tools.length > 0 ? tools : undefined,
    stopReason: a.stopReason as CannedReply['stopReason'],
    usage: { inputTokens: a.usage?.inputTokens, outputTokens: a.usage?.outputTokens, cacheReadInputTokens: a.usage?.cacheRead, cacheWriteInputTokens: a.usage?.cacheWrite },
    latencyMs: a.latencyMs,
  };
}

describe.each(streams.filter((r) => r.recording.api === 'ConverseStream').map((r) => [r.file, r.recording] as const))(
  'the fake rendering the reply of %s',
  (_file, rec) => {
    it('gives the same text, reasoning, tool use, stop reason and usage as the recording', async () => {
      fake.respondWith(recordingToResponse(rec));
      const recorded = aggregate((await callSdk(rec)).events ?? []);
      // A fresh world where the recorded model ID is callable, replying with the recorded content.
      fake.reply(toCannedReply(recorded));
      const modelId = modelIdOfPath(rec.request.path) ?? '';
      fake.setWorld({
        base: 'empty',
        models: [{ modelId: modelId.replace(/^us\./, ''), modelName: 'recorded', providerName: 'Anthropic', regions: [regionOfHost(rec.request.host)], inferenceTypes: ['ON_DEMAND'] }],
        profiles: modelId.startsWith('us.')
          ? [{ id: modelId, name: 'recorded', modelId: modelId.replace(/^us\./, ''), sourceRegions: [regionOfHost(rec.request.host)], destinationRegions: ['us-east-1'] }]
          : [],
      });
      const fresh = await callSdk(rec);
      expect(fresh.error).toBeUndefined();
      expect(aggregate(fresh.events ?? [])).toEqual(recorded);
    });
  },
);
