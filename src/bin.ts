// Entry point of the bundle: real process IO and environment, and the process-level behaviour
// that only an executable may decide: Ctrl-C and a closed pipe.
import { setMaxListeners } from 'node:events';
import { systemIO } from './io.js';
import { main } from './main.js';

// main is exported for the build, which runs a few offline commands to fill the code cache.
export { main };

export async function run(): Promise<number> {
  const argv = process.argv.slice(2);
  const interrupt = new AbortController();
  // First Ctrl-C: abort what is in flight and let the command finish printing (exit 130).
  // Second Ctrl-C: leave at once.
  process.on('SIGINT', () => {
    if (interrupt.signal.aborted) process.exit(130);
    interrupt.abort();
  });
  // `bedrock-claude … | head -1`: the reader has gone; stop quietly.
  const onStreamError = (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  };
  // --jsonl gives each request in flight a listener on this signal.
  setMaxListeners(0, interrupt.signal);
  return main(argv, systemIO({ signal: interrupt.signal, onStreamError }), process.env);
}
