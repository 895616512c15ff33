#!/usr/bin/env node
// The executable: the only place that sets the exit code. CommonJS, so that `--version` answers
// without starting the ES module loader (measurably slower on Node 20); everything else loads the bundle.
'use strict';

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  require('node:fs').writeSync(1, `${require('../package.json').version}\n`);
} else {
  import('../dist/main.js').then(async ({ run }) => {
    process.exitCode = await run();
  });
}
