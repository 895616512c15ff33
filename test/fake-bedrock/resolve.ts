// Which foundation model a requested ID names in a region, or which Bedrock
// error the request gets instead. This is where the world's rules live:
// profile-only models, wrong geo prefix for the region, access, lifecycle.
import { Errors, FakeBedrockError, type ErrorSpec } from './errors.js';
import type { Api, FakeModel, FakeProfile, World } from './world.js';

export interface Resolved {
  model: FakeModel;
  profile?: FakeProfile;
}

const fail = (spec: ErrorSpec): never => {
  throw new FakeBedrockError(spec);
};

const ARN = /^arn:aws[a-z-]*:bedrock:([^:]*):([^:]*):([a-z-]+)\/(.+)$/;

export function findModel(world: World, modelId: string): FakeModel | undefined {
  return world.models.find((m) => m.modelId === modelId);
}

/** A profile callable from `region`, by ID or ARN. */
export function findProfile(world: World, region: string, idOrArn: string): FakeProfile | undefined {
  const arn = ARN.exec(idOrArn);
  if (arn) {
    const [, arnRegion, account, kind, id] = arn;
    if (arnRegion !== region || account !== world.accountId) return undefined;
    const type = kind === 'application-inference-profile' ? 'APPLICATION' : kind === 'inference-profile' ? 'SYSTEM_DEFINED' : undefined;
    if (!type) return undefined;
    return world.profiles.find((p) => p.id === id && (p.type ?? 'SYSTEM_DEFINED') === type && p.sourceRegions.includes(region));
  }
  return world.profiles.find((p) => p.id === idOrArn && p.sourceRegions.includes(region));
}

function apis(m: FakeModel): Api[] {
  return m.apis ?? ['converse', 'invoke', 'count-tokens'];
}

function checkUsable(m: FakeModel): void {
  if (m.lifecycle === 'END_OF_LIFE') fail(Errors.endOfLife());
  if (m.legacyInactive) fail(Errors.legacyInactive());
}

/** Foundation model by base ID or foundation-model ARN, if it exists in the region. */
function findBase(world: World, region: string, id: string): FakeModel | undefined {
  const arn = ARN.exec(id);
  let modelId = id;
  if (arn) {
    const [, arnRegion, , kind, rest] = arn;
    if (kind !== 'foundation-model' || arnRegion !== region) return undefined;
    modelId = rest ?? '';
  }
  const m = findModel(world, modelId);
  return m && m.regions.includes(region) ? m : undefined;
}

/** For Converse / ConverseStream / InvokeModel / InvokeModelWithResponseStream. */
export function resolveInvocation(world: World, region: string, id: string, api: 'converse' | 'invoke'): Resolved {
  const profile = findProfile(world, region, id);
  if (profile) {
    const model = findModel(world, profile.modelId) ?? fail(Errors.invalidModelId());
    checkUsable(model);
    if (model.access === false) fail(Errors.noAccess());
    if (!apis(model).includes(api)) fail(Errors.unsupportedForAction());
    return { model, profile };
  }
  const model = findBase(world, region, id) ?? fail(Errors.invalidModelId());
  checkUsable(model);
  if (!model.inferenceTypes.includes('ON_DEMAND')) {
    // Provisioned-only rows (…:200k) are not invocable at all without provisioned throughput.
    if (model.inferenceTypes.includes('INFERENCE_PROFILE')) fail(Errors.onDemandNotSupported(model.modelId));
    fail(Errors.invalidModelId());
  }
  if (model.access === false) fail(Errors.noAccess());
  if (!apis(model).includes(api)) fail(Errors.unsupportedForAction());
  return { model };
}

/** Runtime CountTokens: base IDs only, and only for models that support counting. */
export function resolveCountTokens(world: World, region: string, id: string): Resolved {
  if (findProfile(world, region, id)) fail(Errors.countTokensUnsupported());
  const model = findBase(world, region, id) ?? fail(Errors.invalidModelId());
  checkUsable(model);
  if (model.access === false) fail(Errors.noAccess());
  if (!apis(model).includes('count-tokens')) fail(Errors.countTokensUnsupported());
  return { model };
}

/**
 * /anthropic/v1/messages: a bare ID (Mantle form) in one of the model's
 * messagesRegions, or a profile ID. Mantle (SigV4 service bedrock-mantle)
 * answers 404 for profile IDs; the runtime host (service bedrock) needs one.
 */
export function resolveMessages(world: World, region: string, id: string, service: string | undefined): Resolved {
  const notFound = (): ErrorSpec => ({ status: 404, name: 'NotFound', message: `model: ${id}`, anthropicType: 'not_found_error' });
  const profile = service === 'bedrock-mantle' ? undefined : findProfile(world, region, id);
  let model: FakeModel | undefined;
  if (profile) model = findModel(world, profile.modelId);
  else {
    const m = findModel(world, id);
    if (m && apis(m).includes('messages') && m.messagesRegions?.includes(region)) {
      if (service === 'bedrock') fail({ ...Errors.onDemandNotSupported(m.modelId), anthropicType: 'invalid_request_error' });
      model = m;
    } else if (m && apis(m).includes('messages')) fail(notFound());
  }
  if (!model) return fail(notFound());
  if (model.lifecycle === 'END_OF_LIFE') fail({ ...Errors.endOfLife(), anthropicType: 'not_found_error' });
  if (model.legacyInactive) fail({ ...Errors.legacyInactive(), anthropicType: 'not_found_error' });
  if (model.access === false) fail({ ...Errors.noAccess(), anthropicType: 'permission_error' });
  if (!apis(model).includes('messages')) {
    fail({ status: 400, name: 'InvalidRequest', message: `The model '${id}' does not support the '/anthropic/v1/messages' API`, anthropicType: 'invalid_request_error' });
  }
  return { model, profile };
}
