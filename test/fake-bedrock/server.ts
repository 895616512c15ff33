// The fake Bedrock server: one HTTP/1.1 listener on 127.0.0.1 that serves
// bedrock-runtime, the /anthropic Messages API, the bedrock control plane and
// STS GetCallerIdentity, against a declared world, with faults on demand and
// every request recorded. Tests talk to it with the real AWS SDK clients.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { constants as h2constants, createServer as createH2Server, type ServerHttp2Stream } from 'node:http2';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { Duplex } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { sseError, sseFrames, SSE_CONTENT_TYPE, validateMessagesRequest } from './anthropic.js';
import { checkAuth, parseAuth, type Surface } from './auth.js';
import { BatchJobs } from './batch.js';
import * as control from './control.js';
import {
  anthropicErrorType,
  Errors,
  FakeBedrockError,
  newRequestId,
  writeAnthropicError,
  writeAwsError,
  writeStsError,
  type ErrorSpec,
} from './errors.js';
import { encodeEvent, encodeException, EVENTSTREAM_CONTENT_TYPE } from './eventstream.js';
import { FaultState, resolveError, STREAM_EXCEPTION_MESSAGES, type Faults, type StreamBreak } from './faults.js';
import { parseBody, redactHeaders, redactQuery, type Operation, type RecordedRequest } from './recording.js';
import {
  anthropicMessage,
  anthropicStreamEvents,
  converseResponse,
  converseStreamEvents,
  fakeId,
  lastUserText,
  normalizeReply,
  padding,
  pickRule,
  estimateTokens,
  type CannedReply,
  type ReplyContext,
  type ReplyMatcher,
  type ReplyRule,
  type StreamEvent,
} from './replies.js';
import { resolveCountTokens, resolveInvocation, resolveMessages, type Resolved } from './resolve.js';
import { handleS3, s3ErrorFor, s3Route, S3Store, writeS3Error, writeS3Reply } from './s3.js';
import { getCallerIdentityXml } from './sts.js';
import type { RawResponse } from './wire.js';
import {
  buildWorld,
  FAKE_ACCESS_KEY_ID,
  FAKE_BEARER_TOKEN,
  FAKE_SECRET_ACCESS_KEY,
  FAKE_SESSION_TOKEN,
  FAKE_TEMP_ACCESS_KEY_ID,
  type FakeModel,
  type World,
  type WorldInput,
} from './world.js';

export interface FakeBedrockOptions {
  world?: WorldInput;
  faults?: Faults;
  /** Default 0 (a random free port). */
  port?: number;
  /** Called once per request when its response is decided (used by cli.ts to log). */
  onRequest?: (r: RecordedRequest) => void;
}

export interface EnvOptions {
  region?: string;
  /** 'static' (default): AKIDFAKE… keys; 'temporary': ASIDFAKE… + session token; 'bearer': AWS_BEARER_TOKEN_BEDROCK only. */
  auth?: 'static' | 'temporary' | 'bearer' | 'none';
  bearerToken?: string;
}

export interface FakeBedrock {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  readonly port: number;
  /** Every request so far, in arrival order (live array). */
  readonly requests: RecordedRequest[];
  /** The world being served; tests may mutate it or call setWorld. */
  world: World;
  readonly faults: Faults;
  setFaults(faults: Faults): void;
  setWorld(input?: WorldInput): void;
  /** Add a canned reply in front of all others (optionally only `times` times). */
  reply(reply: CannedReply, when?: ReplyMatcher, times?: number): void;
  /** Serve the next matching request(s) with exactly this response (no auth, no faults). */
  respondWith(raw: RawResponse, opts?: { times?: number; when?: (r: RecordedRequest) => boolean }): void;
  /** Requests of one operation (or all). */
  requestsFor(operation?: Operation): RecordedRequest[];
  lastRequest(operation?: Operation): RecordedRequest | undefined;
  /** Back to the state right after start: world, faults, no replies/raw responses, no requests. */
  reset(): void;
  /** Environment for spawning the CLI against this fake. */
  env(opts?: EnvOptions): Record<string, string>;
  /** The fake S3's objects (buckets are world.s3Buckets). */
  readonly s3: FakeS3;
  /** Batch inference jobs as GetModelInvocationJob shows them, without polling (advancing) them. */
  readonly batch: {
    jobs(): Array<Record<string, unknown>>;
    job(idOrArn: string): Record<string, unknown> | undefined;
  };
  close(): Promise<void>;
}

export interface FakeS3 {
  /** Store an object (the bucket must be in world.s3Buckets; forbidden ones are fine). */
  put(bucket: string, key: string, body: string | Uint8Array, opts?: { contentType?: string }): void;
  get(bucket: string, key: string): Buffer | undefined;
  /** Keys under a prefix, sorted as S3 lists them. */
  list(bucket: string, prefix?: string): string[];
  delete(bucket: string, key: string): void;
}

interface Route {
  operation: Operation;
  surface: Surface;
  modelId?: string;
  /** Batch job identifier (decoded). */
  jobId?: string;
  /** S3 bucket/key. */
  s3?: { bucket?: string; key?: string };
}

const RUNTIME_OPS: Record<string, Operation> = {
  converse: 'Converse',
  'converse-stream': 'ConverseStream',
  invoke: 'InvokeModel',
  'invoke-with-response-stream': 'InvokeModelWithResponseStream',
  'count-tokens': 'CountTokens',
};

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Map method + raw path (+ STS form body) to an operation. */
export function route(method: string, path: string, body: unknown): Route {
  // Greedy match so an unencoded ARN with '/' still works; normally the ID is one %2F-encoded segment.
  const runtime = /^\/model\/(.+)\/(converse|converse-stream|invoke|invoke-with-response-stream|count-tokens)$/.exec(path);
  if (method === 'POST' && runtime?.[1] && runtime[2]) {
    return { operation: RUNTIME_OPS[runtime[2]] ?? 'Unknown', surface: 'runtime', modelId: decode(runtime[1]) };
  }
  if (method === 'POST' && path === '/anthropic/v1/messages') return { operation: 'Messages', surface: 'anthropic' };
  if (method === 'POST' && path === '/anthropic/v1/messages/count_tokens') return { operation: 'MessagesCountTokens', surface: 'anthropic' };
  if (method === 'POST' && path === '/model-invocation-job') return { operation: 'CreateModelInvocationJob', surface: 'control' };
  if (method === 'GET' && path === '/model-invocation-jobs') return { operation: 'ListModelInvocationJobs', surface: 'control' };
  const job = /^\/model-invocation-job\/(.+?)(\/stop)?$/.exec(path);
  if (job?.[1] && (method === 'POST') === (job[2] !== undefined) && (method === 'GET' || method === 'POST')) {
    return { operation: job[2] ? 'StopModelInvocationJob' : 'GetModelInvocationJob', surface: 'control', jobId: decode(job[1]) };
  }
  if (method === 'GET') {
    if (path === '/foundation-models') return { operation: 'ListFoundationModels', surface: 'control' };
    if (path === '/inference-profiles') return { operation: 'ListInferenceProfiles', surface: 'control' };
    const m = /^\/(foundation-models|inference-profiles|foundation-model-availability)\/(.+)$/.exec(path);
    if (m?.[1] && m[2]) {
      const op: Operation =
        m[1] === 'foundation-models' ? 'GetFoundationModel' : m[1] === 'inference-profiles' ? 'GetInferenceProfile' : 'GetFoundationModelAvailability';
      return { operation: op, surface: 'control', modelId: decode(m[2]) };
    }
  }
  if (method === 'POST' && path === '/' && body && typeof body === 'object' && 'Action' in body) {
    return { operation: (body as { Action: string }).Action === 'GetCallerIdentity' ? 'GetCallerIdentity' : 'Unknown', surface: 'sts' };
  }
  return { operation: 'Unknown', surface: 'runtime' };
}

/**
 * A Duplex over `socket` that first yields the already-read `first` chunk.
 * HTTP/2 sessions read a net.Socket natively, so bytes put back with
 * unshift() would be lost; a plain Duplex goes through JS instead.
 */
function replaying(socket: Socket, first: Buffer): Duplex {
  const duplex = new Duplex({
    read() {
      socket.resume();
    },
    write(chunk: Buffer, _enc, cb) {
      socket.write(chunk, cb);
    },
    final(cb) {
      socket.end(cb);
    },
    destroy(err, cb) {
      socket.destroy();
      cb(err);
    },
  });
  duplex.push(first);
  socket.on('data', (d: Buffer) => {
    if (!duplex.push(d)) socket.pause();
  });
  socket.on('end', () => duplex.push(null));
  socket.on('close', () => duplex.destroy());
  return duplex;
}

/**
 * Kill the connection under a request: on HTTP/1.1 a TCP RST (`rst`, before any
 * response) or a close after the bytes already written; on HTTP/2 the session.
 */
function killConnection(req: IncomingMessage, res: ServerResponse, rst: boolean): void {
  const stream = (res as unknown as { stream?: ServerHttp2Stream }).stream;
  if (stream) stream.session?.destroy(new Error('fake-bedrock: connection fault'), h2constants.NGHTTP2_INTERNAL_ERROR);
  else if (rst) req.socket.resetAndDestroy();
  else req.socket.destroy();
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Write and wait until flushed, so a later break cuts at an exact event; never hangs if the client left. */
function writeChunk(res: ServerResponse, chunk: Uint8Array | string): Promise<void> {
  if (res.destroyed || res.writableEnded) return Promise.resolve();
  return new Promise((resolve) => {
    res.once('close', resolve);
    res.write(chunk, () => {
      res.off('close', resolve);
      resolve();
    });
  });
}

/** Per-request state shared by the handlers. */
interface Exchange {
  rec: RecordedRequest;
  req: IncomingMessage;
  res: ServerResponse;
  requestId: string;
  route: Route;
  region: string;
  service?: string;
  /** The request body bytes. */
  raw: Buffer;
}

export async function startFakeBedrock(options: FakeBedrockOptions = {}): Promise<FakeBedrock> {
  let world = buildWorld(options.world);
  const faults = new FaultState();
  faults.set(options.faults ?? {});
  const requests: RecordedRequest[] = [];
  let rules: ReplyRule[] = [];
  let raws: Array<{ raw: RawResponse; times: number; when?: (r: RecordedRequest) => boolean }> = [];
  let seq = 0;
  const s3Store = new S3Store();

  function sendJson(x: Exchange, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    x.rec.response = { status };
    x.res.writeHead(status, {
      'Content-Type': 'application/json',
      'Content-Length': String(Buffer.byteLength(text)),
      'x-amzn-RequestId': x.requestId,
      ...headers,
    });
    x.res.end(text);
  }

  function sendError(x: Exchange, spec: ErrorSpec): void {
    x.rec.response = { status: spec.status, errorName: spec.name };
    if (x.res.headersSent) {
      x.res.destroy();
      return;
    }
    if (x.route.surface === 's3') {
      const e = s3ErrorFor(spec, x.rec.auth.region, x.rec.auth.accessKeyId);
      x.rec.response = { status: e.status, errorName: e.name };
      writeS3Error(x.res, e, x.requestId, x.req.method === 'HEAD');
    } else if (x.route.surface === 'anthropic') {
      writeAnthropicError(x.res, spec.status, spec.anthropicType ?? anthropicErrorType(spec.status), spec.message, x.requestId);
    } else if (x.route.surface === 'sts') writeStsError(x.res, spec, x.requestId);
    else writeAwsError(x.res, spec, x.requestId);
  }

  /** Write stream frames, honouring delays and a configured break. */
  async function writeStream(
    x: Exchange,
    contentType: string,
    frames: Array<Uint8Array | string>,
    brk: StreamBreak | undefined,
    breakFrame: (b: StreamBreak) => Uint8Array | string,
    extraHeaders: Record<string, string> = {},
  ): Promise<void> {
    const f = faults.current;
    const applies = faults.applies(x.route.operation);
    x.rec.response = { status: 200, stream: true, events: 0 };
    x.res.writeHead(200, { 'Content-Type': contentType, 'x-amzn-RequestId': x.requestId, ...extraHeaders });
    if (typeof x.res.flushHeaders === 'function') x.res.flushHeaders(); // absent on HTTP/2 responses
    for (let i = 0; i <= frames.length; i++) {
      if (brk && i === brk.afterEvents) {
        if (brk.mode === 'destroy') {
          x.rec.response.destroyed = true;
          killConnection(x.req, x.res, false);
        } else x.res.end(breakFrame(brk));
        return;
      }
      const frame = frames[i];
      if (frame === undefined || x.res.destroyed) break; // done, or the client went away
      const delay = applies ? (i === 0 ? f.firstEventDelayMs : f.eventDelayMs) : undefined;
      if (delay) await sleep(delay);
      x.rec.response.events = i + 1;
      await writeChunk(x.res, frame);
    }
    x.res.end();
  }

  function pad(payload: Record<string, unknown>, i: number): Record<string, unknown> {
    return world.padding ? { ...payload, p: padding(i + seq) } : payload;
  }

  function chooseReply(x: Exchange, resolved: Resolved, body: unknown, modelId: string): CannedReply {
    const ctx: ReplyContext = {
      operation: x.route.operation,
      modelId,
      baseModelId: resolved.model.modelId,
      region: x.region,
      body,
      prompt: lastUserText(body),
    };
    const reply = selectReply(ctx, resolved.model);
    if (reply.error) throw new FakeBedrockError(resolveError(reply.error, modelId));
    return reply;
  }

  /** Test rules, then the world's rules, then the model's reply, then the world default. */
  function selectReply(ctx: ReplyContext, model: FakeModel): CannedReply {
    const rule = pickRule(rules, ctx) ?? pickRule(world.replies, ctx);
    return rule?.reply ?? model.reply ?? world.defaultReply;
  }

  const batch = new BatchJobs({
    world: () => world,
    s3: s3Store,
    faults,
    selectReply,
    anthropicModelName: (model) => anthropicModelName({ model }),
    seed: () => String(seq),
  });

  function checkSampling(resolved: Resolved, temperature: unknown, topP: unknown, anthropic: boolean): void {
    if (resolved.model.rejectsTemperatureWithTopP && temperature !== undefined && topP !== undefined) {
      const e = Errors.temperatureWithTopP();
      throw new FakeBedrockError(anthropic ? { ...e, message: e.message.replace('The model returned the following errors: ', ''), anthropicType: 'invalid_request_error' } : e);
    }
  }

  function anthropicModelName(resolved: Resolved): string {
    return resolved.model.anthropicModelName ?? resolved.model.modelId.replace(/^anthropic\./, '').replace(/-v\d+(:\d+)?$/, '');
  }

  async function handleRuntime(x: Exchange): Promise<void> {
    const op = x.route.operation;
    const modelId = x.route.modelId ?? '';
    const body = x.rec.body;
    const seed = `${seq}:${x.rec.seq}`;
    if (op === 'CountTokens') {
      const input = (body as { input?: { converse?: unknown; invokeModel?: { body?: string } } } | undefined)?.input;
      let request: unknown = input?.converse;
      if (input?.invokeModel?.body !== undefined) {
        try {
          request = JSON.parse(Buffer.from(input.invokeModel.body, 'base64').toString('utf8'));
        } catch {
          throw new FakeBedrockError(Errors.malformedInput());
        }
      }
      if (request === undefined) throw new FakeBedrockError(Errors.malformedInput());
      const resolved = resolveCountTokens(world, x.region, modelId);
      const u = chooseReply(x, resolved, request, modelId).usage;
      const inputTokens = u?.inputTokens !== undefined ? u.inputTokens + (u.cacheReadInputTokens ?? 0) + (u.cacheWriteInputTokens ?? 0) : estimateTokens(request);
      sendJson(x, 200, { inputTokens });
      return;
    }

    const converse = op === 'Converse' || op === 'ConverseStream';
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw new FakeBedrockError(Errors.malformedInput());
    const b = body as Record<string, unknown>;
    const resolved = resolveInvocation(world, x.region, modelId, converse ? 'converse' : 'invoke');
    if (converse) {
      const messages = b.messages;
      if (!Array.isArray(messages) || (messages[0] as { role?: string } | undefined)?.role !== 'user') throw new FakeBedrockError(Errors.firstMessageNotUser());
      const ic = (b.inferenceConfig ?? {}) as Record<string, unknown>;
      checkSampling(resolved, ic.temperature, ic.topP, false);
    } else if (resolved.model.providerName === 'Anthropic') {
      for (const key of ['anthropic_version', 'max_tokens', 'messages']) {
        if (!(key in b)) throw new FakeBedrockError(Errors.malformedInput(`#: required key [${key}] not found`));
      }
      for (const key of ['model', 'stream']) {
        if (key in b) throw new FakeBedrockError(Errors.malformedInput(`#: extraneous key [${key}] is not permitted`));
      }
      checkSampling(resolved, b.temperature, b.top_p, false);
    }
    const canned = chooseReply(x, resolved, body, modelId);
    const reply = normalizeReply(canned, body, seed, converse ? 'aws' : 'anthropic');

    if (op === 'Converse') {
      sendJson(x, 200, converseResponse(reply));
      return;
    }
    const brk = faults.takeBreak(op);
    const exceptionFrame = (s: StreamBreak) =>
      encodeException(s.exceptionType ?? 'throttlingException', s.message ?? STREAM_EXCEPTION_MESSAGES[s.exceptionType ?? 'throttlingException']);
    if (op === 'ConverseStream') {
      const frames = converseStreamEvents(reply).map((e, i) => encodeEvent(e.type, pad(e.payload, i)));
      await writeStream(x, EVENTSTREAM_CONTENT_TYPE, frames, brk, exceptionFrame);
      return;
    }
    const id = `msg_bdrk_01${fakeId(seed, 24)}`;
    const model = anthropicModelName(resolved);
    if (op === 'InvokeModel') {
      const u = reply.usage;
      sendJson(x, 200, anthropicMessage(reply, model, id), {
        'X-Amzn-Bedrock-Input-Token-Count': String(u.inputTokens),
        'X-Amzn-Bedrock-Output-Token-Count': String(u.outputTokens),
        'X-Amzn-Bedrock-Invocation-Latency': String(reply.latencyMs),
        'X-Amzn-Bedrock-Cache-Read-Input-Token-Count': String(u.cacheReadInputTokens),
        'X-Amzn-Bedrock-Cache-Write-Input-Token-Count': String(u.cacheWriteInputTokens),
      });
      return;
    }
    // InvokeModelWithResponseStream: each Anthropic event base64'd in a `chunk` event.
    const frames = anthropicStreamEvents(reply, model, id, { invocationMetrics: true }).map((e: StreamEvent, i) =>
      encodeEvent('chunk', pad({ bytes: Buffer.from(JSON.stringify(e.payload)).toString('base64') }, i)),
    );
    await writeStream(x, EVENTSTREAM_CONTENT_TYPE, frames, brk, exceptionFrame, { 'X-Amzn-Bedrock-Content-Type': 'application/json' });
  }

  async function handleMessages(x: Exchange): Promise<void> {
    const countTokens = x.route.operation === 'MessagesCountTokens';
    const b = validateMessagesRequest(x.req.headers, x.rec.body, countTokens);
    const modelId = String(b.model);
    const resolved = resolveMessages(world, x.region, modelId, x.service);
    const canned = chooseReply(x, resolved, b, modelId);
    if (countTokens) {
      const u = canned.usage;
      const n = u?.inputTokens !== undefined ? u.inputTokens + (u.cacheReadInputTokens ?? 0) + (u.cacheWriteInputTokens ?? 0) : estimateTokens(b);
      sendJson(x, 200, { input_tokens: n }, { 'request-id': x.requestId });
      return;
    }
    checkSampling(resolved, b.temperature, b.top_p, true);
    const seed = `${seq}:${x.rec.seq}`;
    const reply = normalizeReply(canned, b, seed, 'anthropic');
    const id = `msg_bdrk_01${fakeId(seed, 24)}`;
    if (b.stream === true) {
      const brk = faults.takeBreak('Messages');
      const frames = sseFrames(anthropicStreamEvents(reply, modelId, id, { ping: true }));
      await writeStream(
        x,
        SSE_CONTENT_TYPE,
        frames,
        brk,
        (s) => sseError(s.exceptionType ?? 'serviceUnavailableException', s.message ?? 'Overloaded'),
        { 'request-id': x.requestId, 'Cache-Control': 'no-cache' },
      );
      return;
    }
    sendJson(x, 200, anthropicMessage(reply, modelId, id), { 'request-id': x.requestId });
  }

  function handleControl(x: Exchange): void {
    const q = x.rec.query;
    const id = x.route.modelId ?? '';
    switch (x.route.operation) {
      case 'ListFoundationModels':
        return sendJson(x, 200, control.listFoundationModels(world, x.region, q));
      case 'GetFoundationModel':
        return sendJson(x, 200, control.getFoundationModel(world, x.region, id));
      case 'ListInferenceProfiles':
        return sendJson(x, 200, control.listInferenceProfiles(world, x.region, q));
      case 'GetInferenceProfile':
        return sendJson(x, 200, control.getInferenceProfile(world, x.region, id));
      case 'GetFoundationModelAvailability':
        return sendJson(x, 200, control.getFoundationModelAvailability(world, x.region, id));
      case 'CreateModelInvocationJob':
        return sendJson(x, 200, batch.create(x.region, x.rec.body));
      case 'GetModelInvocationJob':
        return sendJson(x, 200, batch.get(x.region, x.route.jobId ?? ''));
      case 'ListModelInvocationJobs':
        return sendJson(x, 200, batch.list(x.region, q));
      case 'StopModelInvocationJob':
        return sendJson(x, 200, batch.stop(x.region, x.route.jobId ?? ''));
      default:
        throw new FakeBedrockError(Errors.unknownOperation());
    }
  }

  function handleS3Request(x: Exchange, url: URL): void {
    const reply = handleS3({
      route: { operation: x.route.operation, ...x.route.s3 },
      method: x.rec.method,
      query: url.searchParams,
      headers: x.req.headers,
      body: x.raw,
      region: x.region,
      baseUrl: `http://127.0.0.1:${port}`,
      world,
      store: s3Store,
    });
    if (reply.recordBody !== undefined) x.rec.body = reply.recordBody;
    x.rec.response = { status: reply.status };
    writeS3Reply(x.res, reply, x.requestId);
  }

  function handleSts(x: Exchange): void {
    const xml = getCallerIdentityXml(world, x.rec.auth.accessKeyId, x.requestId);
    x.rec.response = { status: 200 };
    x.res.writeHead(200, { 'Content-Type': 'text/xml', 'Content-Length': String(Buffer.byteLength(xml)), 'x-amzn-RequestId': x.requestId });
    x.res.end(xml);
  }

  function takeRaw(rec: RecordedRequest): RawResponse | undefined {
    const i = raws.findIndex((r) => r.times > 0 && (!r.when || r.when(rec)));
    const entry = raws[i];
    if (!entry) return undefined;
    entry.times -= 1;
    if (entry.times <= 0) raws.splice(i, 1);
    return entry.raw;
  }

  function writeRaw(x: Exchange, raw: RawResponse): void {
    const body = raw.body === undefined ? Buffer.alloc(0) : Buffer.from(raw.body);
    x.rec.response = { status: raw.status };
    x.res.writeHead(raw.status, { ...raw.headers, 'Content-Length': String(body.length) });
    x.res.end(body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const auth = parseAuth(req.headers);
    // S3 shares the port: requests signed for service `s3` are S3's, whatever the path.
    const isS3 = auth.kind === 'sigv4' && auth.service === 's3';
    const s3 = isS3 ? s3Route(req.method ?? 'GET', url, req.headers) : undefined;
    // S3 object bytes are recorded by the S3 handler (decoded, size-capped); S3 XML bodies as text.
    const xmlBody = raw.length > 0 && req.headers['content-type']?.includes('xml') ? raw.toString('utf8') : undefined;
    const body = isS3 ? xmlBody : parseBody(raw, req.headers['content-type']);
    const r: Route = s3 ? { operation: s3.operation, surface: 's3', s3: { bucket: s3.bucket, key: s3.key } } : route(req.method ?? 'GET', url.pathname, body);
    const rec: RecordedRequest = {
      seq: requests.length + 1,
      method: req.method ?? 'GET',
      path: url.pathname,
      operation: r.operation,
      modelId: r.modelId ?? (r.surface === 'anthropic' && body && typeof body === 'object' ? (body as { model?: string }).model : undefined),
      query: redactQuery(Object.fromEntries(url.searchParams)),
      headers: redactHeaders(req.headers),
      body,
      auth: { kind: auth.kind, accessKeyId: auth.accessKeyId, region: auth.region, service: auth.service, hasSessionToken: auth.hasSessionToken },
    };
    if (r.s3) rec.s3 = r.s3;
    requests.push(rec);
    const x: Exchange = { rec, req, res, requestId: newRequestId(), route: r, region: '', raw };
    const skew = faults.applies(r.operation) ? faults.current.clockSkewMs : undefined;
    if (skew) res.setHeader('Date', new Date(Date.now() + skew).toUTCString()); // Node's own Date header is the real time
    try {
      const canned = takeRaw(rec);
      if (canned) return writeRaw(x, canned);
      const latency = faults.latency(r.operation);
      if (latency) await sleep(latency);
      const action = faults.take(r.operation);
      if (action.kind === 'reset') {
        rec.response = { status: 0, destroyed: true };
        killConnection(req, res, true); // the client sees ECONNRESET (HTTP/1.1) or a session error (HTTP/2)
        return;
      }
      if (r.operation === 'Unknown' && r.surface !== 's3') throw new FakeBedrockError(Errors.unknownOperation());
      const ok = checkAuth(auth, r.surface, world, req.headers);
      x.region = ok.region;
      x.service = ok.service;
      rec.region = ok.region;
      if (action.kind === 'error') throw new FakeBedrockError(action.spec);
      if (res.destroyed) return; // the client gave up during the latency
      if (r.surface === 'runtime') await handleRuntime(x);
      else if (r.surface === 'anthropic') await handleMessages(x);
      else if (r.surface === 'control') handleControl(x);
      else if (r.surface === 's3') handleS3Request(x, url);
      else handleSts(x);
    } catch (e) {
      if (e instanceof FakeBedrockError) sendError(x, e.spec);
      else {
        // A bug in the fake: make it loud in the test output rather than a silent hang.
        console.error('fake-bedrock: handler error', e);
        sendError(x, { status: 500, name: 'FakeBedrockBug', message: String(e) });
      }
    } finally {
      options.onRequest?.(rec);
    }
  }

  // HTTP/1.1 is the fake's protocol (tests pass NodeHttpHandler). The runtime
  // client's default is h2c with prior knowledge, so connections that open
  // with the HTTP/2 preface are handed to an http2 server with the same handler.
  // A client that aborts mid-request rejects readBody; that is not a test failure.
  const serve = (req: IncomingMessage, res: ServerResponse) => handle(req, res).catch(() => res.destroy());
  const http1 = createServer(serve);
  const http2 = createH2Server((req, res) => serve(req as unknown as IncomingMessage, res as unknown as ServerResponse));
  const sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // Connection faults destroy sockets; keep those errors out of the test output.
    socket.on('error', () => socket.destroy());
    socket.once('data', (chunk: Buffer) => {
      if (chunk.subarray(0, 14).toString('latin1') === 'PRI * HTTP/2.0') {
        http2.emit('connection', replaying(socket, chunk));
      } else {
        socket.pause();
        socket.unshift(chunk);
        http1.emit('connection', socket);
        socket.resume();
      }
    });
  });
  http1.on('clientError', (_err, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;

  const fake: FakeBedrock = {
    url,
    port,
    requests,
    get world() {
      return world;
    },
    set world(w: World) {
      world = w;
    },
    get faults() {
      return faults.current;
    },
    setFaults(f) {
      faults.set(f);
    },
    setWorld(input) {
      world = buildWorld(input);
    },
    reply(reply, when, times) {
      rules.unshift({ reply, when, times });
    },
    respondWith(raw, opts = {}) {
      raws.push({ raw, times: opts.times ?? 1, when: opts.when });
    },
    requestsFor(operation) {
      return operation ? requests.filter((r) => r.operation === operation) : [...requests];
    },
    lastRequest(operation) {
      return this.requestsFor(operation).at(-1);
    },
    reset() {
      world = buildWorld(options.world);
      faults.set(options.faults ?? {});
      rules = [];
      raws = [];
      requests.length = 0;
      s3Store.clear();
      batch.clear();
      seq += 1; // new IDs after a reset, still deterministic
    },
    env(opts = {}) {
      const e: Record<string, string> = {
        AWS_ENDPOINT_URL: url,
        AWS_REGION: opts.region ?? world.defaultRegion,
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      };
      const kind = opts.auth ?? (opts.bearerToken ? 'bearer' : 'static');
      if (kind === 'static') Object.assign(e, { AWS_ACCESS_KEY_ID: FAKE_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: FAKE_SECRET_ACCESS_KEY });
      if (kind === 'temporary') {
        Object.assign(e, { AWS_ACCESS_KEY_ID: FAKE_TEMP_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: FAKE_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN: FAKE_SESSION_TOKEN });
      }
      if (kind === 'bearer') e.AWS_BEARER_TOKEN_BEDROCK = opts.bearerToken ?? FAKE_BEARER_TOKEN;
      return e;
    },
    s3: {
      put(bucket, key, data, opts = {}) {
        if (!world.s3Buckets.some((b) => b.name === bucket)) throw new Error(`fake-bedrock: no bucket ${bucket} in world.s3Buckets`);
        s3Store.put(bucket, key, Buffer.from(data), { contentType: opts.contentType });
      },
      get: (bucket, key) => s3Store.get(bucket, key)?.body,
      list: (bucket, prefix) => s3Store.keys(bucket, prefix),
      delete: (bucket, key) => s3Store.delete(bucket, key),
    },
    batch: {
      jobs: () => batch.all(),
      job: (idOrArn) => batch.peek(idOrArn),
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        for (const socket of sockets) socket.destroy();
      });
    },
  };
  return fake;
}

export type { Faults } from './faults.js';
export type { CannedReply, ReplyMatcher, ReplyRule } from './replies.js';
export type { RecordedRequest, Operation } from './recording.js';
export type { World, WorldOverrides, WorldInput, FakeModel, FakeProfile, FakeBucket } from './world.js';
export type { BatchJobFailure } from './faults.js';
export type { BatchOutputLine, BatchStatus } from './batch.js';
export { DEFAULT_MODELS, FAKE_BATCH_BUCKET, FAKE_ACCESS_KEY_ID, FAKE_SECRET_ACCESS_KEY, FAKE_BEARER_TOKEN, FAKE_SESSION_TOKEN, FAKE_TEMP_ACCESS_KEY_ID } from './world.js';
