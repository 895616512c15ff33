// main(argv, io, env) → exit code. Nothing else in the program exits or touches process.exitCode.
import { CommanderError } from 'commander';
import { buildProgram, type ProgramState } from './cli.js';
import { CliError, ExitCode, renderError, toCliError } from './errors.js';
import { colorEnabled, makeStyle, type Env, type IO } from './io.js';

export async function main(argv: string[], io: IO, env: Env, cwd = process.cwd()): Promise<number> {
  const state: ProgramState = { exitCode: ExitCode.ok };
  const program = buildProgram({ io, env, cwd, state, lazyOptions: true });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return state.exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Commander has printed its message (or the help/version) already.
      if (err.exitCode === 0 || err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return ExitCode.ok;
      if (err.code === 'commander.help') return ExitCode.ok;
      return ExitCode.usage;
    }
    const error = toCliError(err);
    const json = argv.includes('--json');
    const debug = argv.includes('--debug');
    const style = makeStyle(colorEnabled(io.stderrIsTTY, env, argv.includes('--no-color')));
    renderError(error, io, { json, debug, style });
    return error.exitCode;
  }
}

export { CliError };
