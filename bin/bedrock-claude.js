#!/usr/bin/env node
// The executable: the only place that sets the exit code. `--version` answers without loading the
// bundle; everything else runs dist/cli.cjs through its code cache.
'use strict';

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  require('node:fs').writeSync(1, `${require('../package.json').version}\n`);
} else {
  const { load, refreshStaleCaches } = require('./code-cache.js');
  const { run } = load(require('node:path').join(__dirname, '..', 'dist', 'cli.cjs'));
  process.on('exit', refreshStaleCaches);
  run().then((code) => {
    process.exitCode = code;
  });
}
