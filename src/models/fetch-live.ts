// Asks Bedrock's control plane which Claude models and inference profiles a region has.
import { bedrockControlClient, type ClientOptions } from '../aws/clients.js';
import { fromAwsError } from '../aws/errors.js';
import type { LiveModels, LiveProfile } from './live-cache.js';

export async function fetchLiveModels(options: ClientOptions, now = new Date()): Promise<LiveModels> {
  const client = await bedrockControlClient(options);
  const { ListFoundationModelsCommand, paginateListInferenceProfiles } = await import('@aws-sdk/client-bedrock');
  try {
    const listModels = client.send(new ListFoundationModelsCommand({ byProvider: 'Anthropic' }));
    const listProfiles = (async () => {
      const profiles: LiveProfile[] = [];
      for await (const page of paginateListInferenceProfiles({ client }, {})) {
        for (const summary of page.inferenceProfileSummaries ?? []) {
          const arns = (summary.models ?? []).map((m) => m.modelArn ?? '');
          profiles.push({
            id: summary.inferenceProfileId ?? '',
            name: summary.inferenceProfileName,
            type: summary.type,
            regions: [...new Set(arns.map((arn) => arn.split(':')[3] ?? '').filter(Boolean))].sort(),
            modelIds: [...new Set(arns.map((arn) => arn.split('/').pop() ?? '').filter(Boolean))],
          });
        }
      }
      return profiles;
    })();
    const [models, profiles] = await Promise.all([listModels, listProfiles]);
    return {
      version: 1,
      region: options.region,
      endpoint: options.settings.controlEndpoint?.value ?? null,
      fetchedAt: now.toISOString(),
      foundationModels: (models.modelSummaries ?? [])
        .filter((m) => m.modelId?.startsWith('anthropic.'))
        .map((m) => ({
          modelId: m.modelId ?? '',
          modelArn: m.modelArn,
          name: m.modelName,
          inferenceTypes: (m.inferenceTypesSupported ?? []) as string[],
          lifecycle: m.modelLifecycle?.status,
          streaming: m.responseStreamingSupported,
        })),
      profiles: profiles.filter((p) => p.modelIds.some((id) => id.startsWith('anthropic.'))),
    };
  } catch (err) {
    throw fromAwsError(err, `listing models in ${options.region}`);
  } finally {
    client.destroy();
  }
}
