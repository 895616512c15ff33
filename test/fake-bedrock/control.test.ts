// Control plane (client-bedrock) and STS (client-sts) through the real SDK clients.
import {
  BedrockClient,
  GetFoundationModelAvailabilityCommand,
  GetFoundationModelCommand,
  GetInferenceProfileCommand,
  ListFoundationModelsCommand,
  ListInferenceProfilesCommand,
  paginateListInferenceProfiles,
  type InferenceProfileSummary,
} from '@aws-sdk/client-bedrock';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sdkConfig, TEMPORARY_CREDENTIALS } from './clients.js';
import { DEFAULT_MODELS, startFakeBedrock, type FakeBedrock } from './server.js';

let fake: FakeBedrock;
let bedrock: BedrockClient;

beforeAll(async () => {
  fake = await startFakeBedrock();
  bedrock = new BedrockClient(sdkConfig(fake, { region: 'us-east-1' }));
});
afterAll(async () => {
  bedrock.destroy();
  await fake.close();
});
beforeEach(() => fake.reset());

describe('foundation models', () => {
  it('lists models in the region, filtered by provider (case-insensitive) and inference type', async () => {
    const all = await bedrock.send(new ListFoundationModelsCommand({}));
    const ids = all.modelSummaries?.map((m) => m.modelId) ?? [];
    expect(ids).toContain(DEFAULT_MODELS.NOVA_MICRO);
    expect(ids).not.toContain(DEFAULT_MODELS.SONNET37); // end of life: gone from listings
    const anthropic = await bedrock.send(new ListFoundationModelsCommand({ byProvider: 'anthropic', byOutputModality: 'TEXT' }));
    expect(anthropic.modelSummaries?.every((m) => m.providerName === 'Anthropic')).toBe(true);
    expect(fake.lastRequest()?.query).toEqual({ byProvider: 'anthropic', byOutputModality: 'TEXT' });
    const sonnet = anthropic.modelSummaries?.find((m) => m.modelId === DEFAULT_MODELS.SONNET45);
    expect(sonnet).toMatchObject({
      modelArn: `arn:aws:bedrock:us-east-1::foundation-model/${DEFAULT_MODELS.SONNET45}`,
      modelName: 'Claude Sonnet 4.5',
      inferenceTypesSupported: ['INFERENCE_PROFILE'], // not in the SDK enum; passes through
      modelLifecycle: { status: 'ACTIVE' },
      responseStreamingSupported: true,
    });
    expect(anthropic.modelSummaries?.find((m) => m.modelId === DEFAULT_MODELS.HAIKU35)?.modelLifecycle?.status).toBe('LEGACY');
    const onDemand = await bedrock.send(new ListFoundationModelsCommand({ byInferenceType: 'ON_DEMAND', byProvider: 'Anthropic' }));
    expect(onDemand.modelSummaries?.map((m) => m.modelId)).toEqual([DEFAULT_MODELS.HAIKU3]);
  });

  it('gets one model, and rejects an unknown one', async () => {
    const r = await bedrock.send(new GetFoundationModelCommand({ modelIdentifier: DEFAULT_MODELS.HAIKU3 }));
    expect(r.modelDetails?.modelId).toBe(DEFAULT_MODELS.HAIKU3);
    await expect(bedrock.send(new GetFoundationModelCommand({ modelIdentifier: 'nope' }))).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it('reports availability per account and region', async () => {
    fake.setWorld({ modelPatches: { [DEFAULT_MODELS.OPUS46]: { access: false } } });
    const ok = await bedrock.send(new GetFoundationModelAvailabilityCommand({ modelId: DEFAULT_MODELS.SONNET46 }));
    expect(ok).toMatchObject({
      modelId: DEFAULT_MODELS.SONNET46,
      agreementAvailability: { status: 'AVAILABLE' },
      authorizationStatus: 'AUTHORIZED',
      entitlementAvailability: 'AVAILABLE',
      regionAvailability: 'AVAILABLE',
    });
    const denied = await bedrock.send(new GetFoundationModelAvailabilityCommand({ modelId: DEFAULT_MODELS.OPUS46 }));
    expect(denied).toMatchObject({ authorizationStatus: 'NOT_AUTHORIZED', entitlementAvailability: 'NOT_AVAILABLE' });
    const farAway = await bedrock.send(new GetFoundationModelAvailabilityCommand({ modelId: DEFAULT_MODELS.HAIKU35 }));
    expect(farAway.regionAvailability).toBe('AVAILABLE');
    const eu = new BedrockClient(sdkConfig(fake, { region: 'eu-west-1' }));
    expect((await eu.send(new GetFoundationModelAvailabilityCommand({ modelId: DEFAULT_MODELS.HAIKU35 }))).regionAvailability).toBe('NOT_AVAILABLE');
    eu.destroy();
  });
});

describe('inference profiles', () => {
  it('paginates with nextToken/maxResults across several pages, same result as one page', async () => {
    const pages: InferenceProfileSummary[][] = [];
    for await (const page of paginateListInferenceProfiles({ client: bedrock, pageSize: 4 }, {})) pages.push(page.inferenceProfileSummaries ?? []);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages.slice(0, -1).every((p) => p.length === 4)).toBe(true);
    const one = await bedrock.send(new ListInferenceProfilesCommand({}));
    expect(one.nextToken).toBeUndefined();
    expect(pages.flat().map((p) => p.inferenceProfileId)).toEqual(one.inferenceProfileSummaries?.map((p) => p.inferenceProfileId));
    const queries = fake.requestsFor('ListInferenceProfiles').map((r) => r.query);
    expect(queries[0]).toEqual({ maxResults: '4' });
    expect(queries[1]?.nextToken).toBeTruthy();
  });

  it('lists only profiles callable from the region, filtered by type', async () => {
    const east = await bedrock.send(new ListInferenceProfilesCommand({ typeEquals: 'SYSTEM_DEFINED' }));
    const ids = east.inferenceProfileSummaries?.map((p) => p.inferenceProfileId) ?? [];
    expect(ids).toContain(`us.${DEFAULT_MODELS.SONNET45}`);
    expect(ids).toContain(`global.${DEFAULT_MODELS.OPUS47}`);
    expect(ids).not.toContain(`eu.${DEFAULT_MODELS.SONNET45}`);
    expect(ids).not.toContain(`us.${DEFAULT_MODELS.SONNET37}`); // end of life
    expect(fake.lastRequest()?.query).toEqual({ type: 'SYSTEM_DEFINED' });
    const apps = await bedrock.send(new ListInferenceProfilesCommand({ typeEquals: 'APPLICATION' }));
    expect(apps.inferenceProfileSummaries?.map((p) => p.inferenceProfileId)).toEqual(['fakeapp00001']);
  });

  it('gets a profile by ID or ARN with its models[] ARNs and dates', async () => {
    const us = await bedrock.send(new GetInferenceProfileCommand({ inferenceProfileIdentifier: `us.${DEFAULT_MODELS.HAIKU45}` }));
    expect(us).toMatchObject({
      inferenceProfileName: 'US Claude Haiku 4.5',
      inferenceProfileArn: `arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.${DEFAULT_MODELS.HAIKU45}`,
      status: 'ACTIVE',
      type: 'SYSTEM_DEFINED',
    });
    expect(us.models?.map((m) => m.modelArn)).toContain(`arn:aws:bedrock:us-west-2::foundation-model/${DEFAULT_MODELS.HAIKU45}`);
    expect(us.createdAt).toBeInstanceOf(Date);
    const arn = 'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/fakeapp00001';
    const app = await bedrock.send(new GetInferenceProfileCommand({ inferenceProfileIdentifier: arn }));
    expect(app.type).toBe('APPLICATION');
    expect(app.models?.map((m) => m.modelArn)).toEqual([
      `arn:aws:bedrock:::foundation-model/${DEFAULT_MODELS.HAIKU45}`,
      `arn:aws:bedrock:us-east-1::foundation-model/${DEFAULT_MODELS.HAIKU45}`,
    ]);
    expect(fake.lastRequest()?.modelId).toBe(arn);
    await expect(bedrock.send(new GetInferenceProfileCommand({ inferenceProfileIdentifier: `eu.${DEFAULT_MODELS.HAIKU45}` }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      $metadata: { httpStatusCode: 404 },
    });
  });

  it('rejects a bad page size and a bad token', async () => {
    await expect(bedrock.send(new ListInferenceProfilesCommand({ maxResults: 5000 }))).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(bedrock.send(new ListInferenceProfilesCommand({ nextToken: 'garbage' }))).rejects.toMatchObject({ name: 'ValidationException' });
  });
});

describe('STS GetCallerIdentity', () => {
  it('answers the query-protocol request with XML the SDK parses', async () => {
    const sts = new STSClient(sdkConfig(fake, { region: 'us-west-2' }));
    const r = await sts.send(new GetCallerIdentityCommand({}));
    expect(r).toMatchObject({ Account: '123456789012', Arn: 'arn:aws:iam::123456789012:user/fake-user' });
    const rec = fake.lastRequest();
    expect(rec).toMatchObject({ operation: 'GetCallerIdentity', method: 'POST', path: '/', auth: { service: 'sts', region: 'us-west-2' } });
    expect(rec?.body).toMatchObject({ Action: 'GetCallerIdentity', Version: '2011-06-15' });
    sts.destroy();
  });

  it('knows temporary credentials and reports expired ones in STS terms', async () => {
    const sts = new STSClient(sdkConfig(fake, { credentials: TEMPORARY_CREDENTIALS }));
    expect((await sts.send(new GetCallerIdentityCommand({}))).Arn).toBe('arn:aws:sts::123456789012:assumed-role/FakeRole/fake-session');
    fake.setWorld({ auth: { expiredAccessKeyIds: [TEMPORARY_CREDENTIALS.accessKeyId] } });
    await expect(sts.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({
      name: 'ExpiredToken',
      message: 'The security token included in the request is expired',
      $metadata: { httpStatusCode: 403 },
    });
    sts.destroy();
  });
});
