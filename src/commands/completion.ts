// `completion <bash|zsh|fish>`: prints the completion script for the shell, generated from the
// same command tree the program parses with (identical to the files under completions/).
import { buildProgram } from '../cli.js';
import { completionScript, isShell, SHELLS } from '../completion/index.js';
import { ExitCode, usageError, type ExitCodeValue } from '../errors.js';
import type { CommandContext } from './context.js';

export async function completion(ctx: CommandContext, _options: unknown, args: string[]): Promise<ExitCodeValue> {
  const shell = args[0] ?? '';
  if (!isShell(shell)) {
    throw usageError(
      `unknown shell "${shell}": expected ${SHELLS.join(', ')}`,
      `Run \`bedrock-claude completion ${SHELLS.join('|')}\`.`,
    );
  }
  const program = buildProgram({ io: ctx.io, env: ctx.env, cwd: ctx.cwd, state: { exitCode: ExitCode.ok } });
  ctx.io.stdout.write(completionScript(shell, program));
  return ExitCode.ok;
}
