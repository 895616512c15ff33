// Fills a code cache (see bin/bedrock-claude.js): runs training commands (commands.mjs) in this
// process, then writes what they compiled. scripts/build.mjs runs it once per command and once for
// all of them, each in a fresh process, so that each cache holds only its own command's code.
// Usage: node scripts/training/train.mjs <key>   dist/cli.cjs.<key>.cache, e.g. models-resolve
//        node scripts/training/train.mjs all     dist/cli.cjs.cache and dist/vendor.cjs.cache
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { cacheKey, OFFLINE, REGION, REQUESTS } from './commands.mjs';

const require = createRequire(import.meta.url);
const { load, refreshStaleCaches, saveCache } = require('../../bin/bedrock-claude.js');
const cli = fileURLToPath(new URL('../../dist/cli.cjs', import.meta.url));
const cassette = fileURLToPath(new URL('cassette', import.meta.url));

const key = process.argv[2];
const all = key === 'all';
const picked = (commands) => commands.filter((argv) => all || cacheKey(argv) === key);

const home = await mkdtemp(join(tmpdir(), 'bedrock-claude-training-'));
try {
  const env = { HOME: home, AWS_REGION: REGION, AWS_EC2_METADATA_DISABLED: 'true', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', NO_COLOR: '1' };
  // The cache this process writes must not be read: compile from source, as a first run would.
  const { main } = load(cli, [`${cli}.training-${process.pid}`]);
  const run = (argv) => {
    const stdin = new PassThrough();
    stdin.end();
    const silent = { write: () => true };
    return main(argv, { stdout: silent, stderr: silent, stdin, stdoutIsTTY: false, stderrIsTTY: false, stdinIsTTY: false }, env, home);
  };
  for (const argv of picked(OFFLINE)) {
    const code = await run(argv);
    if (code !== 0) throw new Error(`code cache training: \`bedrock-claude ${argv.join(' ')}\` exited ${code}`);
  }
  for (const argv of picked(REQUESTS)) {
    // A request whose body changed has no recording: the caches only lose that command's code.
    const code = await run([...argv, '--replay', cassette]);
    if (code !== 0) process.stderr.write(`warning: code cache training: \`bedrock-claude ${argv.join(' ')}\` exited ${code}; record the training answers again: npm run training-cassette\n`);
  }
  if (all) {
    saveCache(cli, `${cli}.cache`);
    refreshStaleCaches(); // the vendor bundle's, loaded by the requests (and a temporary one for cli)
  } else {
    saveCache(cli, `${cli}.${key}.cache`);
  }
} finally {
  await rm(home, { recursive: true, force: true });
  await rm(`${cli}.training-${process.pid}`, { force: true });
}
