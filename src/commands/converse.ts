// `converse`: Converse / ConverseStream.
import type { ExitCodeValue } from '../errors.js';
import { runChat, type ChatOptions } from '../chat/run.js';
import type { CommandContext } from './context.js';

export type ConverseOptions = Omit<ChatOptions, 'api' | 'prompt' | 'body'>;

export async function converse(ctx: CommandContext, options: ConverseOptions, args: string[]): Promise<ExitCodeValue> {
  return runChat(ctx, { ...options, api: 'converse', prompt: args[0] });
}
