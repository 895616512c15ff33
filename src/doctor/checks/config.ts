// Check 2: the config files parse, and every effective setting with the place it came from.
import { describeSource, type Settings } from '../../config/load.js';
import { CliError } from '../../errors.js';
import { causeOf, defineCheck } from '../check.js';

export const configCheck = defineCheck('config', 'Config', async (ctx, v) => {
  let settings: Settings;
  try {
    settings = await ctx.services.loadSettings();
  } catch (err) {
    if (!(err instanceof CliError)) throw err;
    ctx.learn({ settingsError: err });
    return v.fail(err.message, err.fix ?? 'Fix the config file, or pass --config with a valid one.', { cause: causeOf(err) });
  }
  ctx.learn({ settings, region: settings.region?.value });
  const files = settings.files.length > 0 ? `read ${settings.files.join(', ')}` : 'no config file (flags, environment and defaults only)';
  return v.pass(files, { info: settingLines(settings) });
});

/** "region      us-west-2  (env AWS_REGION)", one line per effective setting. */
export function settingLines(settings: Settings): string[] {
  const rows: Array<[string, string, string]> = [];
  const add = (name: string, setting: { value: unknown; source: Parameters<typeof describeSource>[0] } | undefined, unset = 'not set') => {
    rows.push(setting ? [name, String(setting.value), describeSource(setting.source)] : [name, unset, '']);
  };
  add('region', settings.region);
  add('profile', settings.profile, 'not set (default credential chain)');
  add('model', settings.model);
  add('scope', settings.scope);
  add('maxTokens', settings.maxTokens);
  add('maxAttempts', settings.maxAttempts);
  add('retryMode', settings.retryMode);
  add('endpoint', settings.runtimeEndpoint, 'AWS default');
  if (settings.controlEndpoint && settings.controlEndpoint.value !== settings.runtimeEndpoint?.value) add('control endpoint', settings.controlEndpoint);
  for (const [name, alias] of Object.entries(settings.aliases)) rows.push([`alias ${name}`, alias.value, describeSource(alias.source)]);
  const width = Math.max(...rows.map(([name]) => name.length));
  return rows.map(([name, value, source]) => `${name.padEnd(width)}  ${value}${source ? `  (${source})` : ''}`);
}
