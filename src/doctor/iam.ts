// The IAM permissions a call to the model needs, as a hint: the actions, and the ARNs to allow them
// on. Through an inference profile that is the profile ARN in the calling region AND the
// foundation-model ARN of every region the profile routes to; the Messages API on bedrock-mantle
// has its own action. Pure.
import type { Resolution } from '../resolver.js';

export const INVOKE_ACTIONS = ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'];
export const MANTLE_ACTION = 'bedrock-mantle:CreateInference';

export interface PermissionHint {
  actions: string[];
  resources: string[];
  notes: string[];
}

export interface HintInput {
  resolution: Resolution;
  region: string;
  account?: string;
  /** The profile's foundation-model ARNs from GetInferenceProfile, when known. */
  profileModelArns?: string[];
  bearer: boolean;
}

export function partitionOf(region: string): string {
  return region.startsWith('us-gov-') ? 'aws-us-gov' : region.startsWith('cn-') ? 'aws-cn' : 'aws';
}

export function permissionHint({ resolution: r, region, account = '<account>', profileModelArns, bearer }: HintInput): PermissionHint {
  const partition = partitionOf(region);
  const notes: string[] = [];
  const base = r.baseModelId;
  const anyRegionModel = (id: string) => `arn:${partition}:bedrock:*::foundation-model/${id}`;
  let actions: string[];
  let resources: string[];

  if (r.route === 'mantle') {
    actions = [MANTLE_ACTION];
    resources = [`arn:${partition}:bedrock-mantle:${region}:${account}:project/default`];
    notes.push('The Messages API on bedrock-mantle is authorized by bedrock-mantle:CreateInference on a project (here the default one), not by bedrock:InvokeModel.');
  } else {
    actions = [...INVOKE_ACTIONS];
    const routed = profileModelArns && profileModelArns.length > 0 ? profileModelArns : base ? [anyRegionModel(base)] : [];
    if (r.scope === 'arn') resources = [r.modelId, ...routed];
    else if (r.prefix) resources = [`arn:${partition}:bedrock:${region}:${account}:inference-profile/${r.modelId}`, ...routed];
    else resources = base ? [`arn:${partition}:bedrock:${region}::foundation-model/${base}`] : [];
    if (r.prefix || r.scope === 'arn') notes.push('A profile needs the permission on the profile and on the foundation model in every region it routes to.');
    notes.push('Converse and ConverseStream are authorized by the same two actions.');
    if (r.integration === 'messages-api') notes.push(`\`--api messages\` on bedrock-mantle needs ${MANTLE_ACTION} instead.`);
  }
  if (bearer) {
    actions.push('bedrock:CallWithBearerToken');
    notes.push('A Bedrock API key has the permissions of the principal that made it, plus bedrock:CallWithBearerToken.');
  }
  return { actions, resources: [...new Set(resources)], notes };
}
