// Offline token estimates: text, images and PDFs. Claude's tokenizer is not public, so text is a
// labelled estimate from Anthropic's own characters-per-token figures; images follow Anthropic's
// documented patch formula and resizing rule; PDFs follow its documented per-page figure.
import type { CatalogModel } from '../catalog/index.js';

/** "current": the tokenizer introduced with Claude Opus 4.7 (the Messages-API generation);
 *  "legacy": the models before it. */
export type TokenizerGeneration = 'current' | 'legacy';

export function tokenizerFor(model: CatalogModel | undefined): TokenizerGeneration {
  // Models unknown to the catalog are newer than it, so they get the current tokenizer.
  return !model || model.integration.value === 'messages-api' ? 'current' : 'legacy';
}

/**
 * Characters per token, from Anthropic's models overview: "1M tokens is roughly 555k words or 2.5M
 * Unicode characters on the current tokenizer (introduced with Claude Opus 4.7)"; for the models
 * before it, 200k tokens are "~150k words / ~680k unicode characters" (3.4 per token).
 * https://platform.claude.com/docs/en/about-claude/models/overview
 */
export const CHARS_PER_TOKEN: Record<TokenizerGeneration, number> = { current: 2.5, legacy: 3.4 };

// Han, Hiragana, Katakana, Hangul: these scripts run near one token per character, far from the
// English-based figure above, so each counts as one token (an assumption, stated in the method).
// Made on first use: V8 builds the Unicode script classes when the expression is created (~0.2 ms),
// which a module-level literal would cost every command that loads this file.
let denseScript: RegExp | undefined;

export function estimateTextTokens(text: string, generation: TokenizerGeneration): number {
  if (text.length === 0) return 0;
  denseScript ??= /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
  const dense = text.match(denseScript)?.length ?? 0;
  const characters = [...text].length - dense;
  return Math.ceil(dense + characters / CHARS_PER_TOKEN[generation]);
}

export function textMethod(generation: TokenizerGeneration): string {
  return `offline estimate: ${CHARS_PER_TOKEN[generation]} characters per token (Anthropic's figure for the ${
    generation === 'current' ? 'tokenizer of Opus 4.7 and later' : 'tokenizer before Opus 4.7'
  }), CJK characters 1 token each`;
}

// ─── Images ─────────────────────────────────────────────────────────────────
// Anthropic's vision page (https://platform.claude.com/docs/en/build-with-claude/vision): an image
// costs ceil(width/28) × ceil(height/28) visual tokens (28×28-pixel patches; the older rule of thumb
// was width×height/750). An image over its model's long-edge or token limit is first scaled down,
// aspect ratio kept, to the largest size within both: Claude 4.7 and later are "high-resolution"
// (2576 px, 4784 tokens); other models "standard" (1568 px, 1568 tokens).

export type ImageTier = 'standard' | 'high-resolution';

export const IMAGE_LIMITS: Record<ImageTier, { longEdge: number; tokens: number }> = {
  standard: { longEdge: 1568, tokens: 1568 },
  'high-resolution': { longEdge: 2576, tokens: 4784 },
};

/** Images above this size are refused (Anthropic: "maximal dimensions per image are 8000x8000 px"). */
export const MAX_IMAGE_EDGE = 8000;

export function imageTierFor(model: CatalogModel | undefined): ImageTier {
  return tokenizerFor(model) === 'current' ? 'high-resolution' : 'standard';
}

export interface ImageEstimate {
  tokens: number;
  /** The size the model sees after the resizing rule. */
  width: number;
  height: number;
  resized: boolean;
}

const patches = (width: number, height: number) => Math.ceil(width / 28) * Math.ceil(height / 28);

export function imageTokens(width: number, height: number, tier: ImageTier): ImageEstimate {
  const limits = IMAGE_LIMITS[tier];
  const long = Math.max(width, height);
  const sizeAt = (edge: number) => ({
    width: Math.max(1, Math.round((width * edge) / long)),
    height: Math.max(1, Math.round((height * edge) / long)),
  });
  if (long <= limits.longEdge && patches(width, height) <= limits.tokens) {
    return { tokens: patches(width, height), width, height, resized: false };
  }
  // The largest long edge (in whole pixels) that fits both limits.
  let low = 1;
  let high = Math.min(long, limits.longEdge);
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    const size = sizeAt(mid);
    if (patches(size.width, size.height) <= limits.tokens) low = mid;
    else high = mid - 1;
  }
  const size = sizeAt(low);
  return { tokens: patches(size.width, size.height), ...size, resized: true };
}

// ─── PDFs ───────────────────────────────────────────────────────────────────
// Anthropic's PDF page (https://platform.claude.com/docs/en/build-with-claude/pdf-support, "Estimate
// your costs"): "Each page typically uses 1,500-3,000 tokens per page depending on content density",
// and since each page is also converted into an image, image costs apply on top. The estimate takes
// the upper end of the text figure per page; the page images, whose rendered size is not documented,
// are not included.

export const PDF_TOKENS_PER_PAGE = { low: 1500, high: 3000 } as const;

export function pdfTokens(pages: number): number {
  return pages * PDF_TOKENS_PER_PAGE.high;
}
