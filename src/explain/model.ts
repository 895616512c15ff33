// What the catalog says about the model of the failed request: the resolver's verdict for
// (model, region), mapped to a cause, plus the base ID and profile prefix for IAM ARNs.
// Pure: the resolver and the catalog are pure.
import { catalog as builtInCatalog, modelByAlias, modelById, type CatalogModel } from '../catalog/index.js';
import { CliError, ExitCode, type Cause } from '../errors.js';
import { parseModelId, resolveModel, workingIds } from '../resolver.js';
import type { ExplainContext } from './types.js';

export interface ModelVerdict {
  /** What was checked (the -m value, or an ID found in the message). */
  input: string;
  /** True when the resolver accepts the model from this region. */
  accepted: boolean;
  /** The resolver's cause when it refuses. */
  cause?: Cause;
  /** The resolver's reason (refusal) or its warnings (acceptance), as one sentence. */
  reason?: string;
  fix?: string;
  suggestions: string[];
  /** The ID that would be sent (accepted) or that was asked for. */
  modelId?: string;
  baseModelId?: string;
  prefix?: string;
  /** An ARN given as the model. */
  arn?: string;
  model?: CatalogModel;
}

/** Judge `input` (default: the context's model) from the context's region. Undefined without a model. */
export function judgeModel(context: ExplainContext, input = context.model): ModelVerdict | undefined {
  const name = input?.trim();
  if (!name) return undefined;
  const from = context.catalog ?? builtInCatalog;
  const requested = describeRequested(name, context);
  try {
    const resolution = resolveModel({
      input: name,
      region: context.region ?? '',
      scope: 'auto',
      aliases: context.aliases,
      today: context.today,
      catalog: from,
      live: context.live,
    });
    const warnings = resolution.warnings.filter((w) => !/does not know region/.test(w));
    return {
      input: name,
      accepted: true,
      reason: warnings.length > 0 ? warnings.join('; ') : undefined,
      suggestions: [],
      modelId: resolution.modelId,
      baseModelId: resolution.baseModelId ?? requested.baseModelId,
      prefix: resolution.prefix ?? requested.prefix,
      arn: resolution.scope === 'arn' ? resolution.modelId : undefined,
      model: resolution.model ?? requested.model,
    };
  } catch (err) {
    if (!(err instanceof CliError) || err.exitCode !== ExitCode.rejected) return undefined;
    const suggestions = err.details?.suggestions;
    return {
      input: name,
      accepted: false,
      cause: err.causeCode as Cause,
      reason: err.message,
      fix: err.fix,
      suggestions: Array.isArray(suggestions) ? suggestions.filter((s): s is string => typeof s === 'string') : [],
      ...requested,
    };
  }
}

/** Prefix, base ID and catalog model of what was asked for, even when the resolver refuses it. */
function describeRequested(name: string, context: ExplainContext): Pick<ModelVerdict, 'modelId' | 'baseModelId' | 'prefix' | 'model' | 'arn'> {
  const from = context.catalog ?? builtInCatalog;
  const target = context.aliases?.[name.toLowerCase()] ?? name;
  if (target.startsWith('arn:')) {
    const profile = target.match(/:(?:inference-profile|foundation-model)\/(.+)$/);
    const parsed = profile?.[1] ? parseModelId(profile[1], from) : undefined;
    return { arn: target, modelId: target, baseModelId: parsed?.baseId, prefix: parsed?.prefix, model: parsed ? modelById(parsed.baseId, from) : undefined };
  }
  const aliased = modelByAlias(target, from);
  if (aliased) return { baseModelId: aliased.id, model: aliased };
  const parsed = parseModelId(target, from);
  if (!parsed) return {};
  return { modelId: target, baseModelId: parsed.baseId, prefix: parsed.prefix, model: modelById(parsed.baseId, from) };
}

/** IDs that call `baseId` through an inference profile from `region` (all its profiles without a region). */
export function profileIdsFor(baseId: string, context: ExplainContext): string[] {
  const from = context.catalog ?? builtInCatalog;
  const model = modelById(baseId, from);
  if (!model) return [];
  if (context.region) return workingIds(model, { region: context.region, catalog: from, live: context.live }).filter((id) => id !== model.id);
  return model.profiles.value.map((prefix) => `${prefix}.${model.id}`);
}

/** The replacement the catalog names for a legacy or retired model, as an ID. */
export function replacementFor(model: CatalogModel | undefined, context: ExplainContext): CatalogModel | undefined {
  const id = model?.lifecycle.value.replacement;
  return id ? modelById(id, context.catalog ?? builtInCatalog) : undefined;
}

/** A model ID named in the message itself ("Invocation of model ID X …", "Value 'X' at 'modelId' …", an ARN). */
export function modelIdInMessage(message: string): string | undefined {
  const patterns = [
    /model ID (\S+?) with on-demand/i,
    /Value '([^']+)' at 'modelId'/,
    /(?:inference-profile|foundation-model)\/([\w.:-]+)/,
    /\b((?:[a-z]{2,7}(?:-[a-z]+)?\.)?anthropic\.claude[\w.:-]*\w)/,
  ];
  for (const pattern of patterns) {
    const id = message.match(pattern)?.[1];
    if (id) return id;
  }
  return undefined;
}
