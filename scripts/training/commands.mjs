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

/** The per-command cache a training command fills (bin/bedrock-claude.js looks for the same names):
 *  the command, with its subcommand for the groups; "help" for none. */
export function cacheKey(argv) {
  const words = argv.filter((arg) => !arg.startsWith('-'));
  if (words.length === 0) return 'help';
  return ['models', 'cost', 'batch'].includes(words[0]) ? words.slice(0, 2).join('-') : words[0];
}

export const CACHE_KEYS = [...new Set([...OFFLINE, ...REQUESTS].map(cacheKey))];
