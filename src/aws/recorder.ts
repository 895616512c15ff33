// --record <dir> and --replay <dir>: each exchange with Bedrock is saved as one JSON file (the request
// with secrets removed, the response bytes exactly as received, streams included), and a replay
// answers from those files without network or credentials. CI jobs test prompt pipelines this way.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { CliError, ExitCode } from '../errors.js';
import { redactHeaders } from './redact.js';
import { transportSdk } from './sdk.js';

export interface RecordedExchange {
  version: 1;
  request: { method: string; path: string; query: string; headers: Record<string, string>; bodySha256: string; body: unknown };
  response: { status: number; headers: Record<string, string>; bodyBase64: string };
}

interface RequestLike {
  method: string;
  path: string;
  query?: Record<string, string | string[] | null | undefined>;
  headers: Record<string, string>;
  body?: unknown;
}

/** The request body's bytes. A view of a Uint8Array, not Buffer.from(body): the SDK's JSON bodies
 *  are a Uint8Array subclass whose valueOf() (which Buffer.from calls) warns on stderr. */
const bodyBytes = (body: unknown): Buffer =>
  body === undefined || body === null
    ? Buffer.alloc(0)
    : typeof body === 'string'
      ? Buffer.from(body)
      : body instanceof Uint8Array
        ? Buffer.from(body.buffer, body.byteOffset, body.byteLength)
        : Buffer.from(body as ArrayBuffer);

function queryString(query: RequestLike['query']): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    for (const v of Array.isArray(value) ? value : [value]) if (v !== undefined && v !== null) parts.push(`${key}=${v}`);
  }
  return parts.join('&');
}

/** What identifies a request across runs: method, path, query and the body's hash (no headers: dates and signatures change). */
function keyOf(method: string, path: string, query: string, body: Buffer): string {
  return `${method} ${path}?${query} ${createHash('sha256').update(body).digest('hex')}`;
}

function readableBody(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return { base64: bytes.toString('base64') };
  }
}

const operationOf = (path: string) => (path.split('/').filter(Boolean).pop() ?? 'request').replace(/[^A-Za-z0-9-]/g, '_').slice(0, 40);

export class Recorder {
  private count: number;

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    this.count = readdirSync(dir).filter((f) => f.endsWith('.json')).length;
  }

  save(request: RequestLike, status: number, headers: Record<string, string>, responseBody: Buffer): void {
    const body = bodyBytes(request.body);
    const exchange: RecordedExchange = {
      version: 1,
      request: {
        method: request.method,
        path: request.path,
        query: queryString(request.query),
        headers: redactHeaders(request.headers),
        bodySha256: createHash('sha256').update(body).digest('hex'),
        body: readableBody(body),
      },
      response: { status, headers: redactHeaders(headers), bodyBase64: responseBody.toString('base64') },
    };
    const name = `${String(++this.count).padStart(4, '0')}-${operationOf(request.path)}.json`;
    writeFileSync(join(this.dir, name), `${JSON.stringify(exchange, null, 2)}\n`);
  }
}

export class Replayer {
  private readonly byKey = new Map<string, RecordedExchange[]>();

  constructor(private readonly dir: string) {
    let files: string[];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
    } catch {
      throw new CliError(`no recordings in ${dir}: the directory cannot be read`, { exitCode: ExitCode.usage, cause: 'usage', fix: `Record them first: run the same command with --record ${dir}.` });
    }
    for (const file of files) {
      const exchange = JSON.parse(readFileSync(join(dir, file), 'utf8')) as RecordedExchange;
      const key = `${exchange.request.method} ${exchange.request.path}?${exchange.request.query} ${exchange.request.bodySha256}`;
      this.byKey.set(key, [...(this.byKey.get(key) ?? []), exchange]);
    }
  }

  /** The next recorded answer to this request; identical requests replay their answers in order. */
  take(request: RequestLike): RecordedExchange['response'] {
    const key = keyOf(request.method, request.path, queryString(request.query), bodyBytes(request.body));
    const queue = this.byKey.get(key);
    const exchange = queue?.shift();
    if (!exchange) {
      throw new CliError(`no recording in ${this.dir} for ${request.method} ${decodeURIComponent(request.path)} with this body`, {
        exitCode: ExitCode.usage,
        cause: 'usage',
        fix: `Record this request first (run the command with --record ${this.dir}); a replay needs the same model, prompt and options.`,
      });
    }
    return exchange.response;
  }
}

interface SdkHandler {
  handle(request: any, options?: any): Promise<{ response: any }>;
  updateHttpClientConfig?(key: any, value: any): void;
  httpHandlerConfigs?(): any;
  destroy?(): void;
}

/** An SDK request handler that saves every exchange while passing the response through untouched. */
export async function recordingHandler(inner: SdkHandler, recorder: Recorder): Promise<SdkHandler> {
  const { HttpResponse } = await transportSdk();
  return {
    async handle(request, options) {
      const { response } = await inner.handle(request, options);
      const chunks: Buffer[] = [];
      const body = new PassThrough();
      const source = response.body as Readable;
      source.on('data', (chunk: Buffer) => chunks.push(Buffer.from(chunk)));
      source.on('end', () => recorder.save(request, response.statusCode, response.headers, Buffer.concat(chunks)));
      source.pipe(body);
      return { response: new HttpResponse({ statusCode: response.statusCode, headers: response.headers, body }) };
    },
    updateHttpClientConfig: (key, value) => inner.updateHttpClientConfig?.(key, value),
    httpHandlerConfigs: () => inner.httpHandlerConfigs?.() ?? {},
    destroy: () => inner.destroy?.(),
  };
}

/** An SDK request handler that never touches the network: it answers from recordings. */
export async function replayHandler(replayer: Replayer): Promise<SdkHandler> {
  const { HttpResponse } = await transportSdk();
  return {
    async handle(request) {
      const recorded = replayer.take(request);
      const body = Readable.from([Buffer.from(recorded.bodyBase64, 'base64')]);
      return { response: new HttpResponse({ statusCode: recorded.status, headers: recorded.headers, body }) };
    },
    updateHttpClientConfig: () => {},
    httpHandlerConfigs: () => ({}),
    destroy: () => {},
  };
}

/** The same for fetch (the Messages API): record by teeing the body, replay from the files. */
export async function recordedFetch(url: URL, init: RequestInit & { headers: Record<string, string>; body: string }, mode: { recorder?: Recorder; replayer?: Replayer }): Promise<Response> {
  const request = { method: init.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams), headers: init.headers, body: init.body };
  if (mode.replayer) {
    const recorded = mode.replayer.take(request);
    return new Response(Buffer.from(recorded.bodyBase64, 'base64'), { status: recorded.status, headers: recorded.headers });
  }
  const response = await fetch(url, init);
  if (!mode.recorder || !response.body) return response;
  const [forCaller, forFile] = response.body.tee();
  const headers = Object.fromEntries(response.headers);
  void new Response(forFile).arrayBuffer().then((bytes) => mode.recorder?.save(request, response.status, headers, Buffer.from(bytes)));
  return new Response(forCaller, { status: response.status, headers: response.headers });
}
