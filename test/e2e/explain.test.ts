// explain as a user runs it: pasted text as an argument or on stdin, with and without context.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const cli = async (args: string[], stdin?: string) => runCli(args, { home: await tempDir(), stdin });

describe('explain', () => {
  it('botocore text with a region: the cause, the explanation and the IDs that work', async () => {
    const r = await cli([
      'explain',
      '--region',
      'eu-west-1',
      'An error occurred (ValidationException) when calling the InvokeModel operation: Invocation of model ID anthropic.claude-sonnet-4-5-20250929-v1:0 with on-demand throughput isn’t supported. Retry your request with the ID or ARN of an inference profile that contains this model.',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^cause: needs-inference-profile/m);
    expect(r.stdout).toContain('eu.anthropic.claude-sonnet-4-5-20250929-v1:0');
    expect(r.stderr).toContain('context: region eu-west-1');
  });

  it('stdin and --json: the documented fields', async () => {
    const r = await cli(['explain', '--json', '-m', 'us.anthropic.claude-sonnet-4-6', '--region', 'eu-central-1'], 'ValidationException: The provided model identifier is invalid.');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ cause: 'prefix-region-mismatch', exception: 'ValidationException', message: 'The provided model identifier is invalid.', explanation: expect.any(String), fix: expect.any(String) });
  });

  it('text it does not know is "unknown", with the raw message', async () => {
    const r = await cli(['explain', '--json', 'the printer is on fire']);
    expect(JSON.parse(r.stdout)).toMatchObject({ cause: 'unknown', message: 'the printer is on fire' });
  });

  it('nothing to explain is a usage error', async () => {
    const r = await cli(['explain'], '   ');
    expect(r.code).toBe(2);
  });
});
