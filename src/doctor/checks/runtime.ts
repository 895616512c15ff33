// Checks 1a/1b: the Node.js and tool versions, and how old the built-in catalog is.
import { catalog as builtInCatalog, type Catalog } from '../../catalog/index.js';
import { defineCheck } from '../check.js';

export const MIN_NODE_MAJOR = 20;
/** The catalog is data from a date: after this many days new models and prices are likely missing. */
export const CATALOG_MAX_AGE_DAYS = 180;

export const nodeCheck = defineCheck('node', 'Node.js', async (ctx, v) => {
  const { nodeVersion, toolVersion } = ctx.options;
  const major = Number(nodeVersion.replace(/^v/, '').split('.')[0]);
  const detail = `v${nodeVersion.replace(/^v/, '')}, bedrock-claude ${toolVersion}`;
  if (!Number.isFinite(major) || major < MIN_NODE_MAJOR) {
    return v.fail(`${detail}: Node.js ${MIN_NODE_MAJOR} or later is required`, `Install Node.js ${MIN_NODE_MAJOR} LTS or later (https://nodejs.org).`);
  }
  return v.pass(detail);
});

export function catalogCheckFor(data: Catalog) {
  return defineCheck('catalog', 'Catalog', async (ctx, v) => {
    const today = ctx.options.now();
    const asOf = new Date(`${data.asOf.length === 7 ? `${data.asOf}-01` : data.asOf}T00:00:00Z`);
    const days = Math.floor((today.getTime() - asOf.getTime()) / 86_400_000);
    const detail = `built-in model catalog of ${data.asOf} (${days} days old), ${data.models.length} models`;
    if (days > CATALOG_MAX_AGE_DAYS) {
      return v.warn(
        `${detail}: newer models, profiles and prices may be missing`,
        'Update bedrock-claude (npm install -g bedrock-claude@latest); `bedrock-claude models list --refresh` shows what Bedrock offers now.',
      );
    }
    return v.pass(detail);
  });
}

export const catalogCheck = catalogCheckFor(builtInCatalog);
