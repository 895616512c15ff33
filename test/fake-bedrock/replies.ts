// Canned replies and how each API renders them: Converse JSON, ConverseStream
// events, InvokeModel's Anthropic JSON, InvokeModelWithResponseStream chunks
// and the Messages API's SSE events. One reply, every wire shape, so a test
// can assert the CLI prints the same thing whichever API it used.
import { createHash } from 'node:crypto';
import type { ErrorName, ErrorSpec } from './errors.js';
import type { Operation } from './recording.js';

export type StopReason =
  | 'end_turn'
  | 'tool_use'
  | 'max_tokens'
  | 'stop_sequence'
  | 'guardrail_intervened'
  | 'content_filtered'
  | 'model_context_window_exceeded';

export interface CannedUsage {
  inputTokens?: number;
  outputTokens?: number;
  cacheReadInputTokens?: number;
  cacheWriteInputTokens?: number;
}

export interface CannedReply {
  /** Final answer text. Default when nothing else is given: "Hello from fake Bedrock." */
  text?: string;
  /** Extended thinking, rendered before the text. */
  thinking?: string | { text: string; signature?: string } | { redacted: string };
  toolUse?: { name: string; input: unknown; id?: string } | Array<{ name: string; input: unknown; id?: string }>;
  /** Default: tool_use when toolUse is set, else end_turn. */
  stopReason?: StopReason;
  /** Defaults: input estimated from the request (chars/4), output from the reply, cache 0. */
  usage?: CannedUsage;
  /** Reported metrics.latencyMs (no actual delay; use faults for that). */
  latencyMs?: number;
  /** Answer with this error instead (AWS shape, or Anthropic shape on /anthropic). */
  error?: ErrorName | ErrorSpec;
}

export interface ReplyContext {
  operation: Operation;
  /** The model ID as requested (decoded path segment, or body.model on /anthropic). */
  modelId: string;
  /** The foundation model it resolved to. */
  baseModelId: string;
  region: string;
  body: unknown;
  /** Text of the last user message. */
  prompt: string;
  /** Set when answering a record of a batch inference job (operation: InvokeModel or Converse). */
  batch?: { jobArn: string; recordId: string };
}

export interface ReplyMatcher {
  /** Matches the requested ID or the resolved base model ID. */
  model?: string | RegExp;
  operation?: Operation | Operation[];
  /** Matches the last user message's text (substring for strings). */
  prompt?: string | RegExp;
  region?: string;
  test?: (ctx: ReplyContext) => boolean;
}

export interface ReplyRule {
  when?: ReplyMatcher;
  reply: CannedReply;
  /** Use at most this many times (then the rule is skipped). */
  times?: number;
}

function matchText(pattern: string | RegExp, value: string): boolean {
  return typeof pattern === 'string' ? value === pattern : pattern.test(value);
}

export function ruleMatches(rule: ReplyRule, ctx: ReplyContext): boolean {
  if (rule.times !== undefined && rule.times <= 0) return false;
  const w = rule.when;
  if (!w) return true;
  if (w.model !== undefined && !matchText(w.model, ctx.modelId) && !matchText(w.model, ctx.baseModelId)) return false;
  if (w.operation !== undefined && !(Array.isArray(w.operation) ? w.operation : [w.operation]).includes(ctx.operation)) return false;
  if (w.prompt !== undefined && !(typeof w.prompt === 'string' ? ctx.prompt.includes(w.prompt) : w.prompt.test(ctx.prompt))) return false;
  if (w.region !== undefined && w.region !== ctx.region) return false;
  if (w.test && !w.test(ctx)) return false;
  return true;
}

/** First matching rule (consuming one of its `times`), else undefined. */
export function pickRule(rules: ReplyRule[], ctx: ReplyContext): ReplyRule | undefined {
  const rule = rules.find((r) => ruleMatches(r, ctx));
  if (rule && rule.times !== undefined) rule.times -= 1;
  return rule;
}

// ---------------------------------------------------------------------------
// Request inspection

function collectStrings(v: unknown, out: string[], skipKeys: Set<string>): void {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) collectStrings(x, out, skipKeys);
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) if (!skipKeys.has(k)) collectStrings(x, out, skipKeys);
  }
}

const NON_TEXT_KEYS = new Set(['role', 'type', 'anthropic_version', 'bytes', 'format', 'cachePoint', 'cache_control', 'model']);

/** Deterministic token estimate: all text in messages/system/tools, chars/4, at least 1. */
export function estimateTokens(request: unknown): number {
  const strings: string[] = [];
  if (request && typeof request === 'object') {
    const r = request as Record<string, unknown>;
    for (const key of ['messages', 'system', 'toolConfig', 'tools', 'prompt']) collectStrings(r[key], strings, NON_TEXT_KEYS);
  }
  const chars = strings.reduce((n, s) => n + s.length, 0);
  return Math.max(1, Math.ceil(chars / 4));
}

/** Text of the last user message in a Converse or Anthropic Messages body. */
export function lastUserText(request: unknown): string {
  if (!request || typeof request !== 'object') return '';
  const messages = (request as { messages?: unknown }).messages;
  if (!Array.isArray(messages)) return '';
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i] as { role?: string; content?: unknown };
    if (m?.role !== 'user') continue;
    if (typeof m.content === 'string') return m.content;
    if (Array.isArray(m.content)) {
      return m.content
        .map((b) => (b && typeof b === 'object' && typeof (b as { text?: unknown }).text === 'string' ? (b as { text: string }).text : ''))
        .join('');
    }
    return '';
  }
  return '';
}

// ---------------------------------------------------------------------------
// Normalised reply

export type Block =
  | { kind: 'reasoning'; text: string; signature: string }
  | { kind: 'redacted'; data: string }
  | { kind: 'text'; text: string }
  | { kind: 'toolUse'; id: string; name: string; input: unknown };

export interface Usage {
  inputTokens: number;
  outputTokens: number;
  cacheReadInputTokens: number;
  cacheWriteInputTokens: number;
  totalTokens: number;
}

export interface Reply {
  blocks: Block[];
  stopReason: StopReason;
  usage: Usage;
  latencyMs: number;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Deterministic random-looking ID so replies are stable across runs. */
export function fakeId(seed: string, length: number): string {
  const digest = createHash('sha256').update(seed).digest();
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[(digest[i % digest.length] ?? 0) % ALPHABET.length];
  return out;
}

/** Turn a canned reply into concrete blocks and usage for one request. */
export function normalizeReply(reply: CannedReply, request: unknown, seed: string, api: 'aws' | 'anthropic'): Reply {
  const blocks: Block[] = [];
  const t = reply.thinking;
  if (typeof t === 'string') blocks.push({ kind: 'reasoning', text: t, signature: `fake-signature-${fakeId(seed + t, 24)}` });
  else if (t && 'redacted' in t) blocks.push({ kind: 'redacted', data: t.redacted });
  else if (t) blocks.push({ kind: 'reasoning', text: t.text, signature: t.signature ?? `fake-signature-${fakeId(seed + t.text, 24)}` });
  const tools = reply.toolUse === undefined ? [] : Array.isArray(reply.toolUse) ? reply.toolUse : [reply.toolUse];
  const text = reply.text ?? (tools.length === 0 && !t ? 'Hello from fake Bedrock.' : undefined);
  if (text !== undefined) blocks.push({ kind: 'text', text });
  tools.forEach((tool, i) => {
    // Bedrock's ID styles: Converse `tooluse_…`, Anthropic-on-Bedrock `toolu_bdrk_01…`.
    const id = tool.id ?? (api === 'aws' ? `tooluse_${fakeId(`${seed}:${i}`, 22)}` : `toolu_bdrk_01${fakeId(`${seed}:${i}`, 24)}`);
    blocks.push({ kind: 'toolUse', id, name: tool.name, input: tool.input });
  });
  const outChars = blocks.reduce((n, b) => n + (b.kind === 'text' || b.kind === 'reasoning' ? b.text.length : b.kind === 'toolUse' ? JSON.stringify(b.input).length : 8), 0);
  const u = reply.usage ?? {};
  const inputTokens = u.inputTokens ?? estimateTokens(request);
  const outputTokens = u.outputTokens ?? Math.max(1, Math.ceil(outChars / 4));
  const cacheReadInputTokens = u.cacheReadInputTokens ?? 0;
  const cacheWriteInputTokens = u.cacheWriteInputTokens ?? 0;
  return {
    blocks,
    stopReason: reply.stopReason ?? (tools.length > 0 ? 'tool_use' : 'end_turn'),
    usage: {
      inputTokens,
      outputTokens,
      cacheReadInputTokens,
      cacheWriteInputTokens,
      totalTokens: inputTokens + outputTokens + cacheReadInputTokens + cacheWriteInputTokens,
    },
    latencyMs: reply.latencyMs ?? 321,
  };
}

/** Split text into word-sized deltas whose concatenation is exactly the text. */
export function chunkText(text: string): string[] {
  const words = text.match(/^\s+|\S+\s*/g) ?? [];
  const out: string[] = [];
  for (let i = 0; i < words.length; i += 2) out.push(words.slice(i, i + 2).join(''));
  return out.length > 0 ? out : [text];
}

/** Partial-JSON fragments as Bedrock streams tool input (first one empty, as recorded). */
export function chunkJson(input: unknown): string[] {
  const s = JSON.stringify(input ?? {});
  const out = [''];
  for (let i = 0; i < s.length; i += 12) out.push(s.slice(i, i + 12));
  return out;
}

// ---------------------------------------------------------------------------
// Bedrock (Converse) shapes. Bedrock's JSON has sorted keys; tool input is a
// user document and keeps its order.

export function sortKeys(v: unknown, key?: string): unknown {
  if (key === 'input') return v;
  if (Array.isArray(v)) return v.map((x) => sortKeys(x));
  if (v && typeof v === 'object' && !(v instanceof Uint8Array)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = sortKeys((v as Record<string, unknown>)[k], k);
    return out;
  }
  return v;
}

function converseUsage(u: Usage): Record<string, number> {
  // Both spellings, as Bedrock sends them since 2025 (wire/Converse-2).
  return {
    cacheReadInputTokenCount: u.cacheReadInputTokens,
    cacheReadInputTokens: u.cacheReadInputTokens,
    cacheWriteInputTokenCount: u.cacheWriteInputTokens,
    cacheWriteInputTokens: u.cacheWriteInputTokens,
    inputTokens: u.inputTokens,
    outputTokens: u.outputTokens,
    totalTokens: u.totalTokens,
  };
}

export function converseResponse(r: Reply): unknown {
  const content = r.blocks.map((b) => {
    switch (b.kind) {
      case 'reasoning':
        return { reasoningContent: { reasoningText: { text: b.text, signature: b.signature } } };
      case 'redacted':
        return { reasoningContent: { redactedContent: b.data } };
      case 'text':
        return { text: b.text };
      case 'toolUse':
        return { toolUse: { toolUseId: b.id, name: b.name, input: b.input } };
    }
  });
  return sortKeys({
    metrics: { latencyMs: r.latencyMs },
    output: { message: { role: 'assistant', content } },
    stopReason: r.stopReason,
    usage: converseUsage(r.usage),
  });
}

export interface StreamEvent {
  /** `:event-type` (eventstream) or SSE `event:` name. */
  type: string;
  payload: Record<string, unknown>;
}

export function converseStreamEvents(r: Reply): StreamEvent[] {
  const ev: StreamEvent[] = [{ type: 'messageStart', payload: { role: 'assistant' } }];
  r.blocks.forEach((b, contentBlockIndex) => {
    const delta = (d: unknown) => ev.push({ type: 'contentBlockDelta', payload: { contentBlockIndex, delta: d } });
    switch (b.kind) {
      case 'reasoning':
        for (const text of chunkText(b.text)) delta({ reasoningContent: { text } });
        delta({ reasoningContent: { signature: b.signature } });
        break;
      case 'redacted':
        delta({ reasoningContent: { redactedContent: b.data } });
        break;
      case 'text':
        // Text blocks get no contentBlockStart (as recorded).
        for (const text of chunkText(b.text)) delta({ text });
        break;
      case 'toolUse':
        ev.push({ type: 'contentBlockStart', payload: { contentBlockIndex, start: { toolUse: { toolUseId: b.id, name: b.name } } } });
        for (const input of chunkJson(b.input)) delta({ toolUse: { input } });
        break;
    }
    ev.push({ type: 'contentBlockStop', payload: { contentBlockIndex } });
  });
  ev.push({ type: 'messageStop', payload: { stopReason: r.stopReason } });
  ev.push({ type: 'metadata', payload: { usage: converseUsage(r.usage), metrics: { latencyMs: r.latencyMs } } });
  return ev.map((e) => ({ type: e.type, payload: sortKeys(e.payload) as Record<string, unknown> }));
}

// ---------------------------------------------------------------------------
// Anthropic shapes (InvokeModel body and the Messages API)

function anthropicUsage(u: Usage, outputTokens = u.outputTokens): Record<string, number> {
  return {
    input_tokens: u.inputTokens,
    cache_creation_input_tokens: u.cacheWriteInputTokens,
    cache_read_input_tokens: u.cacheReadInputTokens,
    output_tokens: outputTokens,
  };
}

function anthropicBlock(b: Block): Record<string, unknown> {
  switch (b.kind) {
    case 'reasoning':
      return { type: 'thinking', thinking: b.text, signature: b.signature };
    case 'redacted':
      return { type: 'redacted_thinking', data: b.data };
    case 'text':
      return { type: 'text', text: b.text };
    case 'toolUse':
      return { type: 'tool_use', id: b.id, name: b.name, input: b.input };
  }
}

export function anthropicMessage(r: Reply, model: string, id: string): Record<string, unknown> {
  return {
    id,
    type: 'message',
    role: 'assistant',
    model,
    content: r.blocks.map(anthropicBlock),
    stop_reason: r.stopReason,
    stop_sequence: null,
    usage: anthropicUsage(r.usage),
  };
}

/**
 * Anthropic streaming events. `invocationMetrics` adds Bedrock's
 * `amazon-bedrock-invocationMetrics` to message_stop (InvokeModelWithResponseStream);
 * `ping` adds the first-party ping after message_start (Messages API SSE).
 */
export function anthropicStreamEvents(r: Reply, model: string, id: string, opts: { invocationMetrics?: boolean; ping?: boolean }): StreamEvent[] {
  const ev: StreamEvent[] = [];
  const push = (payload: Record<string, unknown>) => ev.push({ type: String(payload.type), payload });
  push({
    type: 'message_start',
    message: { id, type: 'message', role: 'assistant', model, content: [], stop_reason: null, stop_sequence: null, usage: anthropicUsage(r.usage, 1) },
  });
  if (opts.ping) push({ type: 'ping' });
  r.blocks.forEach((b, index) => {
    switch (b.kind) {
      case 'reasoning':
        push({ type: 'content_block_start', index, content_block: { type: 'thinking', thinking: '', signature: '' } });
        for (const thinking of chunkText(b.text)) push({ type: 'content_block_delta', index, delta: { type: 'thinking_delta', thinking } });
        push({ type: 'content_block_delta', index, delta: { type: 'signature_delta', signature: b.signature } });
        break;
      case 'redacted':
        push({ type: 'content_block_start', index, content_block: { type: 'redacted_thinking', data: b.data } });
        break;
      case 'text':
        push({ type: 'content_block_start', index, content_block: { type: 'text', text: '' } });
        for (const text of chunkText(b.text)) push({ type: 'content_block_delta', index, delta: { type: 'text_delta', text } });
        break;
      case 'toolUse':
        push({ type: 'content_block_start', index, content_block: { type: 'tool_use', id: b.id, name: b.name, input: {} } });
        for (const partial_json of chunkJson(b.input)) push({ type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json } });
        break;
    }
    push({ type: 'content_block_stop', index });
  });
  push({ type: 'message_delta', delta: { stop_reason: r.stopReason, stop_sequence: null }, usage: { output_tokens: r.usage.outputTokens } });
  const stop: Record<string, unknown> = { type: 'message_stop' };
  if (opts.invocationMetrics) {
    const m: Record<string, number> = {
      inputTokenCount: r.usage.inputTokens,
      outputTokenCount: r.usage.outputTokens,
      invocationLatency: r.latencyMs,
      firstByteLatency: Math.max(1, Math.round(r.latencyMs / 3)),
    };
    if (r.usage.cacheReadInputTokens) m.cacheReadInputTokenCount = r.usage.cacheReadInputTokens;
    if (r.usage.cacheWriteInputTokens) m.cacheWriteInputTokenCount = r.usage.cacheWriteInputTokens;
    stop['amazon-bedrock-invocationMetrics'] = m;
  }
  push(stop);
  return ev;
}

/** Bedrock's per-event `p` padding (random length in reality; deterministic here). */
export function padding(seq: number): string {
  const n = ((seq * 7) % 40) + 1;
  return (ALPHABET.slice(26, 52) + ALPHABET.slice(0, 26) + '0123456789').repeat(2).slice(0, n);
}
