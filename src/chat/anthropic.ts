// ChatRequest → the Anthropic Messages body (InvokeModel on Bedrock, or the Messages API),
// and Anthropic replies and stream events → the neutral shapes.
import { rejection } from '../errors.js';
import type { ChatEvent, ChatMessage, ChatRequest, ContentPart, Usage } from './types.js';

type Json = Record<string, unknown>;

export const BEDROCK_ANTHROPIC_VERSION = 'bedrock-2023-05-31';
export const MESSAGES_API_VERSION = '2023-06-01';

const IMAGE_MEDIA_TYPES = { png: 'image/png', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp' } as const;
const TEXT_DOCUMENTS = new Set(['txt', 'md', 'csv', 'html']);

/** The InvokeModel body: anthropic_version and anthropic_beta in the body, no model, no stream. */
export function toInvokeBody(request: ChatRequest): Json {
  const body: Json = { anthropic_version: BEDROCK_ANTHROPIC_VERSION, ...commonBody(request) };
  if (request.betas?.length) body.anthropic_beta = request.betas;
  return body;
}

/** The Messages API body: model and stream in the body; version and betas go in headers. */
export function toMessagesBody(request: ChatRequest, model: string, stream: boolean): Json {
  return { model, ...commonBody(request), ...(stream ? { stream: true } : {}) };
}

function commonBody(request: ChatRequest): Json {
  const body: Json = { max_tokens: request.maxTokens };
  if (request.system) {
    body.system = request.cache ? [{ type: 'text', text: request.system, cache_control: { type: 'ephemeral' } }] : request.system;
  }
  body.messages = request.messages.map((m, i) => anthropicMessage(m, request.cache === true && i === request.messages.length - 1));
  if (request.temperature !== undefined) body.temperature = request.temperature;
  if (request.topP !== undefined) body.top_p = request.topP;
  if (request.stopSequences?.length) body.stop_sequences = request.stopSequences;
  if (request.thinking?.type === 'enabled') body.thinking = { type: 'enabled', budget_tokens: request.thinking.budgetTokens };
  if (request.thinking?.type === 'adaptive') {
    body.thinking = { type: 'adaptive' };
    if (request.thinking.effort) body.output_config = { effort: request.thinking.effort };
  }
  if (request.tools?.length) body.tools = request.tools;
  return body;
}

function anthropicMessage(message: ChatMessage, cacheAfterAttachments: boolean): Json {
  const content: Json[] = message.content.map(anthropicBlock);
  if (cacheAfterAttachments) {
    const lastAttachment = message.content.map((p) => p.type === 'image' || p.type === 'document').lastIndexOf(true);
    const block = content[lastAttachment];
    if (block) block.cache_control = { type: 'ephemeral' };
  }
  return { role: message.role, content };
}

function anthropicBlock(part: ContentPart): Json {
  switch (part.type) {
    case 'text':
      return { type: 'text', text: part.text };
    case 'image':
      return { type: 'image', source: { type: 'base64', media_type: IMAGE_MEDIA_TYPES[part.format], data: Buffer.from(part.bytes).toString('base64') } };
    case 'document':
      if (part.format === 'pdf') {
        return { type: 'document', title: part.name, source: { type: 'base64', media_type: 'application/pdf', data: Buffer.from(part.bytes).toString('base64') } };
      }
      if (TEXT_DOCUMENTS.has(part.format)) {
        return { type: 'document', title: part.name, source: { type: 'text', media_type: 'text/plain', data: Buffer.from(part.bytes).toString('utf8') } };
      }
      throw rejection(
        'attachment-limit',
        `${part.format} documents ("${part.name}") can be sent only with Converse`,
        'Use `bedrock-claude converse --attach …`, or convert the file to PDF or text.',
      );
    case 'tool_use':
      return { type: 'tool_use', id: part.id, name: part.name, input: part.input };
    case 'tool_result':
      return { type: 'tool_result', tool_use_id: part.toolUseId, content: part.content, ...(part.isError ? { is_error: true } : {}) };
    case 'thinking':
      return { type: 'thinking', thinking: part.text, ...(part.signature ? { signature: part.signature } : {}) };
  }
}

export function usageFromAnthropic(usage: Record<string, number | undefined> | undefined): Usage {
  return {
    inputTokens: usage?.input_tokens ?? 0,
    outputTokens: usage?.output_tokens ?? 0,
    cacheReadInputTokens: usage?.cache_read_input_tokens ?? 0,
    cacheWriteInputTokens: usage?.cache_creation_input_tokens ?? 0,
  };
}

/** Content blocks of an Anthropic message → neutral parts (unknown kinds skipped). */
export function partsFromAnthropic(blocks: Array<Record<string, any>>): ContentPart[] {
  const parts: ContentPart[] = [];
  for (const block of blocks) {
    if (block.type === 'text') parts.push({ type: 'text', text: block.text ?? '' });
    else if (block.type === 'tool_use') parts.push({ type: 'tool_use', id: block.id, name: block.name, input: block.input });
    else if (block.type === 'thinking') parts.push({ type: 'thinking', text: block.thinking ?? '', signature: block.signature });
  }
  return parts;
}

/** Turns Anthropic stream events (message_start, content_block_*, message_delta, …) into ChatEvents.
 *  Keeps the state a stream needs: partial tool input JSON and the usage split across events. */
export class AnthropicStreamReader {
  private usage: Usage | undefined;
  private tools = new Map<number, { id: string; name: string; json: string }>();

  read(event: Record<string, any>): ChatEvent[] {
    switch (event.type) {
      case 'message_start':
        this.usage = usageFromAnthropic(event.message?.usage);
        return [];
      case 'content_block_start':
        if (event.content_block?.type === 'tool_use') {
          this.tools.set(event.index, { id: event.content_block.id, name: event.content_block.name, json: '' });
        }
        return [];
      case 'content_block_delta': {
        const delta = event.delta ?? {};
        if (delta.type === 'text_delta') return [{ type: 'text', index: event.index, text: delta.text ?? '' }];
        if (delta.type === 'thinking_delta') return [{ type: 'thinking', index: event.index, text: delta.thinking ?? '' }];
        if (delta.type === 'signature_delta') return [{ type: 'thinking_signature', index: event.index, signature: delta.signature ?? '' }];
        if (delta.type === 'input_json_delta') {
          const tool = this.tools.get(event.index);
          if (tool) tool.json += delta.partial_json ?? '';
        }
        return [];
      }
      case 'content_block_stop': {
        const tool = this.tools.get(event.index);
        if (!tool) return [];
        this.tools.delete(event.index);
        return [{ type: 'tool_use', index: event.index, id: tool.id, name: tool.name, input: parseToolInput(tool.json) }];
      }
      case 'message_delta': {
        const events: ChatEvent[] = [];
        const usage = { ...(this.usage ?? usageFromAnthropic(undefined)) };
        if (event.usage?.output_tokens !== undefined) usage.outputTokens = event.usage.output_tokens;
        if (event.usage?.input_tokens !== undefined) usage.inputTokens = event.usage.input_tokens;
        this.usage = usage;
        if (event.delta?.stop_reason) events.push({ type: 'stop', stopReason: event.delta.stop_reason });
        return events;
      }
      case 'message_stop':
        return this.usage ? [{ type: 'usage', usage: this.usage }] : [];
      default:
        return []; // ping and event types this version does not know
    }
  }
}

export function parseToolInput(json: string): unknown {
  if (json.trim() === '') return {};
  try {
    return JSON.parse(json);
  } catch {
    return { _unparsed: json };
  }
}
