import { CliError, ExitCode } from '../errors.js';
import type { Settings } from './load.js';

/** Commands that talk to Bedrock or judge a region need one; say where to set it. */
export function requireRegion(settings: Settings): string {
  if (settings.region) return settings.region.value;
  throw new CliError('no AWS region is set', {
    exitCode: ExitCode.config,
    cause: 'endpoint-config',
    fix: 'Pass --region (e.g. us-east-1), set AWS_REGION, add "region" to .bedrock-claude.json, or set a region in your AWS profile.',
  });
}

export function aliasTargets(settings: Settings): Record<string, string> {
  return Object.fromEntries(Object.entries(settings.aliases).map(([name, setting]) => [name, setting.value]));
}
