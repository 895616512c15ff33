// The bare-SDK baseline scripts, bundled exactly as scripts/build.mjs bundles the CLI (esm,
// dist-es via mainFields, minified, createRequire banner), so a ratio against them measures what
// bedrock-claude adds on top of the SDK, not the difference between bundled and unbundled code.
import { build } from 'esbuild';
import { join } from 'node:path';
import { BENCH_DIR, ROOT } from './runner.js';

export const BASELINE_SOURCES = join(ROOT, 'scripts', 'bench', 'baselines');

export interface Baselines {
  /** Bundled scripts (the primary baselines). */
  converse: string;
  converseStream: string;
  converseBatch: string;
  /** The same scripts run unbundled from node_modules, as a user's script would be. */
  converseUnbundled: string;
}

export async function buildBaselines(): Promise<Baselines> {
  const outdir = join(BENCH_DIR, 'baselines');
  await build({
    entryPoints: ['sdk-converse.mjs', 'sdk-converse-stream.mjs', 'sdk-converse-batch.mjs'].map((f) => join(BASELINE_SOURCES, f)),
    outdir,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minify: true,
    mainFields: ['module', 'main'],
    outExtension: { '.js': '.mjs' },
    banner: { js: "import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  return {
    converse: join(outdir, 'sdk-converse.mjs'),
    converseStream: join(outdir, 'sdk-converse-stream.mjs'),
    converseBatch: join(outdir, 'sdk-converse-batch.mjs'),
    converseUnbundled: join(BASELINE_SOURCES, 'sdk-converse.mjs'),
  };
}
