// `converse`: Converse / ConverseStream, one prompt or a JSONL batch.
import { usageError, type ExitCodeValue } from '../errors.js';
import { prepareChat, runChat, type ChatOptions } from '../chat/run.js';
import type { CommandContext } from './context.js';

export type ConverseOptions = Omit<ChatOptions, 'api' | 'prompt' | 'body'> & { jsonl?: boolean; concurrency?: number };

export async function converse(ctx: CommandContext, options: ConverseOptions, args: string[]): Promise<ExitCodeValue> {
  const chat: ChatOptions = { ...options, api: 'converse', prompt: args[0] };
  if (!options.jsonl) {
    if (options.concurrency !== undefined) throw usageError('--concurrency goes with --jsonl', 'Add --jsonl and pipe one prompt per line.');
    return runChat(ctx, chat);
  }
  if (args[0] !== undefined && args[0] !== '-') throw usageError('--jsonl reads its prompts from stdin, not from an argument', 'Pipe the JSONL file: cat prompts.jsonl | bedrock-claude converse --jsonl');
  if (options.dryRun) throw usageError('--dry-run does not go with --jsonl', 'Try one prompt with --dry-run first.');
  const prepared = await prepareChat(ctx, chat);
  const { runJsonl } = await import('../chat/jsonl.js');
  return runJsonl(ctx, chat, prepared, options.concurrency);
}
