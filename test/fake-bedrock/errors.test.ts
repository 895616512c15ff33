// Requests the world rejects, and how the real SDK surfaces each error.
import {
  AccessDeniedException,
  BedrockRuntimeClient,
  BedrockRuntimeServiceException,
  ConverseCommand,
  ConverseStreamCommand,
  CountTokensCommand,
  InvokeModelWithResponseStreamCommand,
  ModelTimeoutException,
  ResourceNotFoundException,
  ValidationException,
} from '@aws-sdk/client-bedrock-runtime';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sdkConfig } from './clients.js';
import { DEFAULT_MODELS, startFakeBedrock, type FakeBedrock } from './server.js';

let fake: FakeBedrock;
let client: BedrockRuntimeClient;
const messages = [{ role: 'user' as const, content: [{ text: 'Hi' }] }];

beforeAll(async () => {
  fake = await startFakeBedrock();
  client = new BedrockRuntimeClient(sdkConfig(fake)); // us-west-2
});
afterAll(async () => {
  client.destroy();
  await fake.close();
});
beforeEach(() => fake.reset());

async function converseError(modelId: string, c = client): Promise<BedrockRuntimeServiceException> {
  const e = await c.send(new ConverseCommand({ modelId, messages })).then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(BedrockRuntimeServiceException);
  return e as BedrockRuntimeServiceException;
}

describe('model identifier errors', () => {
  it('unknown ID → 400 ValidationException "The provided model identifier is invalid."', async () => {
    const e = await converseError('does-not-exist');
    expect(e).toBeInstanceOf(ValidationException);
    expect(e.message).toBe('The provided model identifier is invalid.');
    expect(e.$fault).toBe('client');
    expect(e.$metadata.httpStatusCode).toBe(400);
    expect(e.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(fake.lastRequest()?.response).toEqual({ status: 400, errorName: 'ValidationException' });
  });

  it('a profile whose geography does not include the region is invalid there', async () => {
    const e = await converseError(`eu.${DEFAULT_MODELS.SONNET45}`);
    expect(e.message).toBe('The provided model identifier is invalid.');
    const eu = new BedrockRuntimeClient(sdkConfig(fake, { region: 'eu-west-1' }));
    await expect(eu.send(new ConverseCommand({ modelId: `eu.${DEFAULT_MODELS.SONNET45}`, messages }))).resolves.toBeDefined();
    eu.destroy();
  });

  it('a profile-only base ID → on-demand throughput error with the typographic apostrophe', async () => {
    const e2 = await converseError(DEFAULT_MODELS.SONNET45);
    expect(e2).toBeInstanceOf(ValidationException);
    expect(e2.message).toBe(
      `Invocation of model ID ${DEFAULT_MODELS.SONNET45} with on-demand throughput isn’t supported. Retry your request with the ID or ARN of an inference profile that contains this model.`,
    );
  });

  it('end-of-life model → 404 ResourceNotFoundException (by profile, and by base ID before the on-demand check)', async () => {
    for (const id of [`us.${DEFAULT_MODELS.SONNET37}`, DEFAULT_MODELS.SONNET37]) {
      const e = await converseError(id);
      expect(e).toBeInstanceOf(ResourceNotFoundException);
      expect(e.message).toBe('This model version has reached the end of its life. Please refer to the AWS documentation for more details.');
      expect(e.$metadata.httpStatusCode).toBe(404);
    }
  });

  it('legacy model not used recently → 404 with the "marked by provider as Legacy" text', async () => {
    const e = await converseError(`us.${DEFAULT_MODELS.HAIKU35}`);
    expect(e).toBeInstanceOf(ResourceNotFoundException);
    expect(e.message).toMatch(/^Access denied\. This Model is marked by provider as Legacy/);
  });

  it('no model access → 403 AccessDeniedException', async () => {
    fake.setWorld({ modelPatches: { [DEFAULT_MODELS.OPUS46]: { access: false } } });
    const e = await converseError(`global.${DEFAULT_MODELS.OPUS46}`);
    expect(e).toBeInstanceOf(AccessDeniedException);
    expect(e.message).toBe("You don't have access to the model with the specified model ID.");
    expect(e.$metadata.httpStatusCode).toBe(403);
  });

  it('a provisioned-only variant is not invocable', async () => {
    const east = new BedrockRuntimeClient(sdkConfig(fake, { region: 'us-east-1' }));
    const e = await converseError(`${DEFAULT_MODELS.HAIKU3}:200k`, east);
    expect(e.message).toBe('The provided model identifier is invalid.');
    east.destroy();
  });

  it('stream operations fail from send() with a plain JSON error, before any event', async () => {
    await expect(client.send(new ConverseStreamCommand({ modelId: 'nope', messages }))).rejects.toBeInstanceOf(ValidationException);
    await expect(client.send(new InvokeModelWithResponseStreamCommand({ modelId: 'nope', body: '{}' }))).rejects.toMatchObject({
      name: 'ValidationException',
      $metadata: { httpStatusCode: 400 },
    });
  });
});

describe('request validation', () => {
  it('temperature with topP on a 4.5+ model', async () => {
    const e = await client
      .send(new ConverseCommand({ modelId: `us.${DEFAULT_MODELS.HAIKU45}`, messages, inferenceConfig: { temperature: 0.5, topP: 0.9 } }))
      .catch((err: BedrockRuntimeServiceException) => err);
    expect(e).toMatchObject({ name: 'ValidationException', message: expect.stringContaining('`temperature` and `top_p` cannot both be specified') });
  });

  it('a conversation that starts with the assistant', async () => {
    const e = await client
      .send(new ConverseCommand({ modelId: DEFAULT_MODELS.HAIKU3, messages: [{ role: 'assistant', content: [{ text: 'x' }] }] }))
      .catch((err: BedrockRuntimeServiceException) => err);
    expect(e).toMatchObject({ message: expect.stringMatching(/^A conversation must start with a user message/) });
  });

  it('CountTokens: profile IDs and Messages-API-only models are not countable', async () => {
    for (const modelId of [`us.${DEFAULT_MODELS.SONNET45}`, DEFAULT_MODELS.OPUS47]) {
      const e = await client.send(new CountTokensCommand({ modelId, input: { converse: { messages } } })).catch((err: Error) => err);
      expect(e).toMatchObject({ name: 'ValidationException', message: "The provided model doesn't support counting tokens." });
    }
  });
});

describe('canned error replies', () => {
  it('answers with a named error or a full spec', async () => {
    fake.reply({ error: 'modelTimeout' }, undefined, 1);
    fake.reply({ error: { status: 424, name: 'ModelErrorException', message: 'The model failed.' } }, { prompt: 'boom' });
    const e = await converseError(DEFAULT_MODELS.HAIKU3);
    expect(e).toBeInstanceOf(ModelTimeoutException);
    expect(e.$metadata.httpStatusCode).toBe(408);
    const e2 = await client
      .send(new ConverseCommand({ modelId: DEFAULT_MODELS.HAIKU3, messages: [{ role: 'user', content: [{ text: 'boom' }] }] }))
      .catch((err: BedrockRuntimeServiceException) => err);
    expect(e2).toMatchObject({ name: 'ModelErrorException', message: 'The model failed.', $metadata: { httpStatusCode: 424 } });
  });

  it('an unknown route is an UnknownOperationException', async () => {
    const r = await fetch(`${fake.url}/nope`);
    expect(r.status).toBe(404);
    expect(r.headers.get('x-amzn-errortype')).toMatch(/^UnknownOperationException:/);
  });
});
