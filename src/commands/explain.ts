// `explain [message|-]`: the likely cause and the fix of a Bedrock error, pasted in any form
// (botocore, JS SDK, HTTP body, this CLI's own output). Works offline; -m, --region and --api add
// what is known about the failed request. stdout: the explanation (or one JSON object).
import { readAll, decodeText } from '../chat/input.js';
import { aliasTargets } from '../config/region.js';
import type { Settings } from '../config/load.js';
import { CliError, ExitCode, usageError, type ExitCodeValue } from '../errors.js';
import { explainText, type ExplainContext, type Explanation } from '../explain/index.js';
import { printJson } from '../render/table.js';
import { note, warn, type CommandContext } from './context.js';

export interface ExplainOptions {
  model?: string;
  api?: string;
}

export async function explain(ctx: CommandContext, options: ExplainOptions, args: string[]): Promise<ExitCodeValue> {
  const raw = await readMessage(ctx, args[0]);
  const settings = await loadSettingsLeniently(ctx);
  const context: ExplainContext = {
    model: options.model,
    region: settings?.region?.value,
    api: options.api,
    aliases: settings ? aliasTargets(settings) : undefined,
  };
  const explanation = explainText(raw, context);

  if (ctx.global.json) {
    printJson(ctx.io, explanationJson(explanation, context));
    return ExitCode.ok;
  }
  render(ctx, explanation);
  if (context.model || context.region) {
    const parts = [context.model && `model ${context.model}`, context.region && `region ${context.region}`, context.api && `API ${context.api}`].filter(Boolean);
    note(ctx, ctx.err.dim(`context: ${parts.join(', ')}`));
  }
  return ExitCode.ok;
}

async function readMessage(ctx: CommandContext, argument: string | undefined): Promise<string> {
  let text: string;
  if (argument !== undefined && argument !== '-') {
    text = argument;
  } else {
    if (ctx.io.stdinIsTTY) note(ctx, ctx.err.dim('Paste the error message, then press Ctrl-D.'));
    text = decodeText(await readAll(ctx.io.stdin), 'stdin');
  }
  if (text.trim() === '') {
    throw usageError(
      argument === undefined || argument === '-' ? 'no error message on stdin' : 'the error message is empty',
      'Pass the message as an argument, or pipe it: pbpaste | bedrock-claude explain',
    );
  }
  return text;
}

/** The region and aliases are context, not requirements: a broken config file only costs the context. */
async function loadSettingsLeniently(ctx: CommandContext): Promise<Settings | undefined> {
  try {
    return await ctx.settings();
  } catch (err) {
    if (!(err instanceof CliError)) throw err;
    warn(ctx, `${err.message}; explaining without the configured region and aliases`);
    return undefined;
  }
}

/** design.md: {"cause","exception","message","explanation","fix"}, plus fields that only add. */
export function explanationJson(e: Explanation, context: ExplainContext) {
  return {
    cause: e.cause,
    exception: e.exception,
    message: e.message,
    explanation: e.explanation,
    fix: e.fix,
    suggestions: e.suggestions ?? [],
    iam: e.iam ?? null,
    httpStatus: e.httpStatus ?? null,
    operation: e.operation ?? null,
    rule: e.rule,
    context: { model: context.model ?? null, region: context.region ?? null, api: context.api ?? null },
  };
}

function render(ctx: CommandContext, e: Explanation): void {
  const s = ctx.out;
  const out = (line: string) => ctx.io.stdout.write(`${line}\n`);
  const meta = [e.exception, e.httpStatus ? `HTTP ${e.httpStatus}` : undefined, e.operation].filter(Boolean).join(' · ');
  const color = e.cause === 'unknown' ? s.yellow : s.red;
  out(`${s.bold('cause:')} ${color(e.cause)}${meta ? s.dim(`  (${meta})`) : ''}`);
  out(e.explanation);
  out(`${s.bold('fix:')} ${e.fix}`);
  if (e.suggestions && e.suggestions.length > 0) out(`${s.bold('use:')} ${e.suggestions.map((id) => s.green(id)).join(', ')}`);
  if (e.iam) {
    out(s.bold('iam:'));
    out(`  actions:   ${e.iam.actions.join(', ')}`);
    e.iam.resources.forEach((arn, i) => out(`  ${i === 0 ? 'resources: ' : '           '}${arn}`));
    if (e.iam.note) out(s.dim(`  ${e.iam.note}`));
  }
}
