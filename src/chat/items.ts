// The JSONL input format shared by `converse --jsonl` and `batch submit`: one prompt per line.
import type { Resolution } from '../resolver.js';
import { requestSettings, type ChatOptions } from './run.js';
import type { ChatRequest, ContentPart } from './types.js';

export interface Item {
  index: number;
  id?: string | number;
  prompt?: string;
  system?: string;
  maxTokens?: number;
  error?: { cause: string; message: string };
}

/** One input line: a JSON string (the prompt) or {id?, prompt, system?, maxTokens?}. */
export function parseItem(line: string, index: number): Item {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { index, error: { cause: 'usage', message: `line ${index + 1} is not JSON: give a JSON string or {"prompt": …}` } };
  }
  if (typeof value === 'string') return value.trim() ? { index, prompt: value } : { index, error: { cause: 'usage', message: 'the prompt is empty' } };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { index, error: { cause: 'usage', message: `line ${index + 1} must be a JSON string or an object with "prompt"` } };
  }
  const item = value as Record<string, unknown>;
  const id = typeof item.id === 'string' || typeof item.id === 'number' ? item.id : undefined;
  if (typeof item.prompt !== 'string' || item.prompt.trim() === '') return { index, id, error: { cause: 'usage', message: 'missing or empty "prompt"' } };
  if (item.system !== undefined && typeof item.system !== 'string') return { index, id, error: { cause: 'usage', message: '"system" must be a string' } };
  if (item.maxTokens !== undefined && !(Number.isInteger(item.maxTokens) && (item.maxTokens as number) > 0)) {
    return { index, id, error: { cause: 'usage', message: '"maxTokens" must be a positive integer' } };
  }
  return { index, id, prompt: item.prompt, system: item.system as string | undefined, maxTokens: item.maxTokens as number | undefined };
}

/** The request for one item: its prompt, system and max tokens over the command's options. */
export function itemRequest(item: Item, options: ChatOptions, attachments: ContentPart[], defaultSystem: string | undefined, resolution: Resolution, configuredMaxTokens: number): ChatRequest {
  return {
    ...requestSettings(options, configuredMaxTokens, resolution, item.maxTokens ?? options.maxTokens),
    system: item.system ?? defaultSystem,
    messages: [{ role: 'user', content: [...attachments, { type: 'text', text: item.prompt ?? '' }] }],
  };
}
