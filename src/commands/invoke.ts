// `invoke`: an Anthropic Messages body over InvokeModel (or InvokeModelWithResponseStream).
import type { ExitCodeValue } from '../errors.js';
import { runChat, type ChatOptions } from '../chat/run.js';
import type { CommandContext } from './context.js';

export type InvokeOptions = Omit<ChatOptions, 'api' | 'prompt'> & { api?: 'invoke' | 'messages' };

export async function invoke(ctx: CommandContext, options: InvokeOptions, args: string[]): Promise<ExitCodeValue> {
  return runChat(ctx, { ...options, api: options.api === 'messages' ? 'messages' : 'invoke', prompt: args[0] });
}
