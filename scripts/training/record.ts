// `npm run training-cassette`: records the answers to the training requests (commands.mjs) from
// the local fake Bedrock, which replays real Bedrock wire recordings, into scripts/training/cassette.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeBedrock } from '../../test/fake-bedrock/server.js';
import { REGION, REQUESTS } from './commands.mjs';

const cassette = fileURLToPath(new URL('cassette', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/bedrock-claude.js', import.meta.url));
const home = mkdtempSync(join(tmpdir(), 'bedrock-claude-training-'));
rmSync(cassette, { recursive: true, force: true });

const fake = await startFakeBedrock();
try {
  const env = { PATH: process.env.PATH ?? '', HOME: home, AWS_EC2_METADATA_DISABLED: 'true', ...fake.env({ region: REGION }) };
  for (const argv of REQUESTS) {
    // Asynchronously: the fake answers from this process's event loop.
    await promisify(execFile)(process.execPath, [bin, ...argv, '--record', cassette], { env, cwd: home });
    process.stderr.write(`recorded: bedrock-claude ${argv.join(' ')}\n`);
  }
} finally {
  await fake.close();
  rmSync(home, { recursive: true, force: true });
}
