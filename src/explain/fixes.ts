// Building blocks for the rules' explanations and fixes: the facts a rule sees, console pages,
// commands, and the catalog's verdict turned into words. Pure.
import type { Cause } from '../errors.js';
import { formatTokens } from '../render/format.js';
import { iamFor } from './iam.js';
import { profileIdsFor, replacementFor, type ModelVerdict } from './model.js';
import type { Api, ExplainContext, IamFix } from './types.js';
import { formatNumber } from '../render/format.js';

/** What a rule sees. */
export interface Facts {
  exception?: string;
  /** Bedrock's message as given. */
  message: string;
  /** The message with typographic quotes made straight, for matching. */
  text: string;
  /** The rule's message regex match, when it has one. */
  match: RegExpMatchArray | null;
  httpStatus?: number;
  api?: Api;
  region?: string;
  context: ExplainContext;
  /** The catalog's verdict on the request's model (-m, or an ID named in the message). */
  verdict?: ModelVerdict;
}

/** What a rule concludes. `cause` overrides the rule's default (context-dependent rules). */
export interface Diagnosis {
  cause?: Cause;
  explanation: string;
  fix: string;
  suggestions?: string[];
  iam?: IamFix;
}

export const regionOf = (f: Facts) => f.region ?? '<region>';

export const bedrockConsole = (f: Facts) => `https://console.aws.amazon.com/bedrock/home${f.region ? `?region=${f.region}` : ''}`;

export const quotasConsole = (f: Facts) =>
  `https://console.aws.amazon.com/servicequotas/home/services/bedrock/quotas${f.region ? `?region=${f.region}` : ''}`;

/** The model as the user named it, or a placeholder. */
export const modelOf = (f: Facts) => f.verdict?.input ?? f.context.model ?? '<model>';

export const resolveCommand = (f: Facts) => `\`bedrock-claude models resolve ${modelOf(f)} --region ${regionOf(f)}\``;

export function iam(f: Facts): IamFix {
  return iamFor({ message: f.text, api: f.api, region: f.region, verdict: f.verdict });
}

export function orList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** "The catalog says: …" when the resolver refuses the model; undefined when it accepts or there is no model. */
export function refusal(f: Facts): Diagnosis | undefined {
  const v = f.verdict;
  if (!v || v.accepted || !v.cause) return undefined;
  return {
    cause: v.cause,
    explanation: `${v.reason ?? `${v.input} is refused by the catalog`}.`,
    fix: v.fix ?? resolveCommand(f),
    suggestions: v.suggestions.length > 0 ? v.suggestions : undefined,
  };
}

/** Sentence on the replacement of a legacy/retired model, when the catalog knows one. */
export function replacementHint(f: Facts): { text: string; suggestions?: string[] } {
  const model = f.verdict?.model;
  const replacement = replacementFor(model, f.context);
  if (replacement) {
    return {
      text: `Move to ${replacement.name}: -m ${replacement.aliases[0] ?? replacement.id} (or -m ${replacement.tier}, the newest active ${replacement.tier} model).`,
      suggestions: [replacement.id],
    };
  }
  return { text: `Move to an active model: -m sonnet, -m opus or -m haiku picks the newest one; \`bedrock-claude models list --region ${regionOf(f)}\` lists them with their lifecycle.` };
}

/** Profile IDs that call the base model named in the message or the context. */
export function profileSuggestions(f: Facts, baseId: string | undefined): string[] {
  return baseId ? profileIdsFor(baseId, f.context) : [];
}

/** "Claude Sonnet 4.5 allows 64K output tokens and a 200K context window." */
export function limitsSentence(f: Facts): string {
  const model = f.verdict?.model;
  if (!model) return '';
  return ` ${model.name} allows ${formatTokens(model.maxOutputTokens.value)} output tokens and a ${formatTokens(model.contextWindow.value)}-token context window.`;
}

export const n = (digits: string | undefined) => (digits ? formatNumber(Number(digits.replace(/[,_]/g, ''))) : '?');
