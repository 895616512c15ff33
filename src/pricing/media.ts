// What an attachment is, from its bytes: image dimensions from the PNG, JPEG, GIF and WebP
// headers (a few bytes each), a PDF's page count, or UTF-8 text. Pure: no IO.

// Only PDFs whose page tree is compressed need zlib; loading it up front would slow every `cost estimate`.
let zlibModule: typeof import('node:zlib') | undefined;
const zlib = () => (zlibModule ??= process.getBuiltinModule('node:zlib'));

export type Media =
  | { kind: 'image'; format: 'png' | 'jpeg' | 'gif' | 'webp'; mediaType: string; width: number; height: number }
  | { kind: 'pdf'; pages: number | null }
  | { kind: 'text'; text: string }
  | { kind: 'unknown'; reason: string };

export function sniffMedia(bytes: Uint8Array): Media {
  const image = imageSize(bytes);
  if (image) return image;
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { kind: 'pdf', pages: pdfPageCount(bytes) }; // "%PDF-"
  const text = asText(bytes);
  if (text !== undefined) return { kind: 'text', text };
  if (looksLikeImage(bytes)) return { kind: 'unknown', reason: 'an image whose header could not be read' };
  return { kind: 'unknown', reason: 'not a PNG, JPEG, GIF or WebP image, a PDF, or UTF-8 text' };
}

export function imageSize(bytes: Uint8Array): Extract<Media, { kind: 'image' }> | undefined {
  const b = bytes;
  // PNG: signature, then the IHDR chunk: width and height as big-endian u32 at 16 and 20.
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) && b.length >= 24) {
    return image('png', 'image/png', u32be(b, 16), u32be(b, 20));
  }
  // GIF: "GIF87a"/"GIF89a", logical screen width and height as little-endian u16 at 6 and 8.
  if (startsWith(b, [0x47, 0x49, 0x46, 0x38]) && b.length >= 10) {
    return image('gif', 'image/gif', u16le(b, 6), u16le(b, 8));
  }
  if (startsWith(b, [0xff, 0xd8])) return jpegSize(b);
  // WebP: "RIFF" size "WEBP", then a VP8, VP8L or VP8X chunk.
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP' && b.length >= 30) return webpSize(b);
  return undefined;
}

/** JPEG: walk the marker segments to the first start-of-frame (SOF0–SOF15 except DHT, JPG, DAC). */
function jpegSize(b: Uint8Array): Extract<Media, { kind: 'image' }> | undefined {
  let offset = 2;
  while (offset + 4 <= b.length) {
    if (b[offset] !== 0xff) return undefined;
    const marker = b[offset + 1] ?? 0;
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2; // markers without a length
      continue;
    }
    const length = u16be(b, offset + 2);
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) {
      if (offset + 9 > b.length) return undefined;
      return image('jpeg', 'image/jpeg', u16be(b, offset + 7), u16be(b, offset + 5));
    }
    if (marker === 0xd9 || marker === 0xda || length < 2) return undefined; // end of image / start of scan
    offset += 2 + length;
  }
  return undefined;
}

function webpSize(b: Uint8Array): Extract<Media, { kind: 'image' }> | undefined {
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8 ') {
    // Lossy: frame tag (3 bytes) and start code 9d 01 2a at 23, then 14-bit width and height.
    if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return undefined;
    return image('webp', 'image/webp', u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff);
  }
  if (chunk === 'VP8L') {
    // Lossless: signature 0x2f at 20, then 14-bit width-1 and height-1 packed into 4 bytes.
    if (b[20] !== 0x2f) return undefined;
    const [b0, b1, b2, b3] = [b[21] ?? 0, b[22] ?? 0, b[23] ?? 0, b[24] ?? 0];
    return image('webp', 'image/webp', 1 + (((b1 & 0x3f) << 8) | b0), 1 + (((b3 & 0x0f) << 10) | (b2 << 2) | ((b1 & 0xc0) >> 6)));
  }
  if (chunk === 'VP8X') {
    // Extended: canvas width-1 and height-1 as little-endian u24 at 24 and 27.
    return image('webp', 'image/webp', 1 + u24le(b, 24), 1 + u24le(b, 27));
  }
  return undefined;
}

/**
 * Pages of a PDF: the larger of the page objects seen ("/Type /Page") and the largest "/Count" of a
 * page tree node, looking inside compressed object streams (PDF 1.5+) when the plain text has
 * neither; null when no page is found.
 */
export function pdfPageCount(bytes: Uint8Array): number | null {
  // Buffer's latin1 is one byte per character; TextDecoder('latin1') is windows-1252 into a two-byte string.
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const plain = countPages(text);
  if (plain > 0) return plain;
  let pages = 0;
  for (const stream of objectStreams(bytes, text)) pages = Math.max(pages, countPages(stream));
  return pages > 0 ? pages : null;
}

function countPages(text: string): number {
  const pageObjects = text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
  let treeCount = 0;
  for (const match of text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)) {
    treeCount = Math.max(treeCount, Number(match[1] ?? match[2]));
  }
  return Math.max(pageObjects, treeCount);
}

/** The inflated contents of the FlateDecode object streams (/Type /ObjStm) of a PDF. */
function* objectStreams(bytes: Uint8Array, text: string): Generator<string> {
  for (const match of text.matchAll(/<<((?:(?!>>)[\s\S]){0,400}?\/ObjStm[\s\S]{0,400}?)>>\s*stream\r?\n/g)) {
    if (!match[1]?.includes('/FlateDecode')) continue;
    const start = (match.index ?? 0) + match[0].length;
    const end = text.indexOf('endstream', start);
    if (end === -1) continue;
    try {
      yield zlib().inflateSync(bytes.subarray(start, end)).toString('latin1');
    } catch {
      // A damaged or differently encoded stream: skip it.
    }
  }
}

/** UTF-8 text without NUL bytes, else undefined. */
function asText(bytes: Uint8Array): string | undefined {
  if (bytes.subarray(0, 8192).includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function looksLikeImage(b: Uint8Array): boolean {
  return startsWith(b, [0x89, 0x50, 0x4e, 0x47]) || startsWith(b, [0xff, 0xd8]) || startsWith(b, [0x47, 0x49, 0x46]) || ascii(b, 8, 4) === 'WEBP';
}

function image(format: 'png' | 'jpeg' | 'gif' | 'webp', mediaType: string, width: number, height: number) {
  return width > 0 && height > 0 ? ({ kind: 'image', format, mediaType, width, height } as const) : undefined;
}

function startsWith(b: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, i) => b[i] === byte);
}

function ascii(b: Uint8Array, offset: number, length: number): string {
  return String.fromCharCode(...b.subarray(offset, offset + length));
}

const u16be = (b: Uint8Array, o: number) => ((b[o] ?? 0) << 8) | (b[o + 1] ?? 0);
const u16le = (b: Uint8Array, o: number) => (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
const u24le = (b: Uint8Array, o: number) => (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8) | ((b[o + 2] ?? 0) << 16);
const u32be = (b: Uint8Array, o: number) => (((b[o] ?? 0) << 24) >>> 0) + (((b[o + 1] ?? 0) << 16) | ((b[o + 2] ?? 0) << 8) | (b[o + 3] ?? 0));
