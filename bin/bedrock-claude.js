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

/** file → { module, script, stale }: one instance of each bundle file per process. */
const loaded = new Map();

function cachePath(file) {
  return `${file}.cache`;
}

/** require() for a bundle file: sibling `./x.cjs` files come through the cache too. */
function requireFor(file) {
  const plain = require('node:module').createRequire(file);
  const dir = path.dirname(file);
  const custom = (id) => (id.startsWith('./') && id.endsWith('.cjs') ? load(path.join(dir, id)) : plain(id));
  custom.resolve = plain.resolve;
  return custom;
}

/** Compiles a bundle file (with its cache when it is valid) and returns the unevaluated script. */
function compile(file) {
  let cachedData;
  try {
    cachedData = fs.readFileSync(cachePath(file));
  } catch {
    // No cache yet: compile from source.
  }
  const source = fs.readFileSync(file, 'utf8');
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new (require('node:vm').Script)(wrapped, { filename: file, cachedData });
  return { script, stale: cachedData === undefined || script.cachedDataRejected === true };
}

/** Evaluates a bundle file once per process and returns its exports. */
function load(file) {
  const known = loaded.get(file);
  if (known) return known.module.exports;
  const { script, stale } = compile(file);
  const module = { exports: {} };
  loaded.set(file, { module, script, stale });
  script.runInThisContext()(module.exports, requireFor(file), module, file, path.dirname(file));
  return module.exports;
}

/** Writes the code cache of a compiled script: to a temporary file, then renamed into place, so a
 *  concurrent run reads either the old cache or the new one, never half of one. */
function writeCache(file, script) {
  const target = cachePath(file);
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temporary, script.createCachedData());
    fs.renameSync(temporary, target);
  } catch {
    // A read-only install: run without a cache.
    fs.rmSync(temporary, { force: true });
  }
}

/** Leaves fresh caches for the files this process compiled without a valid one. */
function refreshStaleCaches() {
  for (const [file, { script, stale }] of loaded) if (stale) writeCache(file, script);
}

module.exports = { load, compile, writeCache, refreshStaleCaches };

if (require.main === module) {
  const argv = process.argv.slice(2);
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    fs.writeSync(1, `${require('../package.json').version}\n`);
  } else {
    const { run } = load(path.join(__dirname, '..', 'dist', 'cli.cjs'));
    process.on('exit', refreshStaleCaches);
    run().then((code) => {
      process.exitCode = code;
    });
  }
}
