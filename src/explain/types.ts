// Shapes shared by the explain engine: what goes in (an error and what is known about the request)
// and what comes out (cause, plain-words explanation, fix).
import type { Catalog } from '../catalog/index.js';
import type { Cause } from '../errors.js';
import type { LiveRegionData } from '../resolver.js';

/** The API that failed, as `explain --api` names it. */
export const APIS = ['invoke', 'converse', 'messages', 'count-tokens', 'control-plane'] as const;
export type Api = (typeof APIS)[number];

/** What is known about the request that failed. Every field is optional: explain works offline with none. */
export interface ExplainContext {
  /** What the user passed to -m: alias, model ID, profile ID or ARN. */
  model?: string;
  region?: string;
  api?: Api | string;
  /** User aliases from the config file (name → model ID). */
  aliases?: Record<string, string>;
  /** ISO date for lifecycle checks (tests pin it); defaults to today. */
  today?: string;
  catalog?: Catalog;
  live?: LiveRegionData;
}

/** An error as the SDK or the parser gives it. */
export interface ErrorInput {
  exception?: string;
  message: string;
  httpStatus?: number;
  operation?: string;
}

/** The IAM permissions a fix needs: actions and the ARNs to allow them on. */
export interface IamFix {
  actions: string[];
  resources: string[];
  note?: string;
}

export interface Explanation {
  cause: Cause;
  /** The AWS error code or Anthropic error type, when known. */
  exception: string | null;
  /** Bedrock's message, unwrapped. */
  message: string;
  /** What the error means, in plain words. */
  explanation: string;
  /** What to do: the corrected ID, the permission, the console page or command. */
  fix: string;
  /** Model IDs that would work, best first. */
  suggestions?: string[];
  iam?: IamFix;
  httpStatus?: number;
  operation?: string;
  /** Which rule matched ("unknown" when none did). */
  rule: string;
}
