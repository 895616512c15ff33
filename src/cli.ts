// The commander wiring: every command, its options and its help examples. No logic here:
// each action lazily imports its command module, so start-up loads only what it runs.
import { Command, InvalidArgumentError, Option } from 'commander';
import { makeContext, type CommandContext, type GlobalOptions } from './commands/context.js';
import type { ExitCodeValue } from './errors.js';
import { colorEnabled, makeStyle, type Env, type IO } from './io.js';
import { VERSION } from './version.js';


export interface ProgramState {
  exitCode: number;
}

interface ProgramDeps {
  io: IO;
  env: Env;
  cwd: string;
  state: ProgramState;
  /** Declare a command's options only when commander is about to run it or show its help (the
   *  CLI's own runs): creating the ~120 options of every command cost ~5 ms of each start. Off,
   *  the whole tree is built at once, for completions and tests that read it. */
  lazyOptions?: boolean;
}

type Action<O> = (ctx: CommandContext, options: O, args: string[]) => Promise<ExitCodeValue>;

const examples = (lines: string[]) => `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;

export function buildProgram({ io, env, cwd, state, lazyOptions = false }: ProgramDeps): Command {
  const errStyle = makeStyle(colorEnabled(io.stderrIsTTY, env, false));
  const program = new Command('bedrock-claude');

  const pendingOptions = new Map<Command, () => void>();
  const declarePendingOptions = (command: Command) => {
    pendingOptions.get(command)?.();
    pendingOptions.delete(command);
  };
  /** Adds a command's options now or (lazyOptions) just before commander dispatches to the command
   *  (the preSubcommand hook of its parent) or prints its help (`help <command>` goes straight there). */
  const withOptions = (command: Command, define: (command: Command) => unknown): Command => {
    if (!lazyOptions) define(command);
    else {
      pendingOptions.set(command, () => define(command));
      command.on('beforeHelp', () => declarePendingOptions(command));
    }
    return command;
  };

  /** Wraps a lazily imported command: builds the context from the global options, stores the exit code. */
  const run =
    <O>(load: () => Promise<Action<O>>) =>
    async (...params: unknown[]) => {
      const command = params[params.length - 1] as Command;
      const options = command.opts() as O;
      const args = command.args;
      const global = command.optsWithGlobals() as GlobalOptions;
      const action = await load();
      state.exitCode = await action(makeContext(io, env, cwd, global), options, args);
    };

  program
    .hook('preSubcommand', (_parent, command) => declarePendingOptions(command))
    .description('Invoke and inspect Anthropic Claude models on Amazon Bedrock.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--region <region>', 'AWS region (default: AWS_REGION, config file, AWS profile)')
    .option('--profile <name>', 'AWS profile for credentials and region')
    .option('--endpoint-url <url>', 'send requests to this endpoint instead of AWS')
    .option('--json', 'machine-readable JSON output')
    .option('--no-color', 'no colour (also NO_COLOR)')
    .option('-q, --quiet', 'no diagnostics on stderr')
    .option('--debug', 'log requests and responses to stderr (secrets redacted)')
    .option('--config <file>', 'use this config file instead of .bedrock-claude.json and the user file')
    .option('--max-attempts <n>', 'attempts per AWS call, retries included (default 5; AWS_MAX_ATTEMPTS)', positiveInteger)
    .option('--record <dir>', 'save every exchange with Bedrock in <dir> (secrets removed) for --replay')
    .option('--replay <dir>', 'answer from the recordings in <dir>: no network, no credentials')
    .configureHelp({
      showGlobalOptions: true,
      sortSubcommands: false,
      // commander shows "[options]" after a command that has them; count those not declared yet.
      subcommandTerm: (command) => subcommandTerm(command, command.options.length > 0 || pendingOptions.has(command)),
    })
    .showHelpAfterError(errStyle.dim('(add --help for usage)'))
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(errStyle.red(s)),
      // commander would ask process.stdout and process.stderr, which creates them (see systemIO).
      getOutHelpWidth: () => io.columns ?? 80, // commander's own default width
      getErrHelpWidth: () => (io.stderrIsTTY ? process.stderr.columns : undefined) ?? 80,
      getOutHasColors: () => colorEnabled(io.stdoutIsTTY, env, false),
      getErrHasColors: () => colorEnabled(io.stderrIsTTY, env, false),
    })
    .addHelpText(
      'after',
      examples([
        'bedrock-claude models list --offline',
        'bedrock-claude models resolve sonnet --region eu-central-1',
        'echo "Explain SigV4 in one line" | bedrock-claude converse -m haiku',
        'bedrock-claude cost estimate -m opus --input-tokens 20000 --output-tokens 2000',
        'bedrock-claude doctor -m sonnet --json',
      ]),
    );

  const inherit = (command: Command) =>
    command.exitOverride().showHelpAfterError(errStyle.dim('(add --help for usage)')).hook('preSubcommand', (_parent, command) => declarePendingOptions(command));

  // ── models ────────────────────────────────────────────────────────────────
  const models = inherit(program.command('models').description('list Claude models and resolve model names')).addHelpText(
    'after',
    examples(['bedrock-claude models list --offline', 'bedrock-claude models resolve opus --region eu-central-1']),
  );
  withOptions(inherit(models.command('list')), (c) =>
    c
      .option('--offline', 'use the built-in catalog only (no AWS call)')
      .option('--all', 'include legacy and end-of-life models')
      .option('--refresh', 'ignore the cached list and ask Bedrock again'),
  )
    .description('Claude models for the region: aliases, IDs, profiles, limits, prices, lifecycle')
    .addHelpText(
      'after',
      examples([
        'bedrock-claude models list --offline',
        'bedrock-claude models list --region eu-west-1 --all',
        'bedrock-claude models list --offline --json | jq -r ".[].modelId"',
      ]),
    )
    .action(run(async () => (await import('./commands/models-list.js')).modelsList));

  withOptions(inherit(models.command('resolve')), (c) => c.addOption(scopeOption()))
    .description('show the model ID that -m would send, and why; exit 4 if the combination is invalid')
    .argument('<model>', 'alias (sonnet, opus-4.6), model ID, inference-profile ID or ARN')
    .addHelpText(
      'after',
      examples([
        'bedrock-claude models resolve sonnet --region eu-central-1',
        'bedrock-claude models resolve us.anthropic.claude-sonnet-4-5-20250929-v1:0 --region eu-central-1',
        'bedrock-claude models resolve haiku --scope geo --region ap-northeast-1 --json',
      ]),
    )
    .action(run(async () => (await import('./commands/models-resolve.js')).modelsResolve));

  // ── invoke / converse ─────────────────────────────────────────────────────
  const chatOptions = (command: Command) =>
    command
      .addOption(modelOption())
      .addOption(scopeOption())
      .option('--system <text|@file>', 'system prompt, or @file to read it from a file')
      .option('--attach <file>', 'attach an image (png, jpeg, gif, webp) or document (pdf, csv, doc, docx, xls, xlsx, html, txt, md); repeatable', collect)
      .option('--max-tokens <n>', 'maximum output tokens (default: config maxTokens, capped by the model)', positiveInteger)
      .option('--temperature <t>', 'sampling temperature', nonNegativeNumber)
      .option('--top-p <p>', 'nucleus sampling', nonNegativeNumber)
      .option('--stop <sequence>', 'stop sequence; repeatable', collect)
      .option('--thinking <budget|adaptive>', 'extended thinking: a token budget (≥ 1024), or "adaptive"')
      .option('--effort <level>', 'effort for adaptive thinking (low, medium, high, max)')
      .option('--cache', 'add a cache point after the system prompt and attachments')
      .option('--tools <file>', 'tool definitions (JSON array of {name, description, input_schema})')
      .option('--beta <flag>', 'anthropic_beta flag; repeatable', collect)
      .option('--stream', 'stream the reply as it arrives (default on a TTY)')
      .option('--no-stream', 'wait for the whole reply')
      .option('--dry-run', 'print the request that would be sent (no credentials), send nothing')
      .option('--timeout <seconds>', 'give up on a reply after this long without data (default: fits the max tokens)', positiveInteger)
      .option('-c, --continue', 'continue the last conversation')
      .option('--conversation <file>', 'read the conversation from this JSON file and append the new turn to it');

  withOptions(inherit(program.command('invoke')), (c) =>
    chatOptions(c)
      .option('--body <file>', 'send this raw JSON body instead ("-" for stdin)')
      .addOption(new Option('--api <api>', 'invoke (InvokeModel) or messages (the Messages API)').choices(['invoke', 'messages'])),
  )
    .description('send an Anthropic Messages body with InvokeModel / InvokeModelWithResponseStream')
    .argument('[prompt]', 'the prompt; read from stdin when absent or "-"')
    .addHelpText(
      'after',
      examples([
        'bedrock-claude invoke -m sonnet "Write a haiku about S3"',
        'bedrock-claude invoke -m opus-4.6 --thinking 4096 --max-tokens 8192 "Prove that √2 is irrational"',
        'bedrock-claude invoke --body request.json --dry-run',
      ]),
    )
    .action(run(async () => (await import('./commands/invoke.js')).invoke));

  withOptions(inherit(program.command('converse')), (c) =>
    chatOptions(c)
      .option('--jsonl', 'read JSONL prompts from stdin (a JSON string or {id, prompt, system, maxTokens} per line); one JSON result per line')
      .option('--concurrency <n>', 'requests in flight with --jsonl (default 4)', positiveInteger)
      .option('--estimate', 'also print the estimated cost (before sending) and the difference to the actual cost'),
  )
    .description('chat with Converse / ConverseStream')
    .argument('[prompt]', 'the prompt; read from stdin when absent or "-"')
    .addHelpText(
      'after',
      examples([
        'bedrock-claude converse -m haiku "Summarise RFC 2119 in one line"',
        'git diff | bedrock-claude converse --system "Review this diff" -m sonnet',
        'bedrock-claude converse --attach invoice.pdf "What is the total?" --json | jq -r .text',
        'cat prompts.jsonl | bedrock-claude converse --jsonl --concurrency 8 > results.jsonl',
      ]),
    )
    .action(run(async () => (await import('./commands/converse.js')).converse));

  // ── cost ──────────────────────────────────────────────────────────────────
  const cost = inherit(program.command('cost').description('estimate what requests and workloads cost')).addHelpText(
    'after',
    examples(['bedrock-claude cost estimate -m sonnet --input-tokens 12000 --output-tokens 800', 'bedrock-claude cost estimate --compare --input-tokens 5000 --output-tokens 500']),
  );
  withOptions(inherit(cost.command('estimate')), (c) =>
    c
      .addOption(
        new Option('-m, --model <model>', 'alias (sonnet, opus-4.6), model ID, inference-profile ID or ARN; repeat with --compare')
          .argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]),
      )
      .addOption(scopeOption())
      .option('--input-tokens <n>', 'input tokens (not cached), added to any counted text', nonNegativeInteger)
      .option('--output-tokens <n>', 'expected output tokens', nonNegativeInteger)
      .option('--cache-read-tokens <n>', 'input tokens read from the prompt cache', nonNegativeInteger)
      .option('--cache-write-tokens <n>', 'input tokens written to the prompt cache', nonNegativeInteger)
      .addOption(new Option('--cache-ttl <ttl>', 'TTL of the cache writes').choices(['5m', '1h']))
      .option('--prompt-file <file>', 'count the prompt in this text file ("-" for stdin)')
      .option('--attach <file...>', 'count images (PNG, JPEG, GIF, WebP), PDFs or text files')
      .option('--max-tokens <n>', 'price the worst-case output: max_tokens', positiveInteger)
      .option('--thinking-budget <n>', 'extended-thinking budget (billed as output)', positiveInteger)
      .option('--exact', 'count the text with Bedrock CountTokens (needs a region and credentials)')
      .option('--batch', 'batch inference (says so when no batch price is known)')
      .option('--requests <n>', 'workload: this many requests …', positiveInteger)
      .addOption(new Option('--per <period>', '… per day or per month (default day; a month is 30 days)').choices(['day', 'month']))
      .option('--credits <usd>', 'how long this many dollars of credits last at that workload', nonNegativeNumber)
      .option('--compare', 'the same request across the current Haiku, Sonnet and Opus (and every -m) and scopes')
      .option('--prices <file>', 'JSON price overrides (negotiated rates); see the README for the format')
      .option('--date <yyyy-mm-dd>', 'price on this date (default today), e.g. inside a promotional window'),
  )
    .description('price of a request or a workload, from token counts or text; offline unless --exact')
    .argument('[text]', 'prompt text to count ("-" for stdin; stdin is also read when nothing else is given)')
    .addHelpText(
      'after',
      examples([
        'bedrock-claude cost estimate -m sonnet --input-tokens 12000 --output-tokens 800',
        'bedrock-claude cost estimate -m haiku --prompt-file prompt.txt --attach chart.png --max-tokens 2000',
        'cat report.md | bedrock-claude cost estimate -m opus --output-tokens 1500 --json',
        'bedrock-claude cost estimate --compare --input-tokens 5000 --output-tokens 500 --requests 20000 --per day --credits 10000',
        'bedrock-claude cost estimate -m sonnet-4.5 --input-tokens 250000 --cache-read-tokens 100000 --output-tokens 4000 --region eu-west-1',
      ]),
    )
    .action(run(async () => (await import('./commands/cost-estimate.js')).costEstimate));

  // ── batch ─────────────────────────────────────────────────────────────────
  const batch = inherit(program.command('batch').description('Bedrock batch inference over S3 for large JSONL workloads')).addHelpText(
    'after',
    examples([
      'bedrock-claude batch submit --input prompts.jsonl -m haiku --s3 s3://my-bucket/batch --role-arn arn:aws:iam::123456789012:role/BedrockBatch --wait',
      'bedrock-claude batch results <job> > results.jsonl',
    ]),
  );
  const waitOptions = (command: Command) =>
    command
      .option('--wait', 'poll until the job ends; the exit code reflects how it ended')
      .option('--poll-interval <seconds>', 'seconds between polls with --wait (default 30)', positiveNumber);
  withOptions(inherit(batch.command('submit')), (c) =>
    waitOptions(
      c
      .option('--input <file>', 'JSONL prompts ("-" for stdin), as for converse --jsonl')
      .addOption(modelOption())
      .addOption(scopeOption())
      .option('--s3 <uri>', 'S3 location for input and output: s3://bucket/prefix')
      .option('--role-arn <arn>', 'IAM role Bedrock assumes to read and write the S3 data')
      .option('--job-name <name>', 'job name (default bedrock-claude-<time>-<random>)')
      .option('--system <text|@file>', 'system prompt for records without their own')
      .option('--max-tokens <n>', 'max tokens for records without their own', positiveInteger)
      .option('--temperature <t>', 'sampling temperature', nonNegativeNumber)
      .option('--min-records <n>', 'the account\'s minimum records per job (default 100)', positiveInteger)
      .option('--timeout-hours <n>', 'job timeout in hours', positiveInteger),
    ),
  )
    .description('convert JSONL prompts to batch records, upload them to S3 and create the job')
    .addHelpText(
      'after',
      examples(['bedrock-claude batch submit --input prompts.jsonl -m sonnet --s3 s3://my-bucket/jobs --role-arn arn:aws:iam::123456789012:role/BedrockBatch --json']),
    )
    .action(run(async () => (await import('./commands/batch.js')).batchSubmit));
  withOptions(inherit(batch.command('status')), waitOptions)
    .description('state and timing of a job (the latest when none is given)')
    .argument('[job]', 'job ARN or ID')
    .addHelpText('after', examples(['bedrock-claude batch status', 'bedrock-claude batch status <job> --wait']))
    .action(run(async () => (await import('./commands/batch.js')).batchStatus));
  withOptions(inherit(batch.command('list')), (c) =>
    c
      .addOption(new Option('--status <status>', 'only jobs in this state').choices(['Submitted', 'Validating', 'Scheduled', 'InProgress', 'Completed', 'PartiallyCompleted', 'Failed', 'Stopping', 'Stopped', 'Expired']))
      .option('--max <n>', 'at most this many jobs (default 50)', positiveInteger),
  )
    .description('batch jobs in the region, newest first')
    .addHelpText('after', examples(['bedrock-claude batch list --status InProgress']))
    .action(run(async () => (await import('./commands/batch.js')).batchList));
  inherit(batch.command('results'))
    .description('download the output and print one result line per input, in input order')
    .argument('<job>', 'job ARN or ID')
    .addHelpText('after', examples(['bedrock-claude batch results <job> | jq -r .text']))
    .action(run(async () => (await import('./commands/batch.js')).batchResults));
  inherit(batch.command('cancel'))
    .description('stop a job')
    .argument('<job>', 'job ARN or ID')
    .addHelpText('after', examples(['bedrock-claude batch cancel <job>']))
    .action(run(async () => (await import('./commands/batch.js')).batchCancel));

  // ── doctor / explain / completion ─────────────────────────────────────────
  withOptions(inherit(program.command('doctor')), (c) =>
    c
      .addOption(modelOption())
      .addOption(scopeOption())
      .option('--strict', 'treat warnings as failures')
      .option('--probe', 'make one tiny real request (max_tokens 1) and report its latency and cost')
      .addOption(new Option('--format <format>', 'text, or github for GitHub Actions annotations').choices(['text', 'github']).default('text')),
  )
    .description('preflight: config, region, credentials, clock, endpoint, model ID, access, permissions')
    .addHelpText(
      'after',
      examples([
        'bedrock-claude doctor -m sonnet',
        'bedrock-claude doctor --json --strict',
        'bedrock-claude doctor -m haiku --region eu-west-1 --probe',
        'bedrock-claude doctor --format github   # in a GitHub Actions step',
      ]),
    )
    .action(run(async () => (await import('./commands/doctor.js')).doctor));

  withOptions(inherit(program.command('explain')), (c) =>
    c
      .addOption(modelOption())
      .addOption(new Option('--api <api>', 'the API that failed').choices(['invoke', 'converse', 'messages', 'count-tokens', 'control-plane'])),
  )
    .description('the likely cause and fix of a Bedrock error message')
    .argument('[message]', 'the error text; read from stdin when absent or "-"')
    .addHelpText(
      'after',
      examples([
        'bedrock-claude explain "ValidationException: The provided model identifier is invalid." -m us.anthropic.claude-sonnet-4-6 --region eu-west-1',
        "pbpaste | bedrock-claude explain --json",
      ]),
    )
    .action(run(async () => (await import('./commands/explain.js')).explain));

  const completion = inherit(program.command('completion'));
  completion
    .description('print a shell completion script (commands, flags, model aliases, regions, scopes, files)')
    .addArgument(completion.createArgument('<shell>', 'the shell').choices(['bash', 'zsh', 'fish']))
    .addHelpText(
      'after',
      examples([
        'bedrock-claude completion bash > ~/.local/share/bash-completion/completions/bedrock-claude',
        'bedrock-claude completion zsh > ~/.zfunc/_bedrock-claude   # with fpath=(~/.zfunc $fpath) before compinit',
        'bedrock-claude completion fish > ~/.config/fish/completions/bedrock-claude.fish',
        'source <(bedrock-claude completion bash)   # this shell only',
      ]),
    )
    .action(run(async () => (await import('./commands/completion.js')).completion));

  return program;
}

/** commander's term for a subcommand in help ("converse [options] [prompt]"). */
function subcommandTerm(command: Command, hasOptions: boolean): string {
  const args = command.registeredArguments.map((arg) => {
    const name = `${arg.name()}${arg.variadic ? '...' : ''}`;
    return arg.required ? `<${name}>` : `[${name}]`;
  });
  return [command.name(), ...(hasOptions ? ['[options]'] : []), ...args].join(' ');
}

function modelOption(): Option {
  return new Option('-m, --model <model>', 'alias (sonnet, opus-4.6), model ID, inference-profile ID or ARN');
}

function scopeOption(): Option {
  return new Option('--scope <scope>', 'routing: auto (global, else geographic, else in-region), global, geo or region');
}

/** A repeatable option: each use adds one value. */
function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function parseNumber(value: string, check: (n: number) => boolean, expected: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || !check(n)) throw new InvalidArgumentError(`expected ${expected}, got "${value}"`);
  return n;
}

export const positiveInteger = (v: string) => parseNumber(v, (n) => Number.isInteger(n) && n > 0, 'a positive integer');
export const nonNegativeInteger = (v: string) => parseNumber(v, (n) => Number.isInteger(n) && n >= 0, 'a whole number ≥ 0');
export const nonNegativeNumber = (v: string) => parseNumber(v, (n) => n >= 0, 'a number ≥ 0');
export const positiveNumber = (v: string) => parseNumber(v, (n) => n > 0, 'a number > 0');
