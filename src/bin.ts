// Entry point of the bundle: real process IO and environment, and the process-level behaviour
// that only an executable may decide: Ctrl-C and a closed pipe.
import { setMaxListeners } from 'node:events';
import { systemIO } from './io.js';
import { main } from './main.js';

// main is exported for the build's code-cache training (scripts/training/train.mjs).
export { main };

export async function run(): Promise<number> {
  const argv = process.argv.slice(2);
  // Made when a command first asks for it (a request in flight); creating it costs start-up time.
  let interrupt: AbortController | undefined;
  const signal = () => {
    if (!interrupt) {
      interrupt = new AbortController();
      // --jsonl gives each request in flight a listener on this signal.
      setMaxListeners(0, interrupt.signal);
    }
    return interrupt.signal;
  };
  // First Ctrl-C: abort what is in flight and let the command finish printing (exit 130); with
  // nothing in flight, or at the second Ctrl-C, leave at once.
  process.on('SIGINT', () => {
    if (!interrupt || interrupt.signal.aborted) process.exit(130);
    interrupt.abort();
  });
  // `bedrock-claude … | head -1`: the reader has gone; stop quietly.
  const onStreamError = (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  };
  return main(argv, systemIO({ signal, onStreamError }), process.env);
}
