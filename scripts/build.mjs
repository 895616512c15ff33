// Bundles the CLI into dist/ with code splitting, so the AWS SDK and the command
// modules are separate chunks loaded with import() only when a command needs them.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';

await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { main: 'src/bin.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: 'linked',
  // The SDK's dist-es build tree-shakes better than dist-cjs.
  mainFields: ['module', 'main'],
  chunkNames: 'chunks/[name]-[hash]',
  // Bundled CommonJS dependencies call require(); give ESM chunks one.
  banner: {
    js: "import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
