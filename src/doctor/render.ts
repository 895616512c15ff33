// The three views of a doctor report: text for people (one line per check, a Fix: line under every
// warning and failure), JSON for machines (design.md), GitHub Actions annotations for CI. Pure.
import type { Style } from '../io.js';
import type { DoctorReport } from './run.js';
import type { CheckResult, Status } from './types.js';

const SYMBOLS: Record<Status, string> = { pass: '✓', warn: '!', fail: '✗', skip: '-' };

export function renderText(report: DoctorReport, style: Style): string {
  const color: Record<Status, (s: string) => string> = { pass: style.green, warn: style.yellow, fail: style.red, skip: style.dim };
  const width = Math.max(...report.checks.map((c) => c.title.length));
  const lines: string[] = [];
  for (const check of report.checks) {
    const paint = color[check.status];
    lines.push(`${paint(SYMBOLS[check.status])}  ${style.bold(check.title.padEnd(width))}  ${check.status === 'skip' ? style.dim(check.detail) : check.detail}`);
    const indent = ' '.repeat(width + 5);
    if (check.fix && (check.status === 'warn' || check.status === 'fail')) lines.push(`${indent}${paint('Fix:')} ${check.fix}`);
    for (const line of check.info ?? []) lines.push(`${indent}${style.dim(line)}`);
  }
  lines.push('', summaryLine(report, style));
  return `${lines.join('\n')}\n`;
}

export function summaryLine(report: DoctorReport, style?: Style): string {
  const count = (status: Status) => report.checks.filter((c) => c.status === status).length;
  const text = `${count('pass')} passed, ${count('warn')} warning${count('warn') === 1 ? '' : 's'}, ${count('fail')} failed, ${count('skip')} skipped`;
  const verdict = report.ok ? 'ready' : `not ready${report.strict ? ' (--strict: warnings fail)' : ''}`;
  const paint = style ? (report.ok ? style.green : style.red) : (s: string) => s;
  return `${paint(verdict)}: ${text}`;
}

/** design.md: {"ok","checks":[{"id","title","status","detail","fix"}]}, plus fields that only add. */
export function renderJson(report: DoctorReport, version: string) {
  return {
    ok: report.ok,
    strict: report.strict,
    version,
    checks: report.checks.map((c: CheckResult) => ({
      id: c.id,
      title: c.title,
      status: c.status,
      detail: c.detail,
      fix: c.fix ?? null,
      cause: c.cause ?? null,
      info: c.info ?? [],
    })),
  };
}

/** GitHub Actions workflow commands: failures as ::error, warnings as ::warning, the rest as log lines. */
export function renderGithub(report: DoctorReport): string {
  const lines: string[] = [];
  for (const check of report.checks) {
    const title = escapeProperty(`bedrock-claude doctor: ${check.title}`);
    const message = escapeData(check.fix ? `${check.detail.replace(/\.$/, '')}. Fix: ${check.fix}` : check.detail);
    if (check.status === 'fail') lines.push(`::error title=${title}::${message}`);
    else if (check.status === 'warn') lines.push(`::warning title=${title}::${message}`);
    else lines.push(`${SYMBOLS[check.status]} ${check.title}: ${check.detail}`);
  }
  lines.push(summaryLine(report));
  return `${lines.join('\n')}\n`;
}

/** The escaping rules of workflow commands (actions/toolkit's command.ts). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
