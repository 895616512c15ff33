// How a reply reaches the user. Text mode: the model's text alone on stdout, as it arrives when
// streaming; thinking dimmed on stderr (TTY only); usage and cost as one dim stderr line.
// --json: one object at the end; --json with streaming: one NDJSON event per line.
import type { CommandContext } from '../commands/context.js';
import { formatUsd } from '../pricing/money.js';
import type { ChatEvent, ChatResult, Usage } from './types.js';
import { formatNumber } from '../render/format.js';

export interface ReplyMeta {
  modelId: string;
  api: string;
  region: string;
}

export type CostFn = (usage: Usage) => number | null;

export class ReplyRenderer {
  private wroteText = false;
  private lastChar = '\n';

  constructor(
    private readonly ctx: CommandContext,
    private readonly stream: boolean,
    private readonly cost: CostFn,
  ) {}

  private get json(): boolean {
    return Boolean(this.ctx.global.json);
  }

  private get showThinking(): boolean {
    return this.ctx.io.stderrIsTTY && !this.ctx.global.quiet;
  }

  onEvent(event: ChatEvent): void {
    if (!this.stream) return;
    if (this.json) {
      const line = event.type === 'usage' ? { ...event, costUsd: this.cost(event.usage) } : event;
      this.ctx.io.stdout.write(`${JSON.stringify(line)}\n`);
      return;
    }
    if (event.type === 'text') this.writeText(event.text);
    else if (event.type === 'thinking' && this.showThinking) this.ctx.io.stderr.write(this.ctx.err.dim(event.text));
    else if (event.type === 'tool_use') this.writeToolUse(event.name, event.input);
  }

  /** `extra` adds fields to the --json object (e.g. the estimate); `notes` are more stderr lines. */
  finish(result: ChatResult, meta: ReplyMeta, extra: Record<string, unknown> = {}, notes: string[] = []): void {
    const costUsd = this.cost(result.usage);
    if (this.json) {
      if (this.stream) return; // every event, usage with cost included, is already out
      this.ctx.io.stdout.write(
        `${JSON.stringify({
          modelId: meta.modelId,
          api: meta.api,
          text: result.text,
          stopReason: result.stopReason,
          usage: result.usage,
          costUsd,
          region: meta.region,
          thinking: result.thinking || null,
          toolUses: result.toolUses,
          ...extra,
        })}\n`,
      );
      return;
    }
    if (!this.stream) {
      if (result.thinking && this.showThinking) this.ctx.io.stderr.write(`${this.ctx.err.dim(result.thinking)}\n`);
      this.writeText(result.text);
      for (const tool of result.toolUses) this.writeToolUse(tool.name, tool.input);
    }
    this.endLine();
    if (!this.ctx.global.quiet) {
      for (const line of [usageLine(result.usage, costUsd), ...notes]) this.ctx.io.stderr.write(`${this.ctx.err.dim(line)}\n`);
    }
  }

  /** After a failure: end the line so the error starts on its own; a JSON event stream ends with an error event. */
  failed(error: { causeCode: string; message: string }): void {
    if (!this.json) return this.endLine();
    if (this.stream) this.ctx.io.stdout.write(`${JSON.stringify({ type: 'error', cause: error.causeCode, message: error.message })}\n`);
  }

  private writeText(text: string): void {
    if (text === '') return;
    this.ctx.io.stdout.write(text);
    this.wroteText = true;
    this.lastChar = text[text.length - 1] ?? this.lastChar;
  }

  private writeToolUse(name: string, input: unknown): void {
    this.ctx.io.stderr.write(`${this.ctx.err.cyan(`tool call: ${name}`)} ${JSON.stringify(input)}\n`);
  }

  private endLine(): void {
    if (this.wroteText && this.lastChar !== '\n') this.ctx.io.stdout.write('\n');
    this.lastChar = '\n';
  }
}

export function usageLine(usage: Usage, costUsd: number | null): string {
  const n = (x: number) => formatNumber(x);
  const parts = [`in ${n(usage.inputTokens)}`, `out ${n(usage.outputTokens)}`, `cache read ${n(usage.cacheReadInputTokens)}`];
  if (usage.cacheWriteInputTokens > 0) parts.push(`cache write ${n(usage.cacheWriteInputTokens)}`);
  parts.push(costUsd === null ? 'cost unknown' : formatUsd(costUsd));
  return parts.join(' · ');
}
