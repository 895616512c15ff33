// The IAM actions and ARNs a principal needs for the failed call. For an inference profile that is
// the profile ARN in the calling region AND the foundation-model ARN in every region the profile
// routes to (`arn:aws:bedrock:*::foundation-model/<base id>`). Converse has no action of its own:
// it is authorized by bedrock:InvokeModel / bedrock:InvokeModelWithResponseStream.
import type { ModelVerdict } from './model.js';
import type { Api, IamFix } from './types.js';

const INVOKE = ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'];

const ACTIONS: Record<Api, string[]> = {
  invoke: INVOKE,
  converse: INVOKE,
  messages: ['bedrock-mantle:CreateInference'],
  'count-tokens': ['bedrock:CountTokens'],
  'control-plane': ['bedrock:ListFoundationModels', 'bedrock:ListInferenceProfiles', 'bedrock:GetInferenceProfile', 'bedrock:GetFoundationModelAvailability'],
};

export const MARKETPLACE_ACTIONS = ['aws-marketplace:ViewSubscriptions', 'aws-marketplace:Subscribe'];

export interface IamInput {
  message: string;
  api?: Api;
  region?: string;
  verdict?: ModelVerdict;
}

/** The action and resource the message says were denied, and the principal. */
export function deniedIn(message: string): { action?: string; resource?: string; principal?: string } {
  return {
    action: message.match(/not authorized to perform:?\s*([\w-]+:[\w*]+)/)?.[1],
    resource: message.match(/on resource:?\s*(arn:[^\s"'\\,]+[^\s"'\\,.])/)?.[1],
    principal: message.match(/User:?\s*(arn:[^\s"'\\,]+)\s+is not authorized/)?.[1],
  };
}

export function iamFor(input: IamInput): IamFix {
  const denied = deniedIn(input.message);
  const account = input.message.match(/arn:aws[\w-]*:[\w-]+:[\w-]*:(\d{12}):/)?.[1] ?? '<account>';
  const region = input.region || input.message.match(/arn:aws[\w-]*:bedrock:([a-z]{2}(?:-[a-z]+)+-\d):/)?.[1] || '<region>';
  const partition = input.message.match(/arn:(aws[\w-]*):/)?.[1] ?? (region.startsWith('us-gov-') ? 'aws-us-gov' : region.startsWith('cn-') ? 'aws-cn' : 'aws');

  const actions = unique([...(denied.action ? [denied.action] : []), ...ACTIONS[input.api ?? 'invoke']]);
  if (denied.action?.startsWith('bedrock:InvokeModel') || !input.api || input.api === 'invoke' || input.api === 'converse') {
    // Streaming and non-streaming calls need both: one fails the day the other is used.
    for (const action of INVOKE) if (!actions.includes(action)) actions.push(action);
  }

  const resources = resourcesFor(input, denied.resource, { account, region, partition });
  const note =
    input.api === 'converse'
      ? 'Converse and ConverseStream have no IAM action of their own: bedrock:InvokeModel and bedrock:InvokeModelWithResponseStream authorize them.'
      : input.api === 'messages'
        ? 'The Messages API on bedrock-mantle is authorized by bedrock-mantle:CreateInference (bedrock-mantle:CountTokens for counting), not bedrock:InvokeModel; its resources are Bedrock projects (the project "default" unless you use others).'
        : undefined;
  return { actions, resources, ...(note ? { note } : {}) };
}

function resourcesFor(
  input: IamInput,
  deniedResource: string | undefined,
  where: { account: string; region: string; partition: string },
): string[] {
  const { account, region, partition } = where;
  const profileArn = (id: string) => `arn:${partition}:bedrock:${region}:${account}:inference-profile/${id}`;
  const modelArn = (id: string, inRegion = '*') => `arn:${partition}:bedrock:${inRegion}::foundation-model/${id}`;
  const verdict = input.verdict;

  if (input.api === 'messages') {
    return [`arn:${partition}:bedrock-mantle:${region}:${account}:project/default`];
  }
  // What AWS says it checked comes first: that ARN, plus the foundation model behind a profile.
  if (deniedResource) {
    // The profile the request used, when known: its ARN is needed beside the foundation model's.
    const used = verdict?.prefix && verdict.baseModelId ? [profileArn(`${verdict.prefix}.${verdict.baseModelId}`), modelArn(verdict.baseModelId)] : [];
    const profile = deniedResource.match(/:(?:application-)?inference-profile\/(.+)$/);
    if (profile?.[1]) {
      const base = profile[1].match(/^(?:[a-z]{2,7}(?:-[a-z]+)?\.)?([a-z][\w-]*\.[\w.:-]+)$/)?.[1] ?? verdict?.baseModelId;
      return unique([deniedResource, modelArn(base ?? '<base-model-id>'), ...used]);
    }
    const model = deniedResource.match(/:foundation-model\/(.+)$/);
    // A region-less or other-region foundation-model ARN: the call went through a profile that routes there.
    if (model?.[1]) return unique([...used, deniedResource, modelArn(model[1])]);
    return unique([deniedResource, ...used]);
  }
  if (verdict?.arn && /:application-inference-profile\//.test(verdict.arn)) {
    return [verdict.arn, modelArn(verdict.baseModelId ?? '<base-model-id>')];
  }
  if (verdict?.baseModelId) {
    const base = verdict.baseModelId;
    if (verdict.prefix) return [profileArn(`${verdict.prefix}.${base}`), modelArn(base)];
    // A base ID: in-region on demand.
    return [modelArn(base, region)];
  }
  return [profileArn('<profile-id>'), modelArn('<base-model-id>')];
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
