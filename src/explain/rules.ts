// The rule table: (exception name and/or message pattern and/or HTTP status) → cause, plain-words
// explanation and fix. The first rule that matches wins, so message rules come before the
// exception-only and status-only fallbacks at the end. To teach explain a new message, add a row
// (and a test with the real text and where it was seen).
//
// Patterns run on the message with typographic quotes straightened ("isn’t" → "isn't").
import type { Cause } from '../errors.js';
import {
  bedrockConsole,
  iam,
  limitsSentence,
  modelOf,
  n,
  orList,
  profileSuggestions,
  quotasConsole,
  refusal,
  regionOf,
  replacementHint,
  resolveCommand,
  type Diagnosis,
  type Facts,
} from './fixes.js';
import { deniedIn, MARKETPLACE_ACTIONS } from './iam.js';

export interface Rule {
  id: string;
  cause: Cause;
  /** Any of these exception names / Anthropic error types (case-insensitive). */
  exception?: readonly string[];
  message?: RegExp;
  status?: (status: number) => boolean;
  diagnose: (facts: Facts) => Diagnosis;
}

const AUTH_EXCEPTIONS = ['UnrecognizedClientException', 'InvalidSignatureException', 'IncompleteSignatureException', 'ExpiredTokenException', 'ExpiredToken', 'InvalidClientTokenId', 'SignatureDoesNotMatch'];

export const RULES: readonly Rule[] = [
  // ─── credentials and clock (before anything that matches "invalid" or 403) ──────────────────
  {
    id: 'signature-expired',
    cause: 'clock-skew',
    message: /Signature expired:\s*(\d{8}T\d{6}Z) is now earlier than (\d{8}T\d{6}Z) \((\d{8}T\d{6}Z) - (\d+) min\.?\)/i,
    diagnose: (f) => {
      const [, signed, , now, minutes] = f.match ?? [];
      const skew = signed && now ? Math.round((stamp(now) - stamp(signed)) / 60000) : undefined;
      return {
        explanation:
          `AWS refused the request because its signature is too old: it was signed at ${signed}, AWS's clock said ${now}` +
          `${skew !== undefined ? ` (${skew} min later)` : ''}, and a signature is valid for ${minutes ?? 5} minutes. ` +
          "Either this machine's clock is behind, or the request was signed long before it was sent (a long queue, retry loop or proxy).",
        fix: "Sync the clock (Linux: `sudo timedatectl set-ntp true`; macOS: `sudo sntp -sS time.apple.com`; Windows: `w32tm /resync`). If the clock is right, sign each request just before sending it.",
      };
    },
  },
  {
    id: 'signature-not-yet-current',
    cause: 'clock-skew',
    message: /Signature not yet current|Request has expired|request time and the current time is too large|clock skew/i,
    diagnose: () => ({
      explanation: "The request's signing time is too far from AWS's time, so AWS refused the signature. This machine's clock is off.",
      fix: "Sync the clock with NTP (Linux: `sudo timedatectl set-ntp true`; macOS: `sudo sntp -sS time.apple.com`) and retry.",
    }),
  },
  {
    id: 'credential-scope-region',
    cause: 'endpoint-config',
    message: /credential (?:should|must) be scoped to a valid region(?:, not '([^']*)')?/i,
    diagnose: (f) => ({
      explanation:
        `The request was signed for ${f.match?.[1] !== undefined ? `region '${f.match[1]}'` : 'a region'} that does not match the endpoint it was sent to. ` +
        'This happens when the endpoint URL names one region and the signing region (--region, AWS_REGION) another, or when the region name is wrong.',
      fix: `Make --region (${regionOf(f)}) and the endpoint agree: drop --endpoint-url / AWS_ENDPOINT_URL_BEDROCK_RUNTIME, or point it at bedrock-runtime.${regionOf(f)}.amazonaws.com. A Bedrock API key also works only in the region it was created for.`,
    }),
  },
  {
    id: 'credential-scope-service',
    cause: 'endpoint-config',
    message: /Credential should be scoped to correct service:?\s*'?([\w-]*)'?/i,
    diagnose: (f) => ({
      explanation: `The request was signed for the wrong AWS service${f.match?.[1] ? `: this endpoint expects '${f.match[1]}'` : ''}. InvokeModel and Converse are signed as "bedrock" (not "bedrock-runtime"); the Messages API on bedrock-mantle as "bedrock-mantle".`,
      fix: 'Sign with the service name the endpoint expects, or check that --endpoint-url points at the service you meant (bedrock-runtime.<region>.amazonaws.com for InvokeModel/Converse).',
    }),
  },
  {
    id: 'token-expired',
    cause: 'bad-credentials',
    message: /security token included in the request is expired|ExpiredToken|token (?:has |is )?expired|SSO session associated with this profile has expired/i,
    diagnose: () => ({
      explanation: 'The temporary credentials (STS session token, SSO session or assumed role) have expired, so AWS rejects every request signed with them.',
      fix: `Refresh them: \`aws sso login --profile <profile>\` for SSO, or assume the role again / export a new AWS_SESSION_TOKEN. Long jobs need credentials that last longer than the job (or a profile the SDK can refresh).`,
    }),
  },
  {
    id: 'token-invalid',
    cause: 'bad-credentials',
    message: /security token included in the request is invalid|UnrecognizedClient|InvalidClientTokenId|The AWS Access Key Id you provided does not exist/i,
    diagnose: () => ({
      explanation:
        'AWS does not recognise the access key or session token: the key was deleted or mistyped, a temporary key is used without its AWS_SESSION_TOKEN (or with a stale one), or the credentials belong to another partition (GovCloud, China).',
      fix: 'Check which credentials are used (`aws sts get-caller-identity`), then set AWS_PROFILE or fresh AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN together.',
    }),
  },
  {
    id: 'signature-mismatch',
    cause: 'bad-credentials',
    message: /request signature we calculated does not match the signature you provided/i,
    diagnose: () => ({
      explanation: 'The signature does not match: the secret access key does not belong to the access key ID (a typo or a pasted newline), or a proxy changed the request after it was signed.',
      fix: 'Re-enter AWS_SECRET_ACCESS_KEY (or the profile in ~/.aws/credentials) and check `aws sts get-caller-identity`; send requests to Bedrock without a rewriting proxy.',
    }),
  },
  {
    id: 'no-credentials',
    cause: 'bad-credentials',
    message: /Could not load credentials from any providers|Unable to locate credentials|NoCredentialProviders|credentials? (?:is|are) missing/i,
    diagnose: () => ({
      explanation: 'No AWS credentials were found: no environment variables, no profile with keys or SSO, no role. (A Bedrock API key alone does not help a client that only signs with SigV4.)',
      fix: 'Set AWS_PROFILE (then `aws sso login` if it uses SSO), or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or AWS_BEARER_TOKEN_BEDROCK for a Bedrock API key.',
    }),
  },
  {
    id: 'api-key',
    cause: 'bad-credentials',
    message: /Invalid API Key format|make sure your API Key is valid|API key (?:is )?(?:invalid|expired)|bearer token (?:is )?(?:invalid|expired)/i,
    diagnose: (f) => ({
      explanation: 'Bedrock rejected the API key (AWS_BEARER_TOKEN_BEDROCK): it is malformed, expired (short-term keys last at most 12 hours) or was created in another region; keys work only in their own region.',
      fix: `Create a new key in the Bedrock console for ${regionOf(f)} (${bedrockConsole(f)} → API keys) and export it as AWS_BEARER_TOKEN_BEDROCK, or unset it to use IAM credentials.`,
    }),
  },
  {
    id: 'missing-auth-token',
    cause: 'bad-credentials',
    message: /Missing Authentication Token/i,
    diagnose: () => ({
      explanation: 'The request reached AWS unsigned (or at a URL path that does not exist, which AWS answers the same way).',
      fix: 'Give the client credentials (AWS_PROFILE, access keys or AWS_BEARER_TOKEN_BEDROCK) and check that --endpoint-url has no extra path.',
    }),
  },

  // ─── model ID, profile, region ──────────────────────────────────────────────────────────
  {
    id: 'on-demand-not-supported',
    cause: 'needs-inference-profile',
    message: /(?:Invocation of model ID (\S+?) )?with on-demand throughput (?:isn't|is not) supported/i,
    diagnose: (f) => {
      const id = f.match?.[1] ?? f.verdict?.baseModelId;
      const v = f.verdict;
      const routed = v && !v.accepted && (v.cause === 'needs-inference-profile' || v.cause === 'prefix-region-mismatch') ? v.suggestions : [];
      const suggestions = routed.length > 0 ? routed : profileSuggestions(f, id);
      const retired = v && !v.accepted && v.cause === 'model-end-of-life' ? ` Note: ${v.reason}; ${v.fix ?? 'move to an active model'}` : '';
      return {
        explanation:
          `${id ?? 'This model'} cannot be called by its bare model ID in ${f.region ?? 'this region'}: Bedrock serves it only through an inference profile, ` +
          `whose ID is the model ID with a routing prefix (global., us., eu., jp., apac., au.).${retired}`,
        fix:
          suggestions.length > 0
            ? `Use ${orList(suggestions)}${f.region ? '' : ' (the prefix must cover your region)'}; -m with an alias (e.g. -m sonnet) picks one for you.`
            : `Prefix the ID with global. or your region's geography (us., eu., jp., apac., au.): ${id ? `global.${id}` : 'global.<model-id>'}. \`bedrock-claude models resolve <model> --region <region>\` prints the one to use.`,
        suggestions: suggestions.length > 0 ? suggestions : undefined,
      };
    },
  },
  {
    id: 'invalid-model-identifier',
    cause: 'unknown-model-id',
    message: /provided model identifier is invalid|Value '[^']*' at 'modelId' failed to satisfy constraint|model identifier is invalid/i,
    diagnose: (f) => {
      const refused = refusal(f);
      if (refused) {
        return { ...refused, explanation: `Bedrock does not know this model ID in ${regionOf(f)}. The catalog says why: ${refused.explanation}` };
      }
      if (f.verdict?.accepted && f.region) {
        return {
          cause: 'model-not-in-region',
          explanation:
            `Bedrock does not know ${f.verdict.modelId ?? f.verdict.input} in ${f.region}, although the built-in catalog sees nothing wrong with it` +
            `${f.verdict.reason ? ` (${f.verdict.reason})` : ''}. The model (or that profile) is probably not offered in ${f.region} for this account yet, or the catalog is out of date.`,
          fix: `List what ${f.region} really offers: \`bedrock-claude models list --region ${f.region} --refresh\`; or try another region with --region.`,
        };
      }
      return {
        explanation:
          'Bedrock does not recognise this model ID in the region the request went to. The usual causes: a typo or a wrong version suffix (a stray ":0", a wrong date), ' +
          'an inference-profile prefix whose geography does not include the calling region (us. from eu-central-1, apac. from Tokyo where jp. is meant), or a model not offered in that region.',
        fix: `Give explain the context to decide: --model <the ID you sent> --region <region>; or check it with \`bedrock-claude models resolve <model> --region <region>\`, which prints the corrected ID.`,
      };
    },
  },
  {
    id: 'end-of-life',
    cause: 'model-end-of-life',
    message: /reached the end of its life|model (?:version )?(?:has been |is )?(?:retired|deprecated and no longer available)|end of life/i,
    diagnose: (f) => {
      const hint = replacementHint(f);
      return {
        explanation: `${f.verdict?.model ? `${f.verdict.model.name} (${f.verdict.model.id})` : 'This model version'} has been retired: Bedrock no longer serves it to anyone, in any region.`,
        fix: hint.text,
        suggestions: hint.suggestions,
      };
    },
  },
  {
    id: 'legacy-inactive',
    cause: 'model-end-of-life',
    message: /marked by provider as Legacy and you have not been actively using the model in the last (\d+) days/i,
    diagnose: (f) => {
      const hint = replacementHint(f);
      return {
        explanation:
          `${f.verdict?.model ? f.verdict.model.name : 'This model'} is a legacy version: Bedrock keeps serving it only to accounts that used it in the last ${f.match?.[1] ?? '15–30'} days, and this account did not. ` +
          'Access cannot be re-enabled.',
        fix: hint.text,
        suggestions: hint.suggestions,
      };
    },
  },
  {
    id: 'wrong-api-for-model',
    cause: 'endpoint-config',
    message: /does not support the '([^']+)' API|This action doesn't support the model|doesn't support counting tokens|model doesn't support the (\w+) operation/i,
    diagnose: (f) => messagesModelOnConverse(f) ?? {
      explanation: /count/i.test(f.text)
        ? 'CountTokens does not take this model ID: it accepts bare foundation-model IDs of some models, not inference-profile IDs or profile-only models.'
        : `This model is not served by the API the request used${f.match?.[1] ? ` (${f.match[1]})` : ''}. Claude models answer on InvokeModel/Converse and, for the newest ones, the Anthropic Messages API; not every model on every route.`,
      fix: /count/i.test(f.text)
        ? 'Count with the base model ID (no global./us. prefix) where CountTokens supports it, or use an estimate: `bedrock-claude cost estimate` works offline.'
        : `Use the API the model supports: \`bedrock-claude models resolve ${modelOf(f)}\` prints its integration (bedrock-runtime or messages-api).`,
    },
  },
  {
    id: 'profile-not-found',
    cause: 'model-not-in-region',
    message: /(?:inference profile|model) .{0,120}(?:not found|does not exist|could not be found)|The model '[^']+' does not exist/i,
    diagnose: (f) =>
      refusal(f) ?? {
        explanation: `Bedrock found no such model or inference profile in ${regionOf(f)}: it is not offered there (or not to this account), the prefix is wrong for the region, or the ID is misspelt.`,
        fix: `Check the ID: ${resolveCommand(f)}; \`bedrock-claude models list --region ${regionOf(f)} --refresh\` lists what the region offers.`,
      },
  },

  // ─── access: marketplace, use-case form, account ────────────────────────────────────────
  {
    id: 'explicit-deny',
    cause: 'iam-permission',
    message: /with an explicit deny in an? ([\w -]+?policy)/i,
    diagnose: (f) => {
      const denied = deniedIn(f.text);
      const policy = f.match?.[1] ?? 'policy';
      const scp = /service control policy/i.test(policy);
      return {
        explanation:
          `An explicit Deny in ${/^[aeiou]/i.test(policy) ? 'an' : 'a'} ${policy} blocks ${denied.action ?? 'the action'}${denied.resource ? ` on ${denied.resource}` : ''}. ` +
          `An explicit deny beats every allow, so no permission added to the role can fix it.${scp ? ' SCPs that pin allowed regions also block global. profiles, which route to any region.' : ''}`,
        fix: scp
          ? 'Ask your AWS Organization admins to allow it in the SCP, or use a route the SCP allows (a geographic profile such as us./eu., or an in-region model ID).'
          : `Remove or narrow the Deny statement in the ${policy} (or ask whoever owns it).`,
        iam: iam(f),
      };
    },
  },
  {
    id: 'marketplace',
    cause: 'no-model-access',
    message: /aws-marketplace:|AWS Marketplace (?:actions|subscription)/i,
    diagnose: (f) => ({
      explanation:
        "The model is sold through AWS Marketplace, and the account has no subscription to it yet. Bedrock subscribes the account on the first call, but this caller's role may not perform the Marketplace actions. " +
        'After the permission is fixed, the subscription can take a few minutes to go through.',
      fix:
        'Let an admin (or this role) call the model once with aws-marketplace:ViewSubscriptions and aws-marketplace:Subscribe allowed, or accept the offer from the CLI: ' +
        '`aws bedrock list-foundation-model-agreement-offers --model-id <model-id>` then `aws bedrock create-foundation-model-agreement --model-id <model-id> --offer-token <token>`. Retry after ~5 minutes.',
      iam: {
        actions: MARKETPLACE_ACTIONS,
        resources: ['*'],
        note: 'Needed once per account, for the first call of a Marketplace-offered model; limit it with the condition aws:CalledViaLast = bedrock.amazonaws.com.',
      },
    }),
  },
  {
    id: 'use-case-form',
    cause: 'no-model-access',
    message: /use case details have not been submitted|use-case form|use case (?:details )?form/i,
    diagnose: (f) => ({
      explanation:
        'Anthropic models need a one-time use-case form per AWS account (or per Organization, submitted from the management account), and it has not been submitted for this account. ' +
        'After submitting, access can take up to 15 minutes.',
      fix: `Open the Bedrock console (${bedrockConsole(f)}), pick any Anthropic model in the Model catalog and submit the use-case details; then retry in 15 minutes.`,
    }),
  },
  {
    id: 'data-retention',
    cause: 'no-model-access',
    message: /data retention mode '([\w-]+)' is not available for this model/i,
    diagnose: (f) => ({
      explanation: `This model is served only under certain data-retention modes, and the account's mode ('${f.match?.[1]}') is not one of them. It is an account setting, not a problem with the request.`,
      fix: `Set the account's data retention mode to one the model allows (Bedrock console ${bedrockConsole(f)} → Settings, or the PutAccountDataRetention API), or call it through a Bedrock project opted into that mode.`,
    }),
  },
  {
    id: 'no-access-to-model',
    cause: 'no-model-access',
    message: /(?:don't|do not) have (?:access|permission to access) (?:to )?the model|not authorized to access this model|Model access is denied|Your account is not authorized to invoke this API operation|access to (?:this|the) model (?:is not|has not been) (?:enabled|granted)/i,
    diagnose: (f) => ({
      explanation:
        `This account has no access to ${f.verdict?.model?.name ?? 'the model'} in ${regionOf(f)}: access was never enabled (Marketplace subscription, the Anthropic use-case form), ` +
        'it is being set up, or the account is not allowed to use it. With an inference profile, access is needed in the regions it routes to.',
      fix:
        `Open the model in the Bedrock console (${bedrockConsole(f)} → Model catalog) and request/enable access; check it with ` +
        `\`aws bedrock get-foundation-model-availability --model-id ${f.verdict?.baseModelId ?? '<base-model-id>'} --region ${regionOf(f)}\`.`,
    }),
  },
  {
    id: 'operation-not-allowed',
    cause: 'no-model-access',
    message: /^Operation not allowed\.?$/i,
    diagnose: () => ({
      explanation:
        'Bedrock refuses every model call for this account ("Operation not allowed"): the account is not yet allowed to use Bedrock inference, typically a new account still under verification, or one with a billing or usage restriction.',
      fix: 'Open an AWS Support case (Account and billing) asking for Bedrock model access for this account and region; check that a valid payment method is set.',
    }),
  },

  // ─── IAM ────────────────────────────────────────────────────────────────────────────────
  {
    id: 'not-authorized',
    cause: 'iam-permission',
    message: /is not authorized to perform:?\s*([\w-]+:[\w*]+)/i,
    diagnose: (f) => {
      const denied = deniedIn(f.text);
      const why = f.text.match(/because no ([\w -]+?policy) allows/i)?.[1];
      const profile = /inference-profile\//.test(denied.resource ?? '') || Boolean(f.verdict?.prefix);
      return {
        explanation:
          `${denied.principal ? `${denied.principal} may not` : 'The caller may not'} call ${denied.action}${denied.resource ? ` on ${denied.resource}` : ''}` +
          `${why ? `: no ${why} allows it` : ''}.` +
          (profile ? ' An inference profile needs the permission on the profile ARN and on the foundation-model ARN in every region it routes to.' : ''),
        fix: 'Add an Allow statement for these actions and resources to the role or user (and to any permissions boundary or session policy in use).',
        iam: iam(f),
      };
    },
  },

  // ─── request body ───────────────────────────────────────────────────────────────────────
  {
    id: 'thinking-budget',
    cause: 'thinking-config',
    message: /budget_tokens|thinking budget/i,
    diagnose: (f) => ({
      explanation: /greater than or equal to 1024|>= ?1024|at least 1024/.test(f.text)
        ? 'The extended-thinking budget (thinking.budget_tokens) is below the minimum of 1,024 tokens.'
        : /max_tokens/.test(f.text)
          ? 'max_tokens must be greater than thinking.budget_tokens: the thinking budget is part of the output, so max_tokens has to leave room for the answer.'
          : 'The extended-thinking budget (thinking.budget_tokens) is not accepted for this model or request.',
      fix:
        'Use a budget of at least 1,024 tokens and below max_tokens (for example --thinking 4096 --max-tokens 8192). ' +
        'Models with adaptive thinking only (Opus 4.7 and later) take thinking.type "adaptive" with no budget.',
    }),
  },
  {
    id: 'thinking-temperature',
    cause: 'thinking-config',
    message: /temperature may only be set to 1 when thinking is enabled|thinking.{0,40}(?:temperature|top_[pk])|(?:temperature|top_[pk]).{0,60}thinking/i,
    diagnose: () => ({
      explanation: 'With extended thinking enabled, temperature must be 1 and top_k cannot be set (top_p only between 0.95 and 1).',
      fix: 'Drop --temperature/top_k when using --thinking (or turn thinking off).',
    }),
  },
  {
    id: 'thinking-blocks',
    cause: 'thinking-config',
    message: /redacted_thinking|`?thinking`? blocks?|must start with a thinking block|Invalid `?signature`? in `?thinking`?|thinking\.type|adaptive thinking|thinking\.(?:enabled|display)|thinking is enabled/i,
    diagnose: () => ({
      explanation:
        'The extended-thinking settings or the thinking blocks in the conversation history do not fit what the model accepts: with thinking on, earlier assistant turns must carry their thinking blocks unchanged (with signatures), ' +
        'and some models take only thinking.type "adaptive" (others only "enabled" with a budget).',
      fix: 'Send back the assistant\'s thinking blocks exactly as received (or drop thinking for the whole conversation), and use the thinking type the model supports: `bedrock-claude models resolve <model>` shows its capabilities.',
    }),
  },
  {
    id: 'temperature-top-p',
    cause: 'unsupported-parameter',
    message: /`?temperature`? and `?top_p`? cannot both be specified/i,
    diagnose: (f) => ({
      explanation: `${f.verdict?.model?.name ?? 'This model'} accepts temperature or top_p, not both (Claude Sonnet 4.5, Haiku 4.5 and later).`,
      fix: 'Send only one of them: drop top_p (topP in Converse inferenceConfig) and keep temperature, or the reverse.',
    }),
  },
  {
    id: 'sampling-not-supported',
    cause: 'unsupported-parameter',
    message: /`?(temperature|top_p|top_k|topP|topK)`? (?:is|are) (?:not supported|deprecated|not allowed|no longer supported)|(?:sampling parameters?|temperature|top_p|top_k).{0,40}not supported for this model/i,
    diagnose: (f) => ({
      explanation: `${f.verdict?.model?.name ?? 'This model'} does not take ${f.match?.[1] ?? 'sampling parameters'} (Claude Opus 4.7 and later drop temperature, top_p and top_k).`,
      fix: `Remove ${f.match?.[1] ?? 'temperature/top_p/top_k'} from the request.`,
    }),
  },
  {
    id: 'beta-flag',
    cause: 'beta-flag',
    message: /invalid beta flag|(?:unknown|unsupported|invalid) (?:anthropic[_-])?beta/i,
    diagnose: (f) => ({
      explanation:
        `Bedrock refused a flag in anthropic_beta: it accepts only the beta flags enabled for ${f.verdict?.model?.name ?? 'the model'} on Bedrock, and rejects the whole request for any other ` +
        '(the newest models accept few or none; flags sent by tools written for the Anthropic API are a common source).',
      fix: 'Remove the flag: drop --beta, or anthropic_beta from the body (Converse: additionalModelRequestFields.anthropic_beta). Claude Code: CLAUDE_CODE_DISABLE_EXPERIMENTAL_BETAS=1.',
    }),
  },
  {
    id: 'extra-inputs',
    cause: 'unsupported-parameter',
    message: /([\w.]+): Extra inputs are not permitted/,
    diagnose: (f) => {
      const field = f.match?.[1] ?? 'a field';
      if (/^anthropic_(?:version|beta)$/.test(field)) {
        return {
          cause: 'malformed-body',
          explanation: `${field} is a Bedrock InvokeModel body field, and this endpoint (the Anthropic Messages API) does not take it: the body was built for another API.`,
          fix: `Remove ${field} from the body (the Messages API takes the version as the anthropic-version header).`,
        };
      }
      return {
        explanation: `The request sets ${field}, which this model or endpoint does not accept (a field of the Anthropic API that Bedrock does not offer, such as tool fields like strict or defer_loading).`,
        fix: `Remove ${field} from the request.`,
      };
    },
  },
  {
    id: 'structured-output',
    cause: 'unsupported-parameter',
    message: /(?:output_config|output_format|structured outputs?|effort|strict).{0,60}(?:not supported|not available|unsupported)/i,
    diagnose: () => ({
      explanation: 'The request uses a feature this model does not have on Bedrock (structured outputs, effort, strict tools, …).',
      fix: 'Remove the field, or use a model and API that support it.',
    }),
  },
  {
    id: 'roles-alternate',
    cause: 'message-structure',
    message: /roles must alternate|must alternate between (?:"?user"? and "?assistant"?|user and assistant)|multiple "?(?:user|assistant)"? roles in a row/i,
    diagnose: () => ({
      explanation: 'The messages do not alternate between user and assistant: two turns of the same role follow each other (often a tool result followed by another user message).',
      fix: 'Merge consecutive same-role turns into one message (several content blocks are fine), so that roles alternate user, assistant, user, …',
    }),
  },
  {
    id: 'first-message-user',
    cause: 'message-structure',
    message: /conversation must start with a user message|first message must use the "?user"? role/i,
    diagnose: () => ({
      explanation: 'The conversation starts with an assistant turn; the first message must be from the user. (A system prompt goes in system, not in messages.)',
      fix: 'Start messages with a user turn, and move any instructions to --system.',
    }),
  },
  {
    id: 'empty-content',
    cause: 'message-structure',
    message: /must be non-empty|must have non-empty content|(?:content|text) field in the (?:Message|ContentBlock) object .{0,60}is (?:empty|blank)|expected minimum item count: 1|cannot end with trailing whitespace|content blocks? (?:is|are) empty/i,
    diagnose: (f) => {
      const at = f.text.match(/messages[.\/](\d+)(?:[.\/]content[.\/](\d+))?/);
      const where = at ? ` (message ${at[1]}${at[2] !== undefined ? `, content block ${at[2]}` : ''}, counting from 0)` : '';
      return {
        explanation: /trailing whitespace/.test(f.text)
          ? 'The last (prefilled) assistant message ends with whitespace, which the API refuses.'
          : `A message or content block is empty or only whitespace${where}. Bedrock refuses empty text blocks, empty content arrays and blank strings anywhere in the history.`,
        fix: /trailing whitespace/.test(f.text)
          ? 'Trim trailing spaces and newlines from the final assistant message.'
          : 'Drop empty messages and empty text blocks before sending (or put real text in them); check tool results and earlier assistant turns, not only the new prompt.',
      };
    },
  },
  {
    id: 'tool-pairing',
    cause: 'message-structure',
    message: /tool_use ids? were found without tool_result|tool_result blocks?.{0,80}(?:tool_use|corresponding)|unexpected `?tool_use_id`?|toolResult blocks? .{0,80}toolUse blocks?|toolUse.{0,40}toolResult/i,
    diagnose: () => ({
      explanation: "Tool calls and results do not pair up: every tool_use in an assistant turn needs a tool_result with the same id in the very next user turn, and no tool_result may refer to a tool_use that isn't there.",
      fix: 'Answer every tool_use of the last assistant turn with a tool_result (same id) in the next user message, and drop results whose tool_use was removed.',
    }),
  },
  // ─── limits ─────────────────────────────────────────────────────────────────────────────
  {
    id: 'max-tokens-over-limit',
    cause: 'token-limit',
    message: /max_tokens:?\s*([\d,]+)\s*>\s*([\d,]+)|maximum tokens you requested exceeds? the model limit of ([\d,]+)|max_tokens.{0,40}(?:exceeds|greater than|above).{0,40}(?:limit|maximum)/i,
    diagnose: (f) => {
      const limit = f.match?.[2] ?? f.match?.[3];
      return {
        explanation: `max_tokens${f.match?.[1] ? ` (${n(f.match[1])})` : ''} is above the model's output limit${limit ? ` of ${n(limit)} tokens` : ''}.${limitsSentence(f)}`,
        fix: `Lower --max-tokens${limit ? ` to ${n(limit)} or less` : ' to the model\'s limit'}.`,
      };
    },
  },
  {
    id: 'prompt-too-long',
    cause: 'token-limit',
    message: /prompt is too long:?\s*([\d,]+) tokens > ([\d,]+)|Input is too long|input (?:length|size) (?:exceeds|is too long)|too many (?:input )?tokens.{0,40}context/i,
    diagnose: (f) => ({
      explanation:
        (f.match?.[1] ? `The input is ${n(f.match[1])} tokens, over the model's ${n(f.match[2])}-token context window.` : "The input (system prompt, messages, tools and attachments) is longer than the model's context window.") +
        limitsSentence(f),
      fix: 'Shorten the input: trim the history, summarise earlier turns, send smaller files. Models with a 1M-token context (native, or via the context-1m beta where Bedrock offers it) take more.',
    }),
  },
  {
    id: 'image-too-large',
    cause: 'attachment-limit',
    message: /image exceeds ([\d.]+) ?MB maximum(?::\s*(\d+) bytes > (\d+) bytes)?|image dimensions exceed|image (?:size |file )?(?:is )?too large/i,
    diagnose: (f) => ({
      explanation:
        `An image is too large${f.match?.[2] ? `: ${n(f.match[2])} bytes after base64, above ${n(f.match[3])}` : ''}. Bedrock takes images up to ${f.match?.[1] ?? '5'} MB each (measured after base64, which adds a third) and 8,000 px on a side.`,
      fix: 'Resize or recompress the image (JPEG/WebP, under ~3.7 MB raw) before attaching it.',
    }),
  },
  {
    id: 'too-many-attachments',
    cause: 'attachment-limit',
    message: /too many images(?: and documents)?:?\s*(\d+)\s*\+\s*(\d+)\s*>\s*(\d+)|too many (?:images|documents)/i,
    diagnose: (f) => ({
      explanation: `The request carries more images and documents than allowed${f.match?.[3] ? ` (${Number(f.match[1]) + Number(f.match[2])} > ${f.match[3]})` : ''}, counting all turns of the history.`,
      fix: 'Send fewer attachments: drop old images from the history or combine pages into one document.',
    }),
  },
  {
    id: 'document-name',
    cause: 'attachment-limit',
    message: /document file name can only contain|document name .{0,40}(?:invalid|can only contain)/i,
    diagnose: () => ({
      explanation:
        'A document name breaks Bedrock\'s rules: only letters, digits, single spaces, hyphens, parentheses and square brackets, at most 200 characters (so no dots: "report.pdf" fails, "report" passes).',
      fix: 'Rename the document (bedrock-claude sends the file name without its extension); replace other characters with spaces or hyphens.',
    }),
  },
  {
    id: 'image-format',
    cause: 'attachment-limit',
    message: /image\.format|image format .{0,40}(?:not supported|invalid)|Could not process image|unsupported image|doesn't support the image field|document\.format|unsupported (?:document|file) (?:type|format)/i,
    diagnose: () => ({
      explanation: 'An attachment has a format the model does not take. Images: png, jpeg, gif or webp (lowercase names; "jpg" is refused). Documents: pdf, csv, doc, docx, xls, xlsx, html, txt, md.',
      fix: 'Convert the file to a supported format (and label it "jpeg", not "jpg").',
    }),
  },
  {
    id: 'payload-too-large',
    cause: 'attachment-limit',
    message: /payload size exceeds|Request payload .{0,40}(?:too large|exceeds)|request_too_large|Request Entity Too Large|Payload Too Large|(?:request|body) (?:is )?too large|document.{0,40}(?:exceeds|too large)/i,
    diagnose: () => ({
      explanation: 'The request is larger than Bedrock accepts (20 MB for the whole request, with attachments encoded in base64), or a document is above its own size limit.',
      fix: 'Send fewer or smaller attachments; split a large document into parts sent in separate requests.',
    }),
  },

  {
    id: 'malformed-input',
    cause: 'malformed-body',
    message: /Malformed input request|validation errors? detected|required key \[[\w.]+\] not found|extraneous key \[[\w.]+\] is not permitted|Field required|Request metadata contains a value that violates|anthropic_version/i,
    diagnose: (f) => {
      const extraneous = f.text.match(/extraneous key \[([\w.]+)\] is not permitted/)?.[1];
      const required = f.text.match(/required key \[([\w.]+)\] not found/)?.[1];
      const field = f.text.match(/at '([\w.]+)' failed to satisfy constraint/)?.[1];
      const details = [
        extraneous && `the body has a key the API does not know: "${extraneous}"`,
        required && `the body lacks the required key "${required}"`,
        field && `the field ${field} is invalid`,
      ].filter(Boolean);
      return {
        explanation:
          `The request body does not fit the API it was sent to${details.length > 0 ? `: ${details.join('; ')}` : ''}. ` +
          'InvokeModel with Claude expects the Anthropic Messages shape with "anthropic_version": "bedrock-2023-05-31", "max_tokens" and "messages"; Converse has its own shape (messages with content blocks, inferenceConfig).',
        fix: required === 'anthropic_version'
          ? 'Add "anthropic_version": "bedrock-2023-05-31" to the body.'
          : extraneous
            ? `Remove "${extraneous}" from the body (it belongs to another API or model).`
            : required
              ? `Add "${required}" to the body.`
              : 'Check the body against the API: `bedrock-claude invoke --dry-run` prints a valid one to compare with.',
      };
    },
  },

  // ─── throttling and service ─────────────────────────────────────────────────────────────
  {
    id: 'too-many-tokens',
    cause: 'throttling',
    message: /Too many tokens(?: per (day|minute))?|Too many requests|Rate exceeded|rate limit|exceeds the service quota/i,
    diagnose: (f) => {
      const day = /per day/i.test(f.text);
      const requests = /requests/i.test(f.match?.[0] ?? '');
      return {
        explanation:
          `The account hit its Bedrock ${day ? 'tokens-per-day' : requests ? 'requests-per-minute' : 'tokens-per-minute'} quota for this model in ${regionOf(f)}. ` +
          'Quotas are per account, region and model, and new accounts can start very low, so even a short prompt can be throttled; Bedrock also counts max_tokens against the quota when a request starts.',
        fix:
          `${day ? 'Wait for the daily window to reset, or ' : 'Wait and retry with backoff, lower --concurrency, lower max_tokens, or '}` +
          `ask for a higher quota: Service Quotas → Amazon Bedrock (${quotasConsole(f)}), or \`aws service-quotas list-service-quotas --service-code bedrock --region ${regionOf(f)}\` to find the quota code. Cross-region (global./geo) profiles have quotas of their own.`,
      };
    },
  },
  {
    id: 'model-not-ready',
    cause: 'service-unavailable',
    exception: ['ModelNotReadyException'],
    diagnose: () => ({
      explanation: 'The model is not ready to serve requests right now (it is being loaded or scaled). The AWS SDK retries this by itself; it failed after its retries.',
      fix: 'Retry in a minute; if it persists, try another region or a global. profile.',
    }),
  },
  {
    id: 'model-timeout',
    cause: 'service-unavailable',
    exception: ['ModelTimeoutException'],
    diagnose: () => ({
      explanation: 'The model took too long to answer and Bedrock gave up on the request.',
      fix: 'Retry; for long outputs use streaming (--stream), which keeps the connection busy, or lower max_tokens.',
    }),
  },
  {
    id: 'read-timeout',
    cause: 'service-unavailable',
    message: /Read timeout on endpoint URL|Read timed out|socket hang up|timed out waiting for (?:the )?response/i,
    diagnose: () => ({
      explanation: 'The client stopped waiting for the answer (a read timeout). Long non-streaming calls can outlast default client timeouts (60 s in botocore) while the model is still writing.',
      fix: 'Use streaming (--stream) for long outputs, or raise the client read timeout; lower max_tokens if the answer need not be that long.',
    }),
  },
  {
    id: 'network',
    cause: 'endpoint-config',
    message: /\b(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ERR_HTTP2_ERROR)\b|getaddrinfo/i,
    diagnose: (f) => {
      const host = f.text.match(/(?:getaddrinfo \w+|connect \w+)\s+([\w.-]+(?::\d+)?)/)?.[1];
      const code = f.match?.[1]?.toUpperCase();
      return {
        explanation:
          code === 'ECONNREFUSED'
            ? `Nothing accepted the connection${host ? ` at ${host}` : ''}: a local endpoint (--endpoint-url) whose server is not running, or a proxy that is down.`
            : code === 'ENOTFOUND' || code === 'EAI_AGAIN' || /getaddrinfo/i.test(f.text)
              ? `The host name${host ? ` ${host}` : ''} could not be resolved: a misspelt region or endpoint, a region without Bedrock, or no DNS access (VPN, proxy, offline).`
              : `The connection to the endpoint failed (${code ?? 'network error'}): network, proxy or firewall trouble, or the endpoint URL is wrong.`,
        fix: `Check the region (${regionOf(f)}) and --endpoint-url / AWS_ENDPOINT_URL*, your proxy (HTTPS_PROXY) and network; \`bedrock-claude doctor\` checks the endpoint.`,
      };
    },
  },
  {
    id: 'unknown-operation',
    cause: 'endpoint-config',
    message: /Unknown ?Operation|UnknownOperationException/i,
    diagnose: () => ({
      explanation: 'The endpoint does not know this operation: the request went to the wrong service (bedrock vs bedrock-runtime vs bedrock-mantle) or a wrong path, often through a misconfigured --endpoint-url.',
      fix: 'Runtime calls go to bedrock-runtime.<region>.amazonaws.com, list calls to bedrock.<region>.amazonaws.com: fix --endpoint-url / AWS_ENDPOINT_URL_BEDROCK_RUNTIME / AWS_ENDPOINT_URL_BEDROCK.',
    }),
  },
  {
    id: 'no-region',
    cause: 'endpoint-config',
    message: /Region is missing|no AWS region is set|You must specify a region|region.{0,20}(?:not set|is required)/i,
    diagnose: () => ({
      explanation: 'No AWS region was set, so the client does not know which Bedrock endpoint to call.',
      fix: 'Pass --region (e.g. us-east-1), set AWS_REGION, add "region" to .bedrock-claude.json, or set a region in your AWS profile.',
    }),
  },
  {
    id: 'service-unavailable',
    cause: 'service-unavailable',
    exception: ['ServiceUnavailableException', 'InternalServerException', 'ModelStreamErrorException', 'overloaded_error', 'api_error', 'InternalFailure', 'ServiceUnavailable'],
    diagnose: (f) => ({
      explanation: `Bedrock failed on its side (${f.exception}): the service or the model is overloaded or had an internal error. Nothing is wrong with the request itself.`,
      fix: 'Retry with backoff; if it persists, try another region or a global. profile (which spreads load across regions).',
    }),
  },
  {
    id: 'unable-to-process',
    cause: 'service-unavailable',
    message: /Bedrock is unable to process your request|encountered an unexpected error|internal server error|service is (?:temporarily )?unavailable|\b503 Service Unavailable|Overloaded/i,
    diagnose: () => ({
      explanation: 'Bedrock failed on its side: the service or the model is overloaded or had an internal error. Nothing is wrong with the request itself.',
      fix: 'Retry with backoff; if it persists, try another region or a global. profile (which spreads load across regions).',
    }),
  },

  // ─── fallbacks on the exception name or status alone ────────────────────────────────────
  {
    id: 'throttling-exception',
    cause: 'throttling',
    exception: ['ThrottlingException', 'ServiceQuotaExceededException', 'TooManyRequestsException', 'rate_limit_error'],
    diagnose: (f) => ({
      explanation: `The request was throttled (${f.exception}): the account is over a Bedrock quota (requests or tokens per minute) for this model in ${regionOf(f)}.`,
      fix: `Retry with backoff and lower concurrency, or ask for a higher quota: Service Quotas → Amazon Bedrock (${quotasConsole(f)}).`,
    }),
  },
  {
    id: 'auth-exception',
    cause: 'bad-credentials',
    exception: [...AUTH_EXCEPTIONS, 'authentication_error', 'CredentialsProviderError'],
    diagnose: (f) => ({
      explanation: `AWS did not accept the credentials (${f.exception}): they are missing, expired, mistyped, or for another account or region.`,
      fix: 'Check them with `aws sts get-caller-identity`; refresh with `aws sso login` or new keys; a Bedrock API key works only in its own region.',
    }),
  },
  {
    id: 'permission-error',
    cause: 'no-model-access',
    exception: ['permission_error'],
    diagnose: (f) => ({
      explanation: `The Messages API refused the call (permission_error): this account has no access to ${f.verdict?.model?.name ?? 'the model'} in ${regionOf(f)}, or the caller lacks the permission.`,
      fix: `Enable access to the model in the Bedrock console (${bedrockConsole(f)} → Model catalog) and allow bedrock-mantle:CreateInference for the caller.`,
      iam: iam({ ...f, api: f.api ?? 'messages' }),
    }),
  },
  {
    id: 'access-denied',
    cause: 'iam-permission',
    exception: ['AccessDeniedException', 'AccessDenied'],
    diagnose: (f) => ({
      explanation: 'AWS denied the call (AccessDeniedException) without naming a missing model access, so the likeliest cause is a missing IAM permission for the caller.',
      fix: 'Allow these actions on these resources for the role or user; if they are allowed already, check model access in the Bedrock console and any SCP.',
      iam: iam(f),
    }),
  },
  {
    id: 'not-found',
    cause: 'model-not-in-region',
    exception: ['ResourceNotFoundException', 'not_found_error'],
    diagnose: (f) =>
      refusal(f) ?? {
        explanation: `Bedrock found no such model, profile or resource in ${regionOf(f)} (${f.exception}): not offered there or to this account, a prefix that is wrong for the region, or a typo.`,
        fix: `Check the ID with ${resolveCommand(f)}; \`bedrock-claude models list --region ${regionOf(f)} --refresh\` lists what the region offers.`,
      },
  },
  {
    id: 'server-status',
    cause: 'service-unavailable',
    status: (s) => s >= 500,
    diagnose: (f) => ({
      explanation: `Bedrock answered HTTP ${f.httpStatus}: a failure on its side, not a problem with the request.`,
      fix: 'Retry with backoff; if it persists, try another region or a global. profile.',
    }),
  },
  {
    id: 'status-429',
    cause: 'throttling',
    status: (s) => s === 429,
    diagnose: (f) => ({
      explanation: `Bedrock answered HTTP 429 (too many requests): the account is over a quota for this model in ${regionOf(f)}.`,
      fix: `Retry with backoff and lower concurrency, or ask for a higher quota (${quotasConsole(f)}).`,
    }),
  },
];

/** "20250130T203827Z" → epoch milliseconds. */
function stamp(basic: string): number {
  const m = basic.match(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/);
  if (!m) return Number.NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
}

/** A model of the Messages API integration refused on Converse: AWS documents Converse only for some
 *  of them (Opus 4.7's card), while InvokeModel and the Messages API take them all. */
function messagesModelOnConverse(f: Facts): Diagnosis | undefined {
  const model = f.verdict?.model;
  if (model?.integration.value !== 'messages-api' || f.api !== 'converse') return undefined;
  const alias = model.aliases[0] ?? model.id;
  return {
    explanation: `${model.name} is served through the Anthropic Messages API integration, and Bedrock does not take it on Converse${f.region ? ` in ${f.region}` : ''}: AWS documents Converse only for some of these models.`,
    fix: `Send the same prompt with InvokeModel: \`bedrock-claude invoke -m ${alias} …\`, or through the Messages API: \`bedrock-claude invoke --api messages -m ${alias} …\`.`,
  };
}
