// The IO side of `cost estimate`: the prompt from an argument, a file or stdin, the attachments
// and the --prices file. Every unreadable or unusable input is a usage error (exit 2).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { usageError } from '../errors.js';
import type { IO } from '../io.js';
import type { Attachment } from '../pricing/estimate.js';
import { sniffMedia } from '../pricing/media.js';
import { parseOverrides, type LoadedOverrides } from '../pricing/overrides.js';

export async function readStdin(io: IO): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

// Synchronous: one file at a time either way, and fs/promises costs ~3 ms of start-up to load.
async function readBytes(path: string, cwd: string, what: string): Promise<Uint8Array> {
  try {
    return readFileSync(resolve(cwd, path));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw usageError(`cannot read ${what} ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (code ?? String(err))}`, 'Check the path.');
  }
}

export async function readPromptFile(path: string, cwd: string, io: IO): Promise<{ text: string; source: string }> {
  if (path === '-') return { text: await readStdin(io), source: 'stdin' };
  const bytes = await readBytes(path, cwd, '--prompt-file');
  const media = sniffMedia(bytes);
  if (media.kind !== 'text') {
    throw usageError(`--prompt-file ${path} is not UTF-8 text`, 'Pass images and PDFs with --attach; --prompt-file takes text.');
  }
  return { text: media.text, source: path };
}

export async function readAttachments(paths: string[], cwd: string): Promise<Attachment[]> {
  const attachments: Attachment[] = [];
  for (const path of paths) {
    const bytes = await readBytes(path, cwd, 'attachment');
    const media = sniffMedia(bytes);
    if (media.kind === 'unknown') {
      throw usageError(`cannot count tokens for ${path}: ${media.reason}`, 'Attach PNG, JPEG, GIF or WebP images, PDFs, or text files.');
    }
    attachments.push({ path, media, bytes });
  }
  return attachments;
}

export async function readOverrides(path: string, cwd: string): Promise<LoadedOverrides> {
  const bytes = await readBytes(path, cwd, '--prices file');
  return parseOverrides(new TextDecoder().decode(bytes), path);
}
