// converse --estimate: what the request should cost before it is sent (input counted offline,
// output at its worst case, max_tokens), printed beside the actual cost with the difference.
import { countInput, type Attachment } from '../pricing/estimate.js';
import { sniffMedia } from '../pricing/media.js';
import { formatUsd } from '../pricing/money.js';
import type { Resolution } from '../resolver.js';
import { costOfUsage } from './cost.js';
import type { ChatRequest, Usage } from './types.js';
import { formatNumber } from '../render/format.js';

export interface ChatEstimate {
  inputTokens: number;
  outputTokens: number;
  costUsd: number | null;
  method: string;
}

export function estimateChat(request: ChatRequest, resolution: Resolution): ChatEstimate {
  const texts = [request.system ?? '', ...request.messages.flatMap((m) => m.content.map((p) => (p.type === 'text' ? p.text : '')))];
  const attachments: Attachment[] = request.messages.flatMap((m) =>
    m.content.flatMap((p) => (p.type === 'image' || p.type === 'document' ? [{ path: p.type === 'document' ? p.name : (p.fileName ?? 'image'), media: sniffMedia(p.bytes), bytes: p.bytes }] : [])),
  );
  const input = countInput({ text: { text: texts.join('\n'), source: 'prompt' }, attachments, cacheReadTokens: 0, cacheWriteTokens: 0, cacheTtl: '5m' }, resolution.model);
  const usage: Usage = { inputTokens: input.tokens, outputTokens: request.maxTokens, cacheReadInputTokens: 0, cacheWriteInputTokens: 0 };
  return { inputTokens: input.tokens, outputTokens: request.maxTokens, costUsd: costOfUsage(usage, resolution), method: `${input.method}; output at most max_tokens` };
}

export function estimateLine(estimate: ChatEstimate, actualUsd: number | null): string {
  const planned = estimate.costUsd === null ? 'no known price' : `≤ ${formatUsd(estimate.costUsd)}`;
  const base = `estimate ${planned} (in ~${formatNumber(estimate.inputTokens)}, out ≤ ${formatNumber(estimate.outputTokens)})`;
  if (estimate.costUsd === null || actualUsd === null) return base;
  const difference = actualUsd - estimate.costUsd;
  return `${base} · actual ${formatUsd(actualUsd)} · ${difference <= 0 ? `${formatUsd(-difference)} under` : `${formatUsd(difference)} over`} the estimate`;
}
