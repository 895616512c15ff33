// Where the prompt and other text inputs come from: an argument, a file (@file), or stdin.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { usageError } from '../errors.js';
import type { IO } from '../io.js';

export async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

/** Text from bytes that must be text: NUL bytes or invalid UTF-8 mean someone piped a binary file. */
export function decodeText(bytes: Buffer, what: string): string {
  if (bytes.includes(0)) throw usageError(`${what} looks binary (it contains NUL bytes)`, 'Send text; attach images and documents with --attach <file>.');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw usageError(`${what} is not valid UTF-8 text`, 'Convert it to UTF-8, or attach it with --attach <file>.');
  }
}

/** The prompt: the argument, or stdin when there is none or it is "-". */
export async function readPrompt(argument: string | undefined, io: IO): Promise<string> {
  let text: string;
  if (argument !== undefined && argument !== '-') {
    text = argument;
  } else {
    if (argument === undefined && io.stdinIsTTY) {
      throw usageError('no prompt given', 'Pass the prompt as an argument, or pipe it: echo "Hello" | bedrock-claude converse');
    }
    text = decodeText(await readAll(io.stdin), 'stdin');
  }
  if (text.trim() === '') throw usageError('the prompt is empty', 'Give some text to send.');
  return text;
  return text;
}

export async function readFileText(path: string, cwd: string, what: string): Promise<string> {
  return decodeText(await readInputFile(path, cwd, what), `${what} ${path}`);
}

export async function readInputFile(path: string, cwd: string, what: string): Promise<Buffer> {
  try {
    return await readFile(resolve(cwd, path));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'is not readable' : `cannot be read (${code})`;
    throw usageError(`${what} ${path} ${reason}`, 'Check the path.');
  }
}

/** "--system text" or "--system @file". */
export async function readTextOption(value: string | undefined, cwd: string, what: string): Promise<string | undefined> {
  if (value === undefined) return undefined;
  if (value.startsWith('@')) return readFileText(value.slice(1), cwd, what);
  return value;
}
