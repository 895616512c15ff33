// Per-model parameter rules, checked before sending: a violation is exit 4 with the rule and the fix.
import type { CatalogModel } from '../catalog/types.js';
import { rejection } from '../errors.js';
import type { ChatRequest } from './types.js';
import { formatNumber } from '../render/format.js';

export const MIN_THINKING_BUDGET = 1024;

export function checkParameters(request: ChatRequest, model: CatalogModel | undefined): void {
  if (!model) return; // a model newer than the catalog: Bedrock is the judge
  const refused = model.refusedParameters.value;
  const name = model.name;
  const samplingRemoved = `${name} does not take sampling parameters`;

  if (request.temperature !== undefined && refused.includes('temperature')) {
    throw rejection('unsupported-parameter', `${samplingRemoved} (temperature)`, 'Remove --temperature: the model chooses its own sampling.');
  }
  if (request.topP !== undefined && refused.includes('top_p')) {
    throw rejection('unsupported-parameter', `${samplingRemoved} (top_p)`, 'Remove --top-p.');
  }
  if (request.temperature !== undefined && request.topP !== undefined && refused.includes('temperature+top_p')) {
    throw rejection('unsupported-parameter', `${name} does not take temperature and top_p together`, 'Keep one of --temperature and --top-p.');
  }
  if (request.maxTokens > model.maxOutputTokens.value) {
    throw rejection(
      'token-limit',
      `max tokens ${formatNumber(request.maxTokens)} is above the ${formatNumber(model.maxOutputTokens.value)} that ${name} can write`,
      `Use --max-tokens ${model.maxOutputTokens.value} or less.`,
    );
  }
  checkThinking(request, model);
}

function checkThinking(request: ChatRequest, model: CatalogModel): void {
  const thinking = request.thinking;
  if (!thinking) return;
  const mode = model.capabilities.value.thinking;
  const name = model.name;
  if (mode === 'none') {
    throw rejection('thinking-config', `${name} has no extended thinking`, 'Remove --thinking, or pick a model with thinking (Sonnet 3.7 and later).');
  }
  if (request.temperature !== undefined && request.temperature !== 1) {
    throw rejection('thinking-config', 'temperature cannot be set with extended thinking (it must stay 1)', 'Remove --temperature when using --thinking.');
  }
  if (thinking.type === 'adaptive') {
    if (mode === 'budget') {
      throw rejection('thinking-config', `${name} has no adaptive thinking`, `Give a budget instead: --thinking ${MIN_THINKING_BUDGET * 4}.`);
    }
    const efforts = model.capabilities.value.effort;
    if (thinking.effort && efforts && !efforts.includes(thinking.effort)) {
      throw rejection('unsupported-parameter', `${name} does not take effort "${thinking.effort}"`, `Use one of: ${efforts.join(', ')}.`);
    }
    return;
  }
  if (mode === 'adaptive-only' || model.refusedParameters.value.includes('thinking.budget_tokens')) {
    throw rejection('thinking-config', `${name} takes only adaptive thinking, not a token budget`, 'Use --thinking adaptive.');
  }
  if (thinking.budgetTokens < MIN_THINKING_BUDGET) {
    throw rejection('thinking-config', `a thinking budget must be at least ${MIN_THINKING_BUDGET} tokens (got ${thinking.budgetTokens})`, `Use --thinking ${MIN_THINKING_BUDGET} or more.`);
  }
  if (thinking.budgetTokens >= request.maxTokens) {
    throw rejection(
      'thinking-config',
      `the thinking budget (${thinking.budgetTokens}) must be below max tokens (${request.maxTokens})`,
      `Raise --max-tokens above ${thinking.budgetTokens}, e.g. --max-tokens ${thinking.budgetTokens + 4096}.`,
    );
  }
}

/** The default max tokens (from config) is capped by the model's limit; an explicit flag is not. */
export function effectiveMaxTokens(requested: number | undefined, configured: number, model: CatalogModel | undefined): number {
  if (requested !== undefined) return requested;
  return model ? Math.min(configured, model.maxOutputTokens.value) : configured;
}

/** --cache is a hint: on a model without caching it is dropped (a cache point there is an error),
 *  and below the model's minimum the prefix is sent but Bedrock will not cache it. Both warn. */
export function checkCache(request: ChatRequest, model: CatalogModel | undefined): { request: ChatRequest; warnings: string[] } {
  if (!request.cache || !model) return { request, warnings: [] };
  const caching = model.capabilities.value.promptCaching;
  if (!caching.supported) {
    return { request: { ...request, cache: false }, warnings: [`${model.name} does not support prompt caching; --cache is ignored`] };
  }
  const prefixChars = (request.system?.length ?? 0) + request.messages.flatMap((m) => m.content).reduce((n, part) => n + partSize(part), 0);
  // About 4 characters per token: close enough to say whether a prefix is far below the minimum.
  const estimate = Math.round(prefixChars / 4);
  if (caching.minTokens && estimate < caching.minTokens) {
    return {
      request,
      warnings: [`the cached prefix is about ${formatNumber(estimate)} tokens, below the ${formatNumber(caching.minTokens)} that ${model.name} needs; Bedrock will not cache it`],
    };
  }
  return { request, warnings: [] };
}

function partSize(part: ChatRequest['messages'][number]['content'][number]): number {
  if (part.type === 'text') return part.text.length;
  if (part.type === 'image' || part.type === 'document') return part.bytes.byteLength;
  return 0;
}
