// Config files hold no secrets. A file others can read that looks like it holds one is refused:
// the secret may already be exposed, and the tool should not quietly use it.
import { configError } from '../errors.js';

const SECRET_PATTERNS: Array<[RegExp, string]> = [
  [/\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/, 'an AWS access key ID'],
  [/secret_?access_?key|session_?token|aws_secret/i, 'an AWS secret key or session token'],
  [/bedrock-api-key-|\bABSK[A-Za-z0-9+/=]{16,}/, 'a Bedrock API key'],
  [/\bbearer\s+[A-Za-z0-9._~+/=-]{16,}/i, 'a bearer token'],
  [/[a-z]+:\/\/[^/\s:@"]+:[^/\s@"]+@/i, 'a password in a URL'],
];

/** What secret the text seems to hold, if any. */
export function secretLooking(text: string): string | undefined {
  return SECRET_PATTERNS.find(([pattern]) => pattern.test(text))?.[1];
}

export function checkNoExposedSecret(text: string, path: string, mode: number): void {
  const what = secretLooking(text);
  // 0o044: readable by the group or by everyone.
  if (what && (mode & 0o044) !== 0) {
    throw configError(
      `config file ${path} is readable by others and seems to contain ${what}`,
      `Remove the secret (use an AWS profile, AWS_* variables or AWS_BEARER_TOKEN_BEDROCK instead), rotate it if it was real, and run chmod 600 ${path}.`,
    );
  }
}
