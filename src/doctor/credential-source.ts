// Which link of the SDK's credential chain produced the credentials, in words. Recent SDKs tag the
// resolved identity with `$source` feature ids (CREDENTIALS_ENV_VARS, CREDENTIALS_PROFILE_SSO, …);
// when a provider does not tag, the environment says which link must have answered. Pure.
import type { Env } from '../io.js';

type Sources = Record<string, string | undefined>;

export interface SourceInput {
  /** The `$source` of the resolved credentials, if any. */
  features?: Sources;
  env: Env;
  /** The profile in use (flag, AWS_PROFILE or config), if any. */
  profile?: string;
}

export function describeCredentialSource({ features = {}, env, profile }: SourceInput): string {
  const has = (...names: string[]) => names.some((name) => features[name] !== undefined);
  const named = profile ?? env.AWS_PROFILE ?? 'default';
  const inProfile = `profile "${named}"`;
  if (has('CREDENTIALS_ENV_VARS')) return 'environment variables (AWS_ACCESS_KEY_ID)';
  if (has('CREDENTIALS_ENV_VARS_STS_WEB_ID_TOKEN')) return 'web identity (AWS_WEB_IDENTITY_TOKEN_FILE)';
  if (has('CREDENTIALS_PROFILE_SSO', 'CREDENTIALS_SSO', 'CREDENTIALS_PROFILE_SSO_LEGACY', 'CREDENTIALS_SSO_LEGACY')) return `SSO (${inProfile})`;
  if (has('CREDENTIALS_PROFILE_STS_WEB_ID_TOKEN', 'CREDENTIALS_STS_ASSUME_ROLE_WEB_ID')) return `web identity (${inProfile})`;
  if (has('CREDENTIALS_PROFILE_SOURCE_PROFILE', 'CREDENTIALS_STS_ASSUME_ROLE')) return `assumed role (${inProfile})`;
  if (has('CREDENTIALS_PROFILE_PROCESS', 'CREDENTIALS_PROCESS')) return `credential_process (${inProfile})`;
  if (has('CREDENTIALS_PROFILE_LOGIN', 'CREDENTIALS_LOGIN')) return `aws login (${inProfile})`;
  if (has('CREDENTIALS_HTTP')) return 'container credentials (AWS_CONTAINER_CREDENTIALS_*)';
  if (has('CREDENTIALS_IMDS')) return 'EC2 instance metadata (instance role)';
  if (has('CREDENTIALS_PROFILE', 'CREDENTIALS_PROFILE_NAMED_PROVIDER')) return `shared credentials file (${inProfile})`;
  // Untagged: the chain's order (env, SSO, ini, process, web identity, container/IMDS) decides.
  if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY && !profile && !env.AWS_PROFILE) return 'environment variables (AWS_ACCESS_KEY_ID)';
  if (profile || env.AWS_PROFILE) return inProfile;
  if (env.AWS_WEB_IDENTITY_TOKEN_FILE) return 'web identity (AWS_WEB_IDENTITY_TOKEN_FILE)';
  if (env.AWS_CONTAINER_CREDENTIALS_FULL_URI || env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI) return 'container credentials (AWS_CONTAINER_CREDENTIALS_*)';
  return `the default credential chain (${inProfile})`;
}

/** AKIAIOSFODNN7EXAMPLE → AKIA…MPLE: enough to tell keys apart, never the whole ID. */
export function maskKeyId(id: string): string {
  return id.length <= 8 ? '…' : `${id.slice(0, 4)}…${id.slice(-4)}`;
}

/** What to do when the chain found nothing usable, from the provider's message. */
export function credentialFix(message: string, profile: string | undefined): string {
  const named = profile ? ` --profile ${profile}` : '';
  if (/\bsso\b/i.test(message)) return `Sign in again: \`aws sso login${named}\`.`;
  if (/credential_process/i.test(message)) return 'Run the credential_process command of the profile by hand to see why it fails.';
  if (/web.?identity|token file/i.test(message)) return 'Check AWS_WEB_IDENTITY_TOKEN_FILE / web_identity_token_file and the role ARN (the token file must exist and be readable).';
  if (/role_arn/i.test(message)) return 'Check that the profile\'s source credentials exist and may assume the role (sts:AssumeRole in its trust policy).';
  if (/profile/i.test(message) && /(not found|could not (be )?(found|resolve)|does not exist)/i.test(message)) {
    return `Check the profile name (\`aws configure list-profiles\`) or unset AWS_PROFILE/--profile${profile ? ` (now "${profile}")` : ''}.`;
  }
  return 'Set AWS_PROFILE (then `aws sso login` if it uses SSO), or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or AWS_BEARER_TOKEN_BEDROCK for a Bedrock API key.';
}
