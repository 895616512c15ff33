// ChatRequest → the Converse / ConverseStream input, and Converse output → ChatResult.
import type { ChatMessage, ChatRequest, ContentPart, Usage } from './types.js';

type Json = Record<string, unknown>;

export function toConverseInput(request: ChatRequest, modelId: string): Json {
  const input: Json = { modelId, messages: request.messages.map((m, i) => converseMessage(m, request.cache === true && i === request.messages.length - 1)) };
  if (request.system) {
    input.system = [{ text: request.system }, ...(request.cache ? [{ cachePoint: { type: 'default' } }] : [])];
  }
  const inferenceConfig: Json = { maxTokens: request.maxTokens };
  if (request.temperature !== undefined) inferenceConfig.temperature = request.temperature;
  if (request.topP !== undefined) inferenceConfig.topP = request.topP;
  if (request.stopSequences?.length) inferenceConfig.stopSequences = request.stopSequences;
  input.inferenceConfig = inferenceConfig;

  const additional: Json = {};
  if (request.thinking?.type === 'enabled') additional.thinking = { type: 'enabled', budget_tokens: request.thinking.budgetTokens };
  if (request.thinking?.type === 'adaptive') {
    additional.thinking = { type: 'adaptive' };
    if (request.thinking.effort) input.outputConfig = { effort: request.thinking.effort };
  }
  // On Bedrock the beta flags of Converse go into the model's own request fields.
  if (request.betas?.length) additional.anthropic_beta = request.betas;
  if (Object.keys(additional).length > 0) input.additionalModelRequestFields = additional;

  if (request.tools?.length) {
    input.toolConfig = {
      tools: request.tools.map((t) => ({ toolSpec: { name: t.name, ...(t.description ? { description: t.description } : {}), inputSchema: { json: t.input_schema } } })),
    };
  }
  return input;
}

function converseMessage(message: ChatMessage, cacheAfterAttachments: boolean): Json {
  const content = message.content.map(converseBlock);
  if (cacheAfterAttachments) {
    const lastAttachment = message.content.map((p) => p.type === 'image' || p.type === 'document').lastIndexOf(true);
    if (lastAttachment !== -1) content.splice(lastAttachment + 1, 0, { cachePoint: { type: 'default' } });
  }
  return { role: message.role, content };
}

function converseBlock(part: ContentPart): Json {
  switch (part.type) {
    case 'text':
      return { text: part.text };
    case 'image':
      return { image: { format: part.format, source: { bytes: part.bytes } } };
    case 'document':
      return { document: { format: part.format, name: part.name, source: { bytes: part.bytes } } };
    case 'tool_use':
      return { toolUse: { toolUseId: part.id, name: part.name, input: part.input } };
    case 'tool_result':
      return { toolResult: { toolUseId: part.toolUseId, content: [{ text: part.content }], ...(part.isError ? { status: 'error' } : {}) } };
    case 'thinking':
      return { reasoningContent: { reasoningText: { text: part.text, ...(part.signature ? { signature: part.signature } : {}) } } };
  }
}

export interface ConverseOutputLike {
  output?: { message?: { content?: Array<Record<string, any>> } };
  stopReason?: string;
  usage?: Partial<Record<'inputTokens' | 'outputTokens' | 'cacheReadInputTokens' | 'cacheWriteInputTokens', number>>;
}

export function usageFromConverse(usage: ConverseOutputLike['usage']): Usage {
  return {
    inputTokens: usage?.inputTokens ?? 0,
    outputTokens: usage?.outputTokens ?? 0,
    cacheReadInputTokens: usage?.cacheReadInputTokens ?? 0,
    cacheWriteInputTokens: usage?.cacheWriteInputTokens ?? 0,
  };
}

/** Content blocks of a Converse reply → neutral parts (unknown block kinds are skipped, not fatal). */
export function partsFromConverse(blocks: Array<Record<string, any>>): ContentPart[] {
  const parts: ContentPart[] = [];
  for (const block of blocks) {
    if (typeof block.text === 'string') parts.push({ type: 'text', text: block.text });
    else if (block.toolUse) parts.push({ type: 'tool_use', id: block.toolUse.toolUseId, name: block.toolUse.name, input: block.toolUse.input });
    else if (block.reasoningContent?.reasoningText) {
      parts.push({ type: 'thinking', text: block.reasoningContent.reasoningText.text ?? '', signature: block.reasoningContent.reasoningText.signature });
    }
  }
  return parts;
}
