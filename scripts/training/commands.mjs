// The commands the build runs in-process to fill the code caches (scripts/build.mjs): the offline
// commands, and one request of each kind answered from a recorded cassette (--replay), so that the
// caches hold the code a command runs, not only the bundle's top level. None sends a request.
// After changing a request command: `npm run training-cassette` records its answers again.
export const REGION = 'us-east-1';

export const OFFLINE = [
  ['--help'],
  ['converse', '--help'],
  ['models', 'list', '--offline'],
  ['models', 'list', '--offline', '--json'],
  ['models', 'resolve', 'sonnet'],
  ['cost', 'estimate', '-m', 'sonnet', '--input-tokens', '1000', '--output-tokens', '100'],
  ['converse', '--dry-run', '-m', 'sonnet', 'hello'],
];

/** Run with `--replay scripts/training/cassette`. */
export const REQUESTS = [
  ['converse', '--no-stream', '-m', 'haiku-4.5', 'hello'],
  ['converse', '--stream', '-m', 'haiku-4.5', 'hello'],
  ['invoke', '--stream', '-m', 'sonnet-4.5', 'hello'],
  ['invoke', '--api', 'messages', '--stream', '-m', 'opus-4.7', 'hello'],
];
