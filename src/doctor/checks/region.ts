// Check 3: a region is set, the catalog knows Claude routes from it, and the chosen model is offered there.
import { catalog, knownRegions } from '../../catalog/index.js';
import { describeSource } from '../../config/load.js';
import { defineCheck } from '../check.js';

export const regionCheck = defineCheck('region', 'Region', async (ctx, v) => {
  const { settings, resolutionError } = ctx.facts;
  if (!settings) return v.skip('the configuration could not be read (see Config)');
  if (!settings.region) {
    return v.fail(
      'no AWS region is set',
      'Pass --region (e.g. us-east-1), set AWS_REGION, add "region" to .bedrock-claude.json, or set a region in your AWS profile.',
      { cause: 'endpoint-config' },
    );
  }
  const region = settings.region.value;
  const where = `${region} (${describeSource(settings.region.source)})`;
  if (!knownRegions(catalog).has(region)) {
    return v.warn(
      `${where}: the catalog knows no Claude route from this region`,
      `Check the region name; Claude on Bedrock is called from regions such as us-east-1, us-west-2, eu-central-1 and ap-northeast-1 (\`bedrock-claude models list --region ${region}\` asks Bedrock itself).`,
      { cause: 'endpoint-config' },
    );
  }
  // The model has no route at all from here (not just a wrong ID for it): the region is the problem.
  if (resolutionError?.causeCode === 'model-not-in-region') {
    return v.fail(`${where}: ${resolutionError.message}`, resolutionError.fix ?? 'Pick a region where the model is offered.', { cause: 'model-not-in-region' });
  }
  return v.pass(where);
});
