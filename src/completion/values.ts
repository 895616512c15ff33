// What the value of an option or argument completes to, and the word lists that come from data:
// model names from the catalog, its regions, the scopes. Lists are sorted so the generated
// scripts are byte-for-byte reproducible.
import type { Argument, Option } from 'commander';
import { catalog, knownRegions, tiers, type Catalog } from '../catalog/index.js';
import { SCOPES } from '../config/load.js';

export type ValueKind =
  /** A flag: takes no value. */
  | { kind: 'none' }
  /** Free text (a prompt, a number, a name): nothing to offer. */
  | { kind: 'text' }
  | { kind: 'file' }
  | { kind: 'directory' }
  /** Aliases and model IDs from the catalog. */
  | { kind: 'model' }
  | { kind: 'region' }
  | { kind: 'scope' }
  | { kind: 'choices'; choices: string[] };

/** Options whose value is named by the option itself rather than by its placeholder. */
const BY_LONG_NAME: Record<string, ValueKind> = {
  '--model': { kind: 'model' },
  '--region': { kind: 'region' },
  '--scope': { kind: 'scope' },
};

/** Placeholders ("<file>", "<dir>") that mean a path on disk. "<text|@file>" is text. */
const BY_PLACEHOLDER: Record<string, ValueKind> = {
  file: { kind: 'file' },
  dir: { kind: 'directory' },
  directory: { kind: 'directory' },
};

export function valueKindOfOption(option: Option): ValueKind {
  if (!option.required && !option.optional) return { kind: 'none' };
  if (option.argChoices) return { kind: 'choices', choices: [...option.argChoices] };
  const byName = option.long ? BY_LONG_NAME[option.long] : undefined;
  if (byName) return byName;
  const placeholder = /[<[]([^>\]]+?)(?:\.\.\.)?[>\]]/.exec(option.flags)?.[1];
  return (placeholder && BY_PLACEHOLDER[placeholder]) || { kind: 'text' };
}

export function valueKindOfArgument(argument: Argument): ValueKind {
  if (argument.argChoices) return { kind: 'choices', choices: [...argument.argChoices] };
  const name = argument.name();
  if (name === 'model') return { kind: 'model' };
  return BY_PLACEHOLDER[name] ?? { kind: 'text' };
}

/** Tier aliases, versioned aliases, base model IDs and inference-profile IDs of every model that
 *  has not reached end of life: aliases first, then IDs, each group sorted. */
export function modelWords(from: Catalog = catalog): string[] {
  const models = from.models.filter((m) => m.lifecycle.value.status !== 'end-of-life');
  const aliases = new Set([...tiers(from), ...models.flatMap((m) => m.aliases)]);
  const ids = new Set(models.flatMap((m) => [m.id, ...m.profiles.value.map((prefix) => `${prefix}.${m.id}`)]));
  return [...sorted(aliases), ...sorted(ids)];
}

export function regionWords(from: Catalog = catalog): string[] {
  return sorted(knownRegions(from));
}

export function scopeWords(): string[] {
  return [...SCOPES];
}

function sorted(words: Iterable<string>): string[] {
  return [...words].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The word lists a script embeds. */
export interface WordLists {
  model: string[];
  region: string[];
  scope: string[];
}

export function wordLists(): WordLists {
  return { model: modelWords(), region: regionWords(), scope: scopeWords() };
}
