// Multi-turn from the shell: a conversation is a JSON file of messages. --conversation <file>
// reads and appends one; every single call also becomes the "last conversation" that
// --continue picks up, kept under $XDG_STATE_HOME/bedrock-claude/.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { homeDir } from '../config/load.js';
import { usageError } from '../errors.js';
import type { Env } from '../io.js';
import type { ChatMessage, ContentPart } from './types.js';

export interface Conversation {
  version: 1;
  /** The -m value the conversation started with, reused when -m is not given. */
  model?: string;
  system?: string;
  messages: ChatMessage[];
}

export function lastConversationPath(env: Env): string {
  return join(env.XDG_STATE_HOME || join(homeDir(env), '.local', 'state'), 'bedrock-claude', 'last-conversation.json');
}

/** The conversation in a file; a missing file is a new, empty conversation. */
export async function loadConversation(path: string, cwd: string): Promise<Conversation> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, path), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, messages: [] };
    throw usageError(`cannot read conversation ${path}: ${(err as NodeJS.ErrnoException).code}`, 'Check the path and its permissions.');
  }
  let data: { version?: number; model?: string; system?: string; messages?: unknown };
  try {
    data = JSON.parse(text) as typeof data;
  } catch (err) {
    throw usageError(`conversation ${path} is not valid JSON: ${(err as Error).message}`, 'Fix the file, or start a new conversation with another path.');
  }
  if (data.version !== 1 || !Array.isArray(data.messages)) {
    throw usageError(`conversation ${path} is not a bedrock-claude conversation file`, 'Start a new conversation with another path.');
  }
  return { version: 1, model: data.model, system: data.system, messages: (data.messages as ChatMessage[]).map(fromJsonMessage) };
}

export async function saveConversation(path: string, cwd: string, conversation: Conversation): Promise<void> {
  const full = resolve(cwd, path);
  await mkdir(dirname(full), { recursive: true });
  const temporary = `${full}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(conversation, bytesAsBase64, 2)}\n`);
  await rename(temporary, full);
}

function bytesAsBase64(_key: string, value: unknown): unknown {
  return value instanceof Uint8Array ? { base64: Buffer.from(value).toString('base64') } : value;
}

function fromJsonMessage(message: ChatMessage): ChatMessage {
  return {
    role: message.role,
    content: message.content.map((part): ContentPart => {
      if ((part.type === 'image' || part.type === 'document') && !(part.bytes instanceof Uint8Array)) {
        const encoded = part.bytes as unknown as { base64: string };
        return { ...part, bytes: new Uint8Array(Buffer.from(encoded.base64, 'base64')) };
      }
      return part;
    }),
  };
}
