#!/usr/bin/env node
// The executable, and the only place that sets the exit code. `--version` answers without loading
// the bundle; everything else runs dist/cli.cjs, loaded through V8 code caches kept beside the
// bundle files (<file>.cache), so a start skips parsing and compiling what an earlier run compiled
// already (Node 22 has this built in as module.enableCompileCache; Node 20 does not). The build
// writes the caches (scripts/build.mjs, which requires this file for the loader); a run that finds
// one missing or made by another Node version works as usual and leaves a fresh one behind, if
// the folder is writable. The loader lives here, not in a module of its own, because loading one
// more file costs a start ~1.5 ms.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

/** file → { module, script, cache, stale }: one instance of each bundle file per process. */
const loaded = new Map();

/**
 * The cache files to try for a command line, most specific first: a V8 code cache holds what its
 * training compiled and costs ~1 ms per 100 KB to load, so each command has its own
 * (cli.cjs.models-resolve.cache, cli.cjs.converse.cache, …) beside the one trained by all
 * (cli.cjs.cache). Any of them is valid for any command; a wrong guess only costs time.
 */
function cacheCandidates(file, argv) {
  const words = [];
  for (const arg of argv) {
    if (arg.startsWith('-')) continue;
    if (!/^[a-z][a-z0-9-]*$/.test(arg) || words.length === 2) break;
    words.push(arg);
  }
  const keys = words.length === 0 ? ['help'] : words.map((_, i) => words.slice(0, words.length - i).join('-'));
  return [...keys.map((key) => `${file}.${key}.cache`), `${file}.cache`];
}

/** require() for a bundle file: sibling `./x.cjs` files come through the cache too. */
function requireFor(file) {
  const plain = require('node:module').createRequire(file);
  const dir = path.dirname(file);
  const custom = (id) => (id.startsWith('./') && id.endsWith('.cjs') ? load(path.join(dir, id)) : plain(id));
  custom.resolve = plain.resolve;
  return custom;
}

/** Compiles a bundle file with the first of the cache files that exists (the last when none does)
 *  and returns the unevaluated script; stale when that cache is missing or V8 refused it. */
function compile(file, caches = [`${file}.cache`]) {
  let cache = caches[caches.length - 1];
  let cachedData;
  for (const candidate of caches) {
    try {
      cachedData = fs.readFileSync(candidate);
      cache = candidate;
      break;
    } catch {
      // Not there: try the next one, else compile from source.
    }
  }
  const source = fs.readFileSync(file, 'utf8');
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new (require('node:vm').Script)(wrapped, { filename: file, cachedData });
  return { script, cache, stale: cachedData === undefined || script.cachedDataRejected === true };
}

/** Evaluates a bundle file once per process and returns its exports. */
function load(file, caches) {
  const known = loaded.get(file);
  if (known) return known.module.exports;
  const { script, cache, stale } = compile(file, caches);
  const module = { exports: {} };
  loaded.set(file, { module, script, cache, stale });
  script.runInThisContext()(module.exports, requireFor(file), module, file, path.dirname(file));
  return module.exports;
}

/** Writes the code cache of a compiled script: to a temporary file, then renamed into place, so a
 *  concurrent run reads either the old cache or the new one, never half of one. */
function writeCache(cache, script) {
  const temporary = `${cache}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temporary, script.createCachedData());
    fs.renameSync(temporary, cache);
  } catch {
    // A read-only install: run without a cache.
    fs.rmSync(temporary, { force: true });
  }
}

/** Leaves fresh caches for the files this process compiled without a valid one. */
function refreshStaleCaches() {
  for (const { script, cache, stale } of loaded.values()) if (stale) writeCache(cache, script);
}

/** Writes the cache of a bundle file this process loaded to the given path (the build's training). */
function saveCache(file, cache) {
  writeCache(cache, loaded.get(file).script);
}

module.exports = { load, cacheCandidates, refreshStaleCaches, saveCache };

if (require.main === module) {
  const argv = process.argv.slice(2);
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    fs.writeSync(1, `${require('../package.json').version}\n`);
  } else {
    const cli = path.join(__dirname, '..', 'dist', 'cli.cjs');
    const { run } = load(cli, cacheCandidates(cli, argv));
    process.on('exit', refreshStaleCaches);
    run().then((code) => {
      process.exitCode = code;
    });
  }
}
