// --attach: files become image or document blocks, with Bedrock's rules checked before sending.
// Limits from the Converse API reference, "Message" (docs.aws.amazon.com/bedrock/latest/APIReference/
// API_runtime_Message.html, read 2026-11): up to 20 images of at most 3.75 MB and 8000×8000 px each;
// up to 5 documents of at most 4.5 MB each; a text block beside documents. DocumentBlock names may hold
// only letters, digits, single spaces, hyphens, parentheses and square brackets, and must be unique.
import { basename, extname } from 'node:path';
import { rejection } from '../errors.js';
import { imageSize } from '../pricing/media.js';
import { readInputFile } from './input.js';
import type { ContentPart, DocumentFormat, ImageFormat } from './types.js';

export const MAX_IMAGES = 20;
export const MAX_IMAGE_BYTES = 3.75 * 1024 * 1024;
export const MAX_IMAGE_PIXELS = 8000;
export const MAX_DOCUMENTS = 5;
export const MAX_DOCUMENT_BYTES = 4.5 * 1024 * 1024;
/** Bedrock's request payload limit (Anthropic, "Claude on Amazon Bedrock": 20 MB). */
export const MAX_REQUEST_BYTES = 20 * 1024 * 1024;

const TEXT_EXTENSIONS: Record<string, DocumentFormat> = { '.txt': 'txt', '.md': 'md', '.markdown': 'md', '.csv': 'csv', '.html': 'html', '.htm': 'html' };

/** Detects the kind from the bytes first (the extension can lie), then from the extension for text formats. */
export function detectKind(bytes: Uint8Array, fileName: string): { kind: 'image'; format: ImageFormat; width: number; height: number } | { kind: 'document'; format: DocumentFormat } | undefined {
  const image = imageSize(bytes);
  if (image) return { kind: 'image', format: image.format, width: image.width, height: image.height };
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ext = extname(fileName).toLowerCase();
  if (b.subarray(0, 5).toString('latin1') === '%PDF-') return { kind: 'document', format: 'pdf' };
  // Office files: ZIP (docx, xlsx) or OLE (doc, xls) containers; the extension says which.
  if (b.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    if (ext === '.docx') return { kind: 'document', format: 'docx' };
    if (ext === '.xlsx') return { kind: 'document', format: 'xlsx' };
    return undefined;
  }
  if (b.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    if (ext === '.doc') return { kind: 'document', format: 'doc' };
    if (ext === '.xls') return { kind: 'document', format: 'xls' };
    return undefined;
  }
  const textFormat = TEXT_EXTENSIONS[ext];
  if (textFormat && !b.includes(0)) return { kind: 'document', format: textFormat };
  return undefined;
}

/** A document name Bedrock accepts, derived from the file name. */
export function documentName(fileName: string): string {
  const stem = basename(fileName, extname(fileName));
  const cleaned = stem.replace(/[^A-Za-z0-9\s\-()[\]]/g, '-').replace(/\s+/g, ' ').trim();
  return cleaned === '' ? 'document' : cleaned;
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;

export async function readAttachments(paths: string[], cwd: string): Promise<ContentPart[]> {
  const parts: ContentPart[] = [];
  const names = new Set<string>();
  for (const path of paths) {
    const file = await readInputFile(path, cwd, 'attachment');
    // A plain view of the same memory: no copy, and no Buffer.toJSON turning bytes into number arrays.
    const bytes = new Uint8Array(file.buffer, file.byteOffset, file.byteLength);
    const kind = detectKind(bytes, path);
    if (!kind) {
      throw rejection(
        'attachment-limit',
        `${path} is not a supported attachment`,
        'Attach images (png, jpeg, gif, webp) or documents (pdf, csv, doc, docx, xls, xlsx, html, txt, md).',
      );
    }
    if (kind.kind === 'image') {
      if (bytes.byteLength > MAX_IMAGE_BYTES) {
        throw rejection('attachment-limit', `image ${path} is ${mb(bytes.byteLength)}; Bedrock takes at most 3.75 MB per image`, 'Resize or recompress the image.');
      }
      if (kind.width > MAX_IMAGE_PIXELS || kind.height > MAX_IMAGE_PIXELS) {
        throw rejection('attachment-limit', `image ${path} is ${kind.width}×${kind.height} px; Bedrock takes at most 8000×8000`, 'Scale the image down.');
      }
      parts.push({ type: 'image', format: kind.format, bytes, fileName: basename(path) });
    } else {
      if (bytes.byteLength > MAX_DOCUMENT_BYTES) {
        throw rejection('attachment-limit', `document ${path} is ${mb(bytes.byteLength)}; Bedrock takes at most 4.5 MB per document`, 'Split the document or send the relevant part.');
      }
      let name = documentName(path);
      for (let i = 2; names.has(name.toLowerCase()); i++) name = `${documentName(path)} (${i})`;
      names.add(name.toLowerCase());
      parts.push({ type: 'document', format: kind.format, name, bytes });
    }
  }
  const images = parts.filter((p) => p.type === 'image').length;
  const documents = parts.length - images;
  if (images > MAX_IMAGES) throw rejection('attachment-limit', `${images} images attached; Bedrock takes at most ${MAX_IMAGES}`, 'Send fewer images.');
  if (documents > MAX_DOCUMENTS) throw rejection('attachment-limit', `${documents} documents attached; Bedrock takes at most ${MAX_DOCUMENTS}`, 'Send fewer documents, or merge them.');
  return parts;
}

/** The 20 MB request limit, checked on the serialised body before sending. */
export function checkRequestSize(bodyBytes: number): void {
  if (bodyBytes > MAX_REQUEST_BYTES) {
    throw rejection('attachment-limit', `the request is ${mb(bodyBytes)}; Bedrock takes at most 20 MB`, 'Attach fewer or smaller files.');
  }
}
