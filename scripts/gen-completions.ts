// Writes the shell completion scripts under completions/ from the command tree in src/cli.ts.
// Run by `npm run completions`; test/unit/completion.test.ts fails when the files are stale.
import { mkdir, writeFile } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import { buildProgram } from '../src/cli.js';
import { completionFileName, completionScript, SHELLS } from '../src/completion/index.js';
import type { IO } from '../src/io.js';

/** An IO that discards everything: building the program writes nothing, but it needs one. */
const io: IO = {
  stdout: { write: () => true },
  stderr: { write: () => true },
  stdin: new PassThrough(),
  stdoutIsTTY: false,
  stderrIsTTY: false,
  stdinIsTTY: false,
};

const program = buildProgram({ io, env: {}, cwd: process.cwd(), state: { exitCode: 0 } });
const dir = new URL('../completions/', import.meta.url);
await mkdir(dir, { recursive: true });
for (const shell of SHELLS) {
  const file = new URL(completionFileName(shell, program.name()), dir);
  await writeFile(file, completionScript(shell, program));
  console.log(`wrote completions/${completionFileName(shell, program.name())}`);
}
