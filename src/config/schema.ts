// The config file format: which keys exist and what each must hold.
// Unknown keys and wrong types are errors naming the file, the key and what was expected.
import { configError } from '../errors.js';

export interface FileConfig {
  region?: string;
  profile?: string;
  model?: string;
  scope?: string;
  maxTokens?: number;
  maxAttempts?: number;
  retryMode?: string;
  aliases?: Record<string, string>;
  endpointUrl?: string;
}

type Check = (value: unknown) => string | undefined;

const nonEmptyString: Check = (v) => (typeof v === 'string' && v.trim() !== '' ? undefined : 'a non-empty string');
const positiveInteger: Check = (v) => (Number.isInteger(v) && (v as number) > 0 ? undefined : 'a positive integer');
const aliasMap: Check = (v) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'an object mapping alias names to model IDs';
  for (const [name, target] of Object.entries(v)) {
    if (typeof target !== 'string' || target.trim() === '') return `an object of strings (alias "${name}" is not a string)`;
  }
  return undefined;
};

const KEYS: Record<keyof FileConfig, Check> = {
  region: nonEmptyString,
  profile: nonEmptyString,
  model: nonEmptyString,
  scope: nonEmptyString,
  maxTokens: positiveInteger,
  maxAttempts: positiveInteger,
  retryMode: nonEmptyString,
  aliases: aliasMap,
  endpointUrl: nonEmptyString,
};

export const CONFIG_KEYS = Object.keys(KEYS) as Array<keyof FileConfig>;

export function parseConfigFile(text: string, path: string): FileConfig {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw configError(`config file ${path} is not valid JSON: ${(err as Error).message}`, 'Fix the JSON syntax (a trailing comma or a missing quote is the usual cause).');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw configError(`config file ${path} must hold a JSON object`, `Write an object such as {"region": "us-east-1", "model": "sonnet"}.`);
  }
  for (const [key, value] of Object.entries(data)) {
    const check = KEYS[key as keyof FileConfig];
    if (!check) {
      throw configError(`config file ${path}: unknown key "${key}"`, `Known keys: ${CONFIG_KEYS.join(', ')}.`);
    }
    const expected = check(value);
    if (expected) {
      throw configError(`config file ${path}: key "${key}" must be ${expected}, got ${JSON.stringify(value)}`, `Set "${key}" to ${expected}.`);
    }
  }
  return data as FileConfig;
}
