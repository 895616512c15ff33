// Entry point of the bundle: real process IO and environment, and the process-level behaviour
// that only an executable may decide: Ctrl-C and a closed pipe.
import { VERSION } from './version.js';

export async function run(): Promise<number> {
  const argv = process.argv.slice(2);
  // `--version` alone answers before the command wiring loads: version checks in scripts should cost nothing.
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const interrupt = new AbortController();
  // First Ctrl-C: abort what is in flight and let the command finish printing (exit 130).
  // Second Ctrl-C: leave at once.
  process.on('SIGINT', () => {
    if (interrupt.signal.aborted) process.exit(130);
    interrupt.abort();
  });
  // `bedrock-claude … | head -1`: the reader has gone; stop quietly.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(0);
      throw err;
    });
  }
  const [{ systemIO }, { main }] = await Promise.all([import('./io.js'), import('./main.js')]);
  return main(argv, { ...systemIO(), signal: interrupt.signal }, process.env);
}
