// A preload (NODE_OPTIONS=--require) that reports on stderr every file of dist/ the CLI reads,
// not the ones it looks for in vain: which bundle files and code caches a command loads.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const READ_LOGGER = `const fs = require('node:fs');
const readFileSync = fs.readFileSync;
fs.readFileSync = function (path, ...rest) {
  const data = readFileSync.call(this, path, ...rest);
  if (String(path).includes('/dist/')) fs.writeSync(2, 'READ ' + path + '\\n');
  return data;
};
`;

/** Writes the preload into dir and returns the NODE_OPTIONS that load it. */
export async function readLoggerOptions(dir: string): Promise<string> {
  const file = join(dir, 'reads.cjs');
  await writeFile(file, READ_LOGGER);
  return `--require ${file}`;
}

/** The paths the preload reported. */
export function readsIn(stderr: string): string[] {
  return [...stderr.matchAll(/^READ (\S+)$/gm)].map((m) => m[1]!);
}
