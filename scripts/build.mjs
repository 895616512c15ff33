// Bundles the CLI into dist/ as two CommonJS files, each loaded through a V8 code cache
// (bin/bedrock-claude.js), because on Node 20 the ES module loader and the compiling of code are most
// of a command's start-up:
//   dist/cli.cjs     all of bedrock-claude and commander: what every command needs.
//   dist/vendor.cjs  the AWS SDK, ora and cli-table3, each evaluated only when first imported;
//                    the file itself is read only by commands that send requests or draw.
//   dist/*.cache     the code caches, one per command and one for all (scripts/training/).
// BUILD_MINIFY=0 keeps names readable for --cpu-prof.
import { build } from 'esbuild';
import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { CACHE_KEYS } from './training/commands.mjs';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

/** What src/ imports lazily from the vendor bundle, and how the bundle hands each one over. */
const VENDOR = {
  '@aws-sdk/client-bedrock': 'require("@aws-sdk/client-bedrock")',
  '@aws-sdk/client-bedrock-runtime': 'require("@aws-sdk/client-bedrock-runtime")',
  '@aws-sdk/client-s3': 'require("@aws-sdk/client-s3")',
  '@aws-sdk/client-sts': 'require("@aws-sdk/client-sts")',
  '@aws-sdk/credential-providers': 'require("@aws-sdk/credential-providers")',
  '@aws-sdk/lib-storage': 'require("@aws-sdk/lib-storage")',
  '@smithy/core/config': 'require("@smithy/core/config")',
  '@smithy/core/retry': 'require("@smithy/core/retry")',
  '@smithy/core/serde': 'require("@smithy/core/serde")',
  '@smithy/core/transport': 'require("@smithy/core/transport")',
  '@smithy/node-http-handler': 'require("@smithy/node-http-handler")',
  '@smithy/signature-v4': 'require("@smithy/signature-v4")',
  'cli-table3': 'require("cli-table3")',
  // An ES module whose default export src/ uses: hand over the export itself, as `import()` of a
  // CommonJS module gives module.exports as the default.
  ora: 'require("ora").default',
};

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: process.env.BUILD_MINIFY !== '0',
  sourcemap: 'linked',
  // The SDK's dist-es build tree-shakes better than dist-cjs.
  mainFields: ['module', 'main'],
  // import() becomes require(): a script compiled with a code cache cannot import() on Node 20.
  supported: { 'dynamic-import': false },
  logLevel: 'warning',
};

/** Resolves each vendor import in src/ to a stub that takes it from dist/vendor.cjs. */
const vendorStubs = {
  name: 'vendor-stubs',
  setup(b) {
    const names = Object.keys(VENDOR).map((n) => n.replace(/[/.-]/g, '\\$&'));
    b.onResolve({ filter: new RegExp(`^(${names.join('|')})$`) }, (args) => ({ path: args.path, namespace: 'vendor' }));
    b.onLoad({ filter: /.*/, namespace: 'vendor' }, (args) => ({
      contents: `module.exports = require('./vendor.cjs').load(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
    b.onResolve({ filter: /^\.\/vendor\.cjs$/ }, () => ({ path: './vendor.cjs', external: true }));
  },
};

/** commander requires child_process on load, for stand-alone executable subcommands, which
 *  bedrock-claude has none of; loading it (and net and dgram with it) slows every start. */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) =>
      args.importer.includes('/node_modules/commander/') ? { path: 'child_process', namespace: 'lazy-builtin' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, () => ({
      contents: "let loaded; module.exports = new Proxy({}, { get: (_, key) => (loaded ??= require('node:child_process'))[key] });",
      loader: 'js',
    }));
  },
};

/** JSON data as JSON.parse of one ASCII string: V8 parses JSON faster than it runs a large object
 *  literal, and a one-byte string is the smallest thing the code cache can hold for it. */
const jsonAsParse = {
  name: 'json-as-parse',
  setup(b) {
    b.onLoad({ filter: /\.json$/ }, async (args) => {
      const text = JSON.stringify(JSON.parse(await readFile(args.path, 'utf8'))).replace(
        /[\u0080-\uffff]/g,
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
      );
      return { contents: `module.exports = JSON.parse(${JSON.stringify(text)});`, loader: 'js' };
    });
  },
};

await rm(dist, { recursive: true, force: true });
await Promise.all([
  build({
    ...common,
    stdin: {
      contents: `exports.load = (name) => { switch (name) {\n${Object.entries(VENDOR)
        .map(([name, load]) => `  case ${JSON.stringify(name)}: return ${load};`)
        .join('\n')}\n} throw new Error('not in the vendor bundle: ' + name); };`,
      resolveDir: fileURLToPath(new URL('..', import.meta.url)),
      sourcefile: 'vendor.js',
    },
    outfile: `${dist}vendor.cjs`,
  }),
  build({ ...common, entryPoints: ['src/bin.ts'], outfile: `${dist}cli.cjs`, plugins: [vendorStubs, lazyChildProcess, jsonAsParse] }),
]);

/** The code caches: one per command (dist/cli.cjs.<command>.cache) and one trained by all
 *  commands (dist/cli.cjs.cache, with dist/vendor.cjs.cache), each filled in a fresh process by
 *  scripts/training/train.mjs. */
async function writeCodeCaches() {
  const train = fileURLToPath(new URL('training/train.mjs', import.meta.url));
  await Promise.all(['all', ...CACHE_KEYS].map((key) => promisify(execFile)(process.execPath, [train, key])));
}

// esbuild escapes non-ASCII in strings but not in regular expressions; one such character makes
// V8 hold the whole bundle as a two-byte string, slower to read and compile.
for (const file of ['cli.cjs', 'vendor.cjs']) {
  const at = (await readFile(`${dist}${file}`, 'utf8')).search(/[^\x00-\x7f]/);
  if (at !== -1) process.stderr.write(`warning: dist/${file} is not ASCII at ${at}: write non-ASCII characters in regular expressions as \\u escapes\n`);
}

await writeCodeCaches();
