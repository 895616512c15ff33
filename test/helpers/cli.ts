// Runs the built binary as a user would: a child process with a clean, hermetic environment.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/bedrock-claude.js', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Variables on top of the hermetic base (PATH, HOME, AWS_EC2_METADATA_DISABLED). */
  env?: Record<string, string | undefined>;
  /** HOME for the run: give a temporary directory so no real config or credentials are read. */
  home: string;
  cwd?: string;
  stdin?: string | Buffer;
  /** Another copy of the executable (an install in a temporary directory); default: this repo's. */
  bin?: string;
}

export function runCli(args: string[], options: CliOptions): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(args, options);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

/** Fake static credentials: obviously not real keys. */
export const FAKE_CREDENTIALS = {
  AWS_ACCESS_KEY_ID: 'AKIDFAKEEXAMPLE000000',
  AWS_SECRET_ACCESS_KEY: 'fake-secret-access-key-for-tests-only',
};

/** The child process itself, for tests that signal it or close its pipes. */
export function spawnCli(args: string[], options: CliOptions) {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: options.home,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: `${options.home}/.aws/config`,
    AWS_SHARED_CREDENTIALS_FILE: `${options.home}/.aws/credentials`,
  };
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return spawn(process.execPath, [options.bin ?? BIN, ...args], { env, cwd: options.cwd ?? options.home, stdio: 'pipe' });
}
