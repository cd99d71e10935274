import { pluginInfo, TesseraError, type PluginRegistry } from '@tessera/core';
import { parseScenario, type Scenario } from '../schema/scenario-schema.js';
import { MAX_SWEEP_RUNS, type Sweep } from './sweep-schema.js';

/** One run of a sweep: the scenario to run and the grid values that made it. */
export interface SweepPoint {
  name: string;
  strategy: string;
  /** The grid values of this run, by parameter name. */
  values: Record<string, unknown>;
  scenario: Scenario;
}

/**
 * Every combination of the grid's values, as scenarios. A parameter the strategy does not take
 * is left out for that strategy (`k` means nothing to `nearest`), and combinations that then
 * coincide run once; for a pipeline the values go to its final territory strategy.
 */
export function expandSweep(sweep: Sweep, base: Scenario, registry: PluginRegistry): SweepPoint[] {
  const strategies = sweep.grid.strategy ?? [base.strategy.id];
  const axes: [string, readonly unknown[]][] = [];
  if (sweep.grid.k) axes.push(['k', sweep.grid.k]);
  if (sweep.grid.tolerance) axes.push(['tolerance', sweep.grid.tolerance]);
  if (sweep.grid.continuityWeight) axes.push(['continuityWeight', sweep.grid.continuityWeight]);
  for (const [name, list] of Object.entries(sweep.grid.params ?? {})) axes.push([name, list]);

  const points: SweepPoint[] = [];
  const seen = new Set<string>();
  for (const strategy of strategies) {
    let plugin;
    try {
      plugin = registry.get(strategy);
    } catch (error) {
      if (!(error instanceof TesseraError)) throw error;
      throw new TesseraError('INVALID_SWEEP', `sweep: grid.strategy: ${error.message}`, {
        cause: error,
      });
    }
    const accepted = acceptedParams(pluginInfo(plugin).paramsSchema);
    // A composition (the built-in pipeline, or one made with createPipelinePlugin) takes its
    // territory strategy's parameters under `territories.params`.
    const nested = accepted?.has('territories') === true && accepted.has('stages');
    const usable = axes.filter(([name]) => nested || accepted === null || accepted.has(name));
    const baseParams = strategy === base.strategy.id ? base.strategy.params : {};
    for (const combination of product(usable)) {
      const values = Object.fromEntries(combination);
      const key = JSON.stringify([strategy, combination]);
      if (seen.has(key)) continue;
      seen.add(key);
      const params = nested
        ? withTerritoryParams(baseParams, values)
        : { ...baseParams, ...values };
      const label = [strategy, ...combination.map(([k, v]) => `${k}=${JSON.stringify(v)}`)].join(
        ' ',
      );
      points.push({
        name: label,
        strategy,
        values,
        scenario: parseScenario(
          { ...base, name: `${base.name}: ${label}`, strategy: { id: strategy, params } },
          { registry },
        ),
      });
      if (points.length > MAX_SWEEP_RUNS) {
        throw new TesseraError(
          'INVALID_SWEEP',
          `sweep: the grid makes more than ${MAX_SWEEP_RUNS} runs; split it into smaller sweeps`,
        );
      }
    }
  }
  return points;
}

/** The parameter names a JSON Schema object lists, or null when it does not say. */
function acceptedParams(schema: Record<string, unknown>): Set<string> | null {
  const properties = schema.properties;
  return typeof properties === 'object' && properties !== null
    ? new Set(Object.keys(properties))
    : null;
}

function withTerritoryParams(
  params: Record<string, unknown>,
  values: Record<string, unknown>,
): Record<string, unknown> {
  const territories = (params.territories ?? {}) as {
    strategy?: string;
    params?: Record<string, unknown>;
  };
  return {
    ...params,
    territories: { ...territories, params: { ...(territories.params ?? {}), ...values } },
  };
}

function* product(axes: readonly [string, readonly unknown[]][]): Generator<[string, unknown][]> {
  if (axes.length === 0) {
    yield [];
    return;
  }
  const [[name, list], ...rest] = axes as [
    [string, readonly unknown[]],
    ...[string, readonly unknown[]][],
  ];
  for (const value of list) for (const tail of product(rest)) yield [[name, value], ...tail];
}
