// --exact: count input tokens with Bedrock's CountTokens (free; base model IDs only). Imported
// lazily by cost estimate, and it loads the SDK lazily through the client factory, so nothing
// else pays for it. "Not supported here" answers become a fallback; other failures are errors.
import { bedrockRuntimeClient } from '../aws/clients.js';
import { fromAwsError } from '../aws/errors.js';
import type { Settings } from '../config/load.js';
import { runtimeSdk } from '../aws/sdk.js';

export interface ExactPart {
  kind: 'text' | 'image' | 'pdf';
  text?: string;
  bytes?: Uint8Array;
  mediaType?: string;
}

export interface ExactRequest {
  settings: Settings;
  region: string;
  /** A base model ID: CountTokens refuses inference-profile IDs. */
  modelId: string;
  parts: ExactPart[];
  debug?: (line: string) => void;
}

export type ExactResult = { ok: true; inputTokens: number } | { ok: false; reason: string };

/** The InvokeModel body whose input tokens CountTokens counts: one user turn with every part. */
export function countBody(parts: ExactPart[]): Record<string, unknown> {
  const content = parts.map((part) => {
    const data = part.bytes ? Buffer.from(part.bytes).toString('base64') : '';
    if (part.kind === 'image') return { type: 'image', source: { type: 'base64', media_type: part.mediaType, data } };
    if (part.kind === 'pdf') return { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data } };
    return { type: 'text', text: part.text ?? '' };
  });
  return { anthropic_version: 'bedrock-2023-05-31', max_tokens: 1, messages: [{ role: 'user', content }] };
}

export async function countTokensExactly(request: ExactRequest): Promise<ExactResult> {
  const client = await bedrockRuntimeClient({ settings: request.settings, region: request.region, debug: request.debug, maxAttempts: 2 });
  const { CountTokensCommand } = await runtimeSdk();
  const body = new TextEncoder().encode(JSON.stringify(countBody(request.parts)));
  try {
    const answer = await client.send(new CountTokensCommand({ modelId: request.modelId, input: { invokeModel: { body } } }));
    if (typeof answer.inputTokens !== 'number') return { ok: false, reason: 'CountTokens answered without a token count' };
    return { ok: true, inputTokens: answer.inputTokens };
  } catch (err) {
    const reason = unsupportedReason(err);
    if (reason) return { ok: false, reason };
    throw fromAwsError(err, `CountTokens for ${request.modelId} in ${request.region}`);
  } finally {
    client.destroy();
  }
}

/** Why CountTokens cannot count here, when the error says the model or region lacks it. */
export function unsupportedReason(err: unknown): string | undefined {
  const e = (err ?? {}) as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const message = e.message ?? '';
  // "The provided model doesn't support counting tokens." (profile IDs, Messages-API models), or an
  // ID CountTokens does not know in this region: either way Bedrock cannot count it here.
  if (e.name === 'ValidationException') return `Bedrock: ${message || 'ValidationException'}`;
  if (e.name === 'UnknownOperationException' || e.name === 'ResourceNotFoundException' || e.$metadata?.httpStatusCode === 404) {
    return `CountTokens is not available for this model or region (${e.name ?? 'HTTP 404'}${message ? `: ${message}` : ''})`;
  }
  return undefined;
}
