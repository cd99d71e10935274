import { TesseraError, type PluginRegistry } from '@tessera/core';
import {
  DEFAULT_SCENARIO_STRATEGY,
  parseScenario,
  SCENARIO_VERSION,
  type Scenario,
} from '@tessera/scenarios';

/** One what-if edit as the builder holds it: the scenario format's JSON, possibly incomplete. */
export type EditDraft = { type: string } & Record<string, unknown>;

/**
 * A scenario as the builder edits it: the scenario format without `dataset` (the page knows
 * the stored dataset). Plain JSON, so it can be compared, saved and sent to a worker as it is.
 */
export interface ScenarioDraft {
  version: typeof SCENARIO_VERSION;
  name: string;
  description?: string | undefined;
  /** Named polygons filters may use; kept as they came, the builder does not edit them. */
  areas?: Record<string, unknown> | undefined;
  edits: EditDraft[];
  strategy: { id: string; params: Record<string, unknown> };
  seed: string | number;
}

/** What the scenario parser says of a draft: the parsed scenario, or its one-line message. */
export type DraftCheck =
  | { ok: true; scenario: Scenario }
  | {
      ok: false;
      /** The parser's message, exactly (`scenario "x": edits[2].factor: must be at least 0, got -1`). */
      message: string;
      /** Where it points, as the parser writes it (`edits[2].factor`); '' for the whole scenario. */
      path: string;
      /** The message without the scenario and path in front, for showing beside a field. */
      reason: string;
    };

/** A new scenario on a dataset: the default strategy, no edits, seed 0. */
export function newDraft(name: string): ScenarioDraft {
  return {
    version: SCENARIO_VERSION,
    name,
    edits: [],
    strategy: { id: DEFAULT_SCENARIO_STRATEGY, params: {} },
    seed: 0,
  };
}

/** A stored scenario (the API's `scenario`, with `dataset: { id }`) as a draft. */
export function draftFromStored(stored: Record<string, unknown>): ScenarioDraft {
  const { dataset: _dataset, ...rest } = stored;
  const strategy = isRecord(rest.strategy) ? rest.strategy : {};
  const draft: ScenarioDraft = {
    version: SCENARIO_VERSION,
    name: typeof rest.name === 'string' ? rest.name : '',
    edits: Array.isArray(rest.edits) ? rest.edits.filter(isEdit) : [],
    strategy: {
      id: typeof strategy.id === 'string' ? strategy.id : DEFAULT_SCENARIO_STRATEGY,
      params: isRecord(strategy.params) ? { ...strategy.params } : {},
    },
    seed: typeof rest.seed === 'string' || typeof rest.seed === 'number' ? rest.seed : 0,
  };
  if (typeof rest.description === 'string') draft.description = rest.description;
  if (isRecord(rest.areas) && Object.keys(rest.areas).length > 0) draft.areas = rest.areas;
  return draft;
}

/** The body `scenarios.create` / `update` take: the draft naming its stored dataset. */
export function scenarioBody(draft: ScenarioDraft, datasetId: string): Record<string, unknown> {
  return { ...runnableScenario(draft), dataset: { id: datasetId } };
}

/** The draft as the scenario format a worker runs (no `dataset`: the worker holds it). */
export function runnableScenario(draft: ScenarioDraft): Record<string, unknown> {
  const out: Record<string, unknown> = {
    version: draft.version,
    name: draft.name,
    edits: draft.edits,
    strategy: draft.strategy,
    seed: draft.seed,
  };
  if (draft.description !== undefined && draft.description !== '') {
    out.description = draft.description;
  }
  if (draft.areas) out.areas = draft.areas;
  return out;
}

/**
 * Checks a draft with `@tessera/scenarios`' own parser, so the builder says what the CLI and
 * the API say. With a registry that knows the strategy, its parameters are checked too; a
 * strategy only the worker bundles is checked there, when the scenario runs.
 */
export function checkDraft(draft: ScenarioDraft, registry?: PluginRegistry | null): DraftCheck {
  const known = registry?.has(draft.strategy.id) ? registry : undefined;
  try {
    const scenario = parseScenario(runnableScenario(draft), known ? { registry: known } : {});
    return { ok: true, scenario };
  } catch (error) {
    if (!(error instanceof TesseraError)) throw error;
    return { ok: false, message: error.message, ...splitMessage(error.message, draft.name) };
  }
}

/**
 * The path and reason of a parser message: `scenario "x": edits[2].factor: must be …` gives
 * `edits[2].factor` and `must be …`. The label is the parser's (the name quoted as JSON would).
 */
export function splitMessage(message: string, name: string): { path: string; reason: string } {
  const labels = name === '' ? ['scenario: '] : [`scenario "${name}": `, 'scenario: '];
  const label = labels.find((l) => message.startsWith(l));
  const rest = label ? message.slice(label.length) : message;
  const match = /^((?:[A-Za-z_$][\w$]*|\[\d+\])(?:\.[A-Za-z_$][\w$-]*|\[\d+\])*): (.*)$/s.exec(
    rest,
  );
  if (!match) return { path: '', reason: rest };
  return { path: match[1]!, reason: match[2]! };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isEdit(value: unknown): value is EditDraft {
  return isRecord(value) && typeof value.type === 'string';
}
