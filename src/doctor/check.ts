// Small helpers every check uses: the verdict builders, and the reasons later checks are skipped for.
import { CAUSES, type Cause, type CliError } from '../errors.js';
import type { CheckDefinition, CheckId, CheckResult, DoctorContext, Extra, Verdicts } from './types.js';

export function defineCheck(id: CheckId, title: string, run: CheckDefinition['run']): CheckDefinition {
  return { id, title, run };
}

export function verdicts(id: CheckId, title: string): Verdicts {
  const make = (status: CheckResult['status'], detail: string, fix: string | undefined, extra: Extra = {}): CheckResult => ({
    id,
    title,
    status,
    detail,
    ...(fix ? { fix } : {}),
    ...(extra.cause ? { cause: extra.cause } : {}),
    ...(extra.info && extra.info.length > 0 ? { info: extra.info } : {}),
  });
  return {
    pass: (detail, extra) => make('pass', detail, undefined, extra),
    warn: (detail, fix, extra) => make('warn', detail, fix, extra),
    fail: (detail, fix, extra) => make('fail', detail, fix, extra),
    skip: (detail, extra) => make('skip', detail, undefined, extra),
  };
}

/** Why a check that needs signed AWS calls cannot make them, or undefined when it can. */
export function cannotSign(ctx: DoctorContext): string | undefined {
  const { auth, credentialsRefused } = ctx.facts;
  if (!auth) return 'the credentials were not checked';
  if (auth.kind === 'none') return 'no credentials (see Credentials)';
  if (credentialsRefused) return `AWS refused the credentials (${credentialsRefused})`;
  return undefined;
}

/** Why a check that needs a region and settings cannot run, or undefined when it can. */
export function noRegion(ctx: DoctorContext): string | undefined {
  if (!ctx.facts.settings) return 'the configuration could not be read (see Config)';
  if (!ctx.facts.region) return 'no region is set (see Region)';
  return undefined;
}

/** "in 3h 12m", "in 45s", "12m ago". */
export function relativeTime(target: Date, now: Date): string {
  const ms = target.getTime() - now.getTime();
  const span = formatSpan(Math.abs(ms));
  return ms >= 0 ? `in ${span}` : `${span} ago`;
}

export function formatSpan(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h ${minutes % 60}m`;
  return `${Math.floor(hours / 24)}d`;
}

/** 2026-11-21T12:34:56.000Z → "2026-11-21 12:34 UTC". */
export function utc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The shared cause code of an error, if it has one (not the CLI-local usage/config/internal). */
export function causeOf(err: CliError): Cause | undefined {
  return (CAUSES as readonly string[]).includes(err.causeCode) ? (err.causeCode as Cause) : undefined;
}
