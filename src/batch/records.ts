// Our JSONL input → Bedrock batch records ({recordId, modelInput} with the InvokeModel body),
// checked before anything is uploaded: every line valid, per-model parameter rules, the minimum
// record count and the size limits.
import type { CatalogModel } from '../catalog/types.js';
import { toInvokeBody } from '../chat/anthropic.js';
import { itemRequest, parseItem } from '../chat/items.js';
import type { ChatOptions } from '../chat/run.js';
import type { ContentPart } from '../chat/types.js';
import { checkParameters } from '../chat/validate.js';
import { CliError, rejection, usageError } from '../errors.js';
import type { Resolution } from '../resolver.js';

/** The "Minimum number of records per batch inference job" quota. It varies by model and account;
 *  real jobs of 100 records complete in 2026 (BerriAI/litellm PR #38744), while a 2024 report said
 *  1,000 (langchain-ai/langchain-aws#250). --min-records follows your account's quota. */
export const DEFAULT_MIN_RECORDS = 100;
/** Bedrock's limits on batch input: 1 GB per file, 5 GB per job for most models
 *  (AWS General Reference "Amazon Bedrock endpoints and quotas", via BerriAI/litellm-docs). */
export const MAX_FILE_BYTES = 1024 ** 3;

export interface BatchRecord {
  recordId: string;
  modelInput: Record<string, unknown>;
}

export interface PreparedRecords {
  records: BatchRecord[];
  /** The user's id of each record, by index (undefined where the line had none). */
  ids: Array<string | number | null>;
  /** The JSONL body to upload. */
  body: string;
  requests: ReturnType<typeof itemRequest>[];
}

/** Record IDs are 11-character alphanumeric strings, as Bedrock's examples use; ours encode the index. */
export const recordIdOf = (index: number) => `R${String(index).padStart(10, '0')}`;
export const indexOfRecordId = (recordId: string) => (/^R\d{10}$/.test(recordId) ? Number(recordId.slice(1)) : undefined);

export function prepareRecords(lines: string[], options: ChatOptions, attachments: ContentPart[], defaultSystem: string | undefined, resolution: Resolution, configuredMaxTokens: number, minRecords: number): PreparedRecords {
  // A flag the model refuses fails every record: say it once, as a rejection (exit 4).
  checkParameters(itemRequest({ index: 0, prompt: 'x' }, options, attachments, defaultSystem, resolution, configuredMaxTokens), resolution.model as CatalogModel | undefined);
  const problems: string[] = [];
  const records: BatchRecord[] = [];
  const ids: Array<string | number | null> = [];
  const requests: PreparedRecords['requests'] = [];
  lines.forEach((line, index) => {
    const item = parseItem(line, index);
    if (item.error) {
      problems.push(`line ${index + 1}: ${item.error.message}`);
      return;
    }
    const request = itemRequest(item, options, attachments, defaultSystem, resolution, configuredMaxTokens);
    try {
      checkParameters(request, resolution.model as CatalogModel | undefined);
    } catch (err) {
      if (!(err instanceof CliError)) throw err;
      problems.push(`line ${index + 1}: ${err.message}`);
      return;
    }
    records.push({ recordId: recordIdOf(index), modelInput: toInvokeBody(request) });
    ids.push(item.id ?? null);
    requests.push(request);
  });
  if (problems.length > 0) {
    const shown = problems.slice(0, 5).join('; ');
    throw usageError(`${problems.length} input line${problems.length === 1 ? '' : 's'} cannot be submitted: ${shown}${problems.length > 5 ? '; …' : ''}`, 'Fix those lines; nothing was uploaded.');
  }
  if (records.length < minRecords) {
    throw rejection(
      'malformed-body',
      `${records.length} record${records.length === 1 ? '' : 's'}: a batch job needs at least ${minRecords} (the "Minimum number of records per batch inference job" quota)`,
      `Add records, run them with \`converse --jsonl\` instead, or pass --min-records if your account's quota is lower.`,
    );
  }
  const body = `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;
  if (Buffer.byteLength(body) > MAX_FILE_BYTES) {
    throw rejection('attachment-limit', `the batch input is ${(Buffer.byteLength(body) / 1024 ** 3).toFixed(2)} GB; Bedrock takes at most 1 GB per input file`, 'Split the input into several jobs.');
  }
  return { records, ids, body, requests };
}
