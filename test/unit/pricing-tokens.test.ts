// Offline token counting: text, image headers and Anthropic's image rule, PDF pages.
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { modelByAlias } from '../../src/catalog/index.js';
import { imageSize, pdfPageCount, sniffMedia } from '../../src/pricing/media.js';
import { estimateTextTokens, imageTierFor, imageTokens, pdfTokens, tokenizerFor } from '../../src/pricing/tokens.js';

const bytes = (...parts: Array<number[] | string>) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));
const u32be = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const u16be = (n: number) => [(n >> 8) & 255, n & 255];
const u16le = (n: number) => [n & 255, (n >> 8) & 255];
const u24le = (n: number) => [n & 255, (n >> 8) & 255, (n >> 16) & 255];

const PNG_1920x1080 = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], u32be(13), 'IHDR', u32be(1920), u32be(1080), [8, 6, 0, 0, 0]);

describe('image headers', () => {
  it('PNG: IHDR width and height', () => {
    expect(imageSize(PNG_1920x1080)).toMatchObject({ format: 'png', mediaType: 'image/png', width: 1920, height: 1080 });
  });

  it('GIF: logical screen size', () => {
    expect(imageSize(bytes('GIF89a', u16le(640), u16le(480), [0, 0, 0]))).toMatchObject({ format: 'gif', width: 640, height: 480 });
  });

  it('JPEG: skips APP segments to the start of frame (SOF0 and progressive SOF2)', () => {
    const app0 = [0xff, 0xe0, ...u16be(16), ...Buffer.from('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0];
    for (const sof of [0xc0, 0xc2]) {
      const jpeg = bytes([0xff, 0xd8], app0, [0xff, 0xdb, ...u16be(4), 0, 0], [0xff, sof, ...u16be(17), 8, ...u16be(477), ...u16be(720), 3]);
      expect(imageSize(jpeg)).toMatchObject({ format: 'jpeg', width: 720, height: 477 });
    }
  });

  it('WebP: lossy VP8, lossless VP8L and extended VP8X', () => {
    const riff = (chunk: string, payload: number[]) => bytes('RIFF', [0, 0, 0, 0], 'WEBP', chunk, [0, 0, 0, 0], payload);
    const vp8 = riff('VP8 ', [0, 0, 0, 0x9d, 0x01, 0x2a, ...u16le(800), ...u16le(600), 0, 0]);
    expect(imageSize(vp8)).toMatchObject({ format: 'webp', width: 800, height: 600 });
    // VP8L: 14-bit width-1 = 399, height-1 = 299 packed little-endian after the 0x2f signature.
    const packed = 399 | (299 << 14);
    const vp8l = riff('VP8L', [0x2f, packed & 255, (packed >> 8) & 255, (packed >> 16) & 255, (packed >> 24) & 255, 0, 0, 0, 0, 0]);
    expect(imageSize(vp8l)).toMatchObject({ width: 400, height: 300 });
    const vp8x = riff('VP8X', [0, 0, 0, 0, ...u24le(4095), ...u24le(2047), 0, 0]);
    expect(imageSize(vp8x)).toMatchObject({ width: 4096, height: 2048 });
  });

  it('anything else is not an image', () => {
    expect(imageSize(bytes('BM', [0, 0, 0, 0, 0, 0, 0, 0]))).toBeUndefined();
    expect(sniffMedia(bytes('BM', [0, 0, 0, 0, 0]))).toMatchObject({ kind: 'unknown' });
  });
});

describe('PDF pages', () => {
  it('counts page objects and the page tree', () => {
    const pdf = bytes('%PDF-1.4\n1 0 obj << /Type /Pages /Kids [2 0 R 3 0 R 4 0 R] /Count 3 >> endobj\n2 0 obj << /Type /Page >> endobj\n3 0 obj << /Type/Page >> endobj\n');
    expect(pdfPageCount(pdf)).toBe(3);
    expect(sniffMedia(pdf)).toEqual({ kind: 'pdf', pages: 3 });
  });

  it('looks inside compressed object streams (PDF 1.5+)', () => {
    const inner = Buffer.from('<< /Type /Pages /Kids [5 0 R] /Count 12 >> << /Type /Page /Parent 4 0 R >>');
    const packed = deflateSync(inner);
    const pdf = bytes('%PDF-1.5\n7 0 obj\n<< /Type /ObjStm /N 2 /First 10 /Filter /FlateDecode /Length ', String(packed.length), ' >>\nstream\n', [...packed], '\nendstream\nendobj\n');
    expect(pdfPageCount(pdf)).toBe(12);
  });

  it('null when no page is visible', () => {
    expect(pdfPageCount(bytes('%PDF-1.7\n'))).toBeNull();
  });

  it('each page costs the upper end of Anthropic\'s 1,500–3,000 tokens', () => {
    expect(pdfTokens(3)).toBe(9_000);
  });
});

describe('text', () => {
  it('UTF-8 without NUL bytes is text; binary is not', () => {
    expect(sniffMedia(bytes('hello\n'))).toEqual({ kind: 'text', text: 'hello\n' });
    expect(sniffMedia(new Uint8Array([0xc3, 0x28]))).toMatchObject({ kind: 'unknown' });
    expect(sniffMedia(new Uint8Array([104, 0, 105]))).toMatchObject({ kind: 'unknown' });
  });

  it.each([
    ['a'.repeat(34), 'legacy', 10], // 3.4 characters per token before Opus 4.7
    ['a'.repeat(35), 'legacy', 11], // rounded up
    ['a'.repeat(25), 'current', 10], // 2.5 with the tokenizer of Opus 4.7 and later
    ['日本語のテキスト', 'legacy', 8], // CJK: one token per character
    ['', 'legacy', 0],
  ] as const)('%j (%s) ≈ %d tokens', (text, generation, tokens) => {
    expect(estimateTextTokens(text, generation)).toBe(tokens);
  });

  it('the tokenizer generation follows the model', () => {
    expect(tokenizerFor(modelByAlias('haiku-4.5'))).toBe('legacy');
    expect(tokenizerFor(modelByAlias('sonnet-4.6'))).toBe('legacy');
    expect(tokenizerFor(modelByAlias('opus-4.7'))).toBe('current');
    expect(tokenizerFor(modelByAlias('sonnet-5'))).toBe('current');
    expect(tokenizerFor(undefined)).toBe('current'); // newer than the catalog
  });
});

describe("images: Anthropic's patch rule and resizing", () => {
  it.each([
    // Worked examples of Anthropic's vision page: ⌈w/28⌉ × ⌈h/28⌉ after the tier's limits.
    [1000, 1000, 'standard', 1296, 1000, 1000],
    [1092, 1092, 'standard', 1521, 1092, 1092],
    [1920, 1080, 'high-resolution', 2691, 1920, 1080],
    [3840, 2160, 'high-resolution', 4784, 2576, 1449],
    [200, 200, 'standard', 64, 200, 200],
  ] as const)('%d×%d (%s) → %d tokens', (w, h, tier, tokens, seenW, seenH) => {
    expect(imageTokens(w, h, tier)).toMatchObject({ tokens, width: seenW, height: seenH });
  });

  it('large images are scaled down to fit both the long edge and the token limit', () => {
    const standard = imageTokens(2000, 2000, 'standard');
    expect(standard.resized).toBe(true);
    expect(standard.tokens).toBeLessThanOrEqual(1568);
    expect(standard.tokens).toBe(1521); // 1092×1092 is the largest square within 1,568 patches
    const wide = imageTokens(1920, 1080, 'standard');
    expect(Math.max(wide.width, wide.height)).toBeLessThanOrEqual(1568);
    expect(wide.tokens).toBeLessThanOrEqual(1568);
    expect(wide.width / wide.height).toBeCloseTo(1920 / 1080, 2);
  });

  it('Claude 4.7 and later get the high-resolution tier', () => {
    expect(imageTierFor(modelByAlias('opus-4.7'))).toBe('high-resolution');
    expect(imageTierFor(modelByAlias('opus-4.6'))).toBe('standard');
  });
});
