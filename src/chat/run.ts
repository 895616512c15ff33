// The shared flow of `invoke` and `converse`: settings → resolved model → request → checks →
// dry run or send → render. Commands only turn their flags into ChatOptions.
import type { CommandContext } from '../commands/context.js';
import { warn } from '../commands/context.js';
import { requireRegion } from '../config/region.js';
import type { Settings } from '../config/load.js';
import type { ClientOptions } from '../aws/clients.js';
import { formatRetry } from '../aws/retry.js';
import { ExitCode, interrupted, rejection, usageError, type ExitCodeValue } from '../errors.js';
import { resolveConfigured } from '../models/resolve-configured.js';
import type { Resolution } from '../resolver.js';
import { toInvokeBody, toMessagesBody } from './anthropic.js';
import { checkRequestSize, readAttachments } from './attachments.js';
import { toConverseInput } from './converse.js';
import { randomUUID } from 'node:crypto';
import { readInputFile, readPrompt, readTextOption, decodeText, readAll } from './input.js';
import { lastConversationPath, loadConversation, saveConversation, type Conversation } from './conversation.js';
import { messagesUrl } from './messages-api.js';
import { ReplyRenderer } from './render.js';
import type { Api, ChatEvent, ChatRequest, ThinkingRequest, ToolDefinition } from './types.js';
import { checkCache, checkParameters, effectiveMaxTokens } from './validate.js';
import { costOfUsage } from './cost.js';
import { estimateChat, estimateLine } from './estimate.js';

export interface ChatOptions {
  api: Api;
  model?: string;
  scope?: string;
  prompt?: string;
  system?: string;
  attach?: string[];
  maxTokens?: number;
  temperature?: number;
  topP?: number;
  stop?: string[];
  thinking?: string;
  effort?: string;
  cache?: boolean;
  beta?: string[];
  tools?: string;
  body?: string;
  stream?: boolean;
  dryRun?: boolean;
  /** Read and append this conversation file. */
  conversation?: string;
  /** Continue the last conversation. */
  continue?: boolean;
  /** Seconds a reply may send nothing before the call gives up. */
  timeout?: number;
  /** Print the estimated cost beside the actual one. */
  estimate?: boolean;
}

/** Retries announced on stderr, and the timeout that fits the request. */
export function chatClientOptions(ctx: CommandContext, settings: Settings, region: string, requestTimeoutMs: number, debug?: (line: string) => void): ClientOptions {
  return {
    settings,
    region,
    debug,
    requestTimeoutMs,
    onRetry: (notice) => {
      if (!ctx.global.quiet) ctx.io.stderr.write(`${ctx.err.yellow(formatRetry(notice))}\n`);
    },
  };
}

/** A non-streamed reply sends nothing until it is complete: allow a minute plus ~50 tokens/s for
 *  the longest answer the request allows (the SDK's socket default would cut long answers off).
 *  A stream sends events as it goes, so two minutes of silence means something is wrong. */
export function requestTimeoutMs(seconds: number | undefined, maxTokens: number, stream: boolean): number {
  if (seconds !== undefined) return seconds * 1000;
  if (stream) return 120_000;
  return Math.min(60_000 + maxTokens * 20, 3_600_000);
}

export interface PreparedChat {
  settings: Settings;
  region: string;
  resolution: Resolution;
}

/** Settings, region and the resolved model: everything decided before any prompt is read. */
export async function prepareChat(ctx: CommandContext, options: Pick<ChatOptions, 'model' | 'scope' | 'api'>): Promise<PreparedChat> {
  const settings = await ctx.settings({ model: options.model, scope: options.scope });
  const region = requireRegion(settings);
  const resolution = await resolveConfigured(ctx.env, settings, region);
  for (const warning of resolution.warnings) warn(ctx, warning);
  checkApiFits(resolution, options.api);
  return { settings, region, resolution };
}

export async function runChat(ctx: CommandContext, options: ChatOptions, prepared?: PreparedChat): Promise<ExitCodeValue> {
  const conversationPath = options.conversation ?? (options.continue ? lastConversationPath(ctx.env) : undefined);
  if (conversationPath && options.body !== undefined) throw usageError('--body does not go with --continue or --conversation', 'Send the whole conversation in the body instead.');
  const history = conversationPath ? await loadConversation(conversationPath, ctx.cwd) : undefined;
  if (options.continue && history?.messages.length === 0) warn(ctx, 'no earlier conversation to continue; starting a new one');
  const { settings, region, resolution } = prepared ?? (await prepareChat(ctx, { ...options, model: options.model ?? history?.model }));

  const rawBody = options.body !== undefined ? await readRawBody(ctx, options.body) : undefined;
  const built = rawBody ? emptyRequest() : await buildRequest(ctx, options, resolution, settings.maxTokens.value, history);
  if (!rawBody) checkParameters(built, resolution.model);
  const { request, warnings: cacheWarnings } = checkCache(built, resolution.model);
  for (const warning of cacheWarnings) warn(ctx, warning);

  const stream = options.stream ?? ctx.io.stdoutIsTTY;
  const body = rawBody ?? wireBody(request, resolution, options.api, stream);
  checkRequestSize(requestSize(body));

  if (options.dryRun) {
    const dryRun = { api: options.api, region, endpoint: endpointUrl(settings, region, resolution, options.api, stream), modelId: resolution.modelId, stream, body };
    writeJsonWithBytes(ctx.io.stdout, dryRun);
    return ExitCode.ok;
  }

  const renderer = new ReplyRenderer(ctx, stream, (usage) => costOfUsage(usage, resolution));
  const debug = ctx.global.debug ? (line: string) => ctx.io.stderr.write(`${ctx.err.dim(line)}\n`) : undefined;
  const client = chatClientOptions(ctx, settings, region, requestTimeoutMs(options.timeout, request.maxTokens, stream), debug);
  const onEvent = (event: ChatEvent) => renderer.onEvent(event);
  let result;
  try {
    if (options.api === 'messages') {
      const { sendMessages } = await import('./messages-api.js');
      const target = messagesTarget(resolution);
      result = await sendMessages({ ...target, request, stream, client, bearerToken: ctx.env.AWS_BEARER_TOKEN_BEDROCK || undefined, onEvent, signal: ctx.io.signal });
    } else {
      const { sendChat } = await import('./send.js');
      result = await sendChat({ api: options.api, modelId: resolution.modelId, request, rawBody, stream, client, onEvent, signal: ctx.io.signal });
    }
  } catch (err) {
    const what = `${API_NAMES[options.api]} with ${resolution.modelId}`;
    // The error explainer is large: loaded only when there is an error to explain.
    const { fromAwsError } = await import('../aws/errors.js');
    const error = ctx.io.signal?.aborted ? interrupted(what) : fromAwsError(err, what, { model: resolution.modelId, region, api: options.api });
    renderer.failed(error);
    throw error;
  }
  const planned = options.estimate ? estimateChat(request, resolution) : undefined;
  const actualUsd = costOfUsage(result.usage, resolution);
  renderer.finish(
    result,
    { modelId: resolution.modelId, api: options.api, region },
    planned ? { estimate: planned, estimateDifferenceUsd: planned.costUsd !== null && actualUsd !== null ? actualUsd - planned.costUsd : null } : {},
    planned ? [estimateLine(planned, actualUsd)] : [],
  );
  if (!rawBody) {
    // The turn just made becomes the last conversation (for --continue) and, if given, the --conversation file.
    const conversation: Conversation = { version: 1, model: settings.model.value, system: request.system, messages: [...request.messages, result.message] };
    const paths = new Set([lastConversationPath(ctx.env), ...(options.conversation ? [options.conversation] : [])]);
    for (const path of paths) {
      try {
        await saveConversation(path, ctx.cwd, conversation);
      } catch (err) {
        warn(ctx, `could not save the conversation to ${path}: ${(err as Error).message}`);
      }
    }
  }
  return ExitCode.ok;
}

const API_NAMES: Record<Api, string> = { converse: 'Converse', invoke: 'InvokeModel', messages: 'the Messages API' };

/** Where the Messages API call goes: the runtime host takes a profile ID, bedrock-mantle the bare in-region ID. */
function messagesTarget(resolution: Resolution): { host: 'runtime' | 'mantle'; model: string } {
  if (resolution.route === 'mantle') return { host: 'mantle', model: resolution.mantleModelId ?? resolution.modelId };
  if (resolution.scope === 'region' && resolution.model?.inRegion.value.mantleRegions?.includes(resolution.region)) {
    return { host: 'mantle', model: resolution.model.mantleId ?? resolution.modelId };
  }
  return { host: 'runtime', model: resolution.modelId };
}

/** Models served only in-region on the Messages API cannot take InvokeModel or Converse;
 *  ARN-versioned models are not served by the Messages API. */
function checkApiFits(resolution: Resolution, api: Api): void {
  const model = resolution.model;
  if (api === 'messages' && model && model.integration.value !== 'messages-api' && !model.inRegion.value.mantleRegions?.includes(resolution.region)) {
    throw rejection(
      'endpoint-config',
      `${model.name} is not served by the Messages API on Bedrock (only Opus 4.7 and later, and models deployed on bedrock-mantle)`,
      'Drop --api messages: invoke sends the same body with InvokeModel.',
    );
  }
  if (resolution.route === 'mantle' && api !== 'messages') {
    throw rejection(
      'needs-inference-profile',
      `${resolution.modelId} answers in ${resolution.region} only on the Messages API (bedrock-mantle), not on ${api === 'converse' ? 'Converse' : 'InvokeModel'}`,
      'Use --scope auto (a global or geographic profile), or `invoke --api messages`.',
    );
  }
}

async function buildRequest(ctx: CommandContext, options: ChatOptions, resolution: Resolution, configuredMaxTokens: number, history?: Conversation): Promise<ChatRequest> {
  const [prompt, system, attachments, tools] = await Promise.all([
    readPrompt(options.prompt, ctx.io),
    readTextOption(options.system, ctx.cwd, '--system file'),
    readAttachments(options.attach ?? [], ctx.cwd),
    options.tools ? readTools(options.tools, ctx.cwd) : Promise.resolve(undefined),
  ]);
  return {
    ...requestSettings(options, configuredMaxTokens, resolution, options.maxTokens),
    system: system ?? history?.system,
    messages: [...(history?.messages ?? []), { role: 'user', content: [...attachments, { type: 'text', text: prompt }] }],
    tools,
  };
}

/** What the command's flags set on every request: limits, sampling, thinking, caching, betas. */
export function requestSettings(options: ChatOptions, configuredMaxTokens: number, resolution: Resolution, maxTokens: number | undefined): Omit<ChatRequest, 'messages'> {
  return {
    maxTokens: effectiveMaxTokens(maxTokens, configuredMaxTokens, resolution.model),
    temperature: options.temperature,
    topP: options.topP,
    stopSequences: options.stop,
    thinking: parseThinking(options.thinking, options.effort),
    cache: options.cache,
    betas: options.beta,
  };
}

function wireBody(request: ChatRequest, resolution: Resolution, api: Api, stream: boolean): Record<string, unknown> {
  if (api === 'converse') {
    const { modelId: _modelId, ...input } = toConverseInput(request, resolution.modelId);
    return input;
  }
  if (api === 'messages') return toMessagesBody(request, messagesTarget(resolution).model, stream);
  return toInvokeBody(request);
}

/** The URL the request goes to, as --dry-run shows it. */
function endpointUrl(settings: Settings, region: string, resolution: Resolution, api: Api, stream: boolean): string {
  if (api === 'messages') {
    return messagesUrl({ host: messagesTarget(resolution).host, client: { settings, region } }).href;
  }
  const base = (settings.runtimeEndpoint?.value ?? `https://bedrock-runtime.${region}.amazonaws.com`).replace(/\/$/, '');
  const operation = api === 'converse' ? (stream ? 'converse-stream' : 'converse') : stream ? 'invoke-with-response-stream' : 'invoke';
  return `${base}/model/${encodeURIComponent(resolution.modelId)}/${operation}`;
}

export function parseThinking(value: string | undefined, effort: string | undefined): ThinkingRequest | undefined {
  if (value === undefined) {
    if (effort) throw usageError('--effort needs --thinking adaptive', 'Add --thinking adaptive.');
    return undefined;
  }
  if (value === 'adaptive') return { type: 'adaptive', effort };
  const budget = Number(value);
  if (!Number.isInteger(budget) || budget <= 0) {
    throw usageError(`--thinking expects a token budget or "adaptive", got "${value}"`, 'Use e.g. --thinking 4096, or --thinking adaptive.');
  }
  if (effort) throw usageError('--effort goes with --thinking adaptive, not a budget', 'Use --thinking adaptive --effort high.');
  return { type: 'enabled', budgetTokens: budget };
}

async function readTools(path: string, cwd: string): Promise<ToolDefinition[]> {
  const text = decodeText(await readInputFile(path, cwd, '--tools file'), `--tools file ${path}`);
  let tools: unknown;
  try {
    tools = JSON.parse(text);
  } catch (err) {
    throw usageError(`--tools file ${path} is not valid JSON: ${(err as Error).message}`, 'Give a JSON array of {name, description, input_schema}.');
  }
  if (!Array.isArray(tools) || !tools.every((t) => t && typeof t.name === 'string' && typeof t.input_schema === 'object')) {
    throw usageError(`--tools file ${path} must hold an array of {name, description, input_schema}`, 'See the Anthropic tool-use documentation for the shape.');
  }
  return tools as ToolDefinition[];
}

async function readRawBody(ctx: CommandContext, source: string): Promise<Record<string, unknown>> {
  const text = source === '-' ? decodeText(await readAll(ctx.io.stdin), 'stdin') : decodeText(await readInputFile(source, ctx.cwd, '--body file'), `--body file ${source}`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (err) {
    throw usageError(`the --body ${source === '-' ? 'from stdin' : `file ${source}`} is not valid JSON: ${(err as Error).message}`, 'Fix the JSON; `jq . file` shows where it breaks.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw usageError('the --body must be a JSON object', 'Send an Anthropic Messages body: {"anthropic_version": …, "messages": […]}.');
  if (!('anthropic_version' in body)) warn(ctx, 'the body has no "anthropic_version"; InvokeModel on Bedrock expects "bedrock-2023-05-31"');
  return body as Record<string, unknown>;
}

function emptyRequest(): ChatRequest {
  return { messages: [], maxTokens: 0 };
}


/** Writes JSON whose attachment bytes appear as base64, in slices: a multi-megabyte document is
 *  never held as one base64 string beside the JSON text around it. */
function writeJsonWithBytes(out: { write(chunk: string): unknown }, value: unknown): void {
  const parts: Uint8Array[] = [];
  const marker = `@@bytes-${randomUUID()}-`;
  const text = JSON.stringify(value, (_key, v: unknown) => (v instanceof Uint8Array ? `${marker}${parts.push(v) - 1}@@` : v), 2);
  text.split(new RegExp(`${marker}(\\d+)@@`)).forEach((piece, i) => {
    if (i % 2 === 0) return void out.write(piece);
    const bytes = parts[Number(piece)]!;
    const slice = 3 * 64 * 1024; // a multiple of 3, so the slices' base64 joins into one valid string
    for (let at = 0; at < bytes.byteLength; at += slice) {
      out.write(Buffer.from(bytes.buffer, bytes.byteOffset + at, Math.min(slice, bytes.byteLength - at)).toString('base64'));
    }
  });
  out.write('\n');
}

/** The serialised size of a body, without building the base64 of its attachments (4 bytes per 3). */
function requestSize(body: Record<string, unknown>): number {
  let attachments = 0;
  const size = Buffer.byteLength(
    JSON.stringify(body, (_key, value: unknown) => {
      if (!(value instanceof Uint8Array)) return value;
      attachments += 4 * Math.ceil(value.byteLength / 3);
      return '';
    }),
  );
  return size + attachments;
}
