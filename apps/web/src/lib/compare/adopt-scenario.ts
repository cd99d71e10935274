import { adoptionOf, withAdoption, withoutAdoption } from './adoption-note.ts';
import { datasetIdOf, type ScenarioRecord } from './load-comparison.ts';

/** The API calls adoption makes (the page passes tRPC's). */
export interface AdoptDeps {
  listScenarios(): Promise<{ id: string; datasetId: string }[]>;
  getScenario(id: string): Promise<ScenarioRecord>;
  updateScenario(input: {
    id: string;
    revision: number;
    scenario: Record<string, unknown>;
  }): Promise<{ revision: number }>;
  isConflict(error: unknown): boolean;
}

/**
 * Marks one scenario adopted for its dataset and takes the mark off any other scenario of that
 * dataset, each with a save that names the revision it read. A save that meets a newer revision
 * (someone saved meanwhile) reads the scenario again and retries once, so their edit is kept.
 * Returns the adopted scenario's new record.
 */
export async function adoptScenario(
  id: string,
  over: readonly string[],
  deps: AdoptDeps,
  now: Date = new Date(),
): Promise<ScenarioRecord> {
  const chosen = await deps.getScenario(id);
  const datasetId = datasetIdOf(chosen);
  const siblings = (await deps.listScenarios()).filter(
    (s) => s.datasetId === datasetId && s.id !== id,
  );
  for (const sibling of siblings) {
    await save(sibling.id, deps, (record) => {
      const description = record.scenario.description as string | undefined;
      if (!adoptionOf(description)) return null;
      return describe(record, withoutAdoption(description));
    });
  }
  const saved = await save(id, deps, (record) =>
    describe(record, withAdoption(record.scenario.description as string | undefined, now, over)),
  );
  return saved ?? chosen;
}

/** The scenario with this description (or none). */
function describe(record: ScenarioRecord, description: string | undefined) {
  const { description: _old, ...rest } = record.scenario;
  return description === undefined ? rest : { ...rest, description };
}

async function save(
  id: string,
  deps: AdoptDeps,
  change: (record: ScenarioRecord) => Record<string, unknown> | null,
): Promise<ScenarioRecord | null> {
  for (let attempt = 0; ; attempt++) {
    const record = await deps.getScenario(id);
    const scenario = change(record);
    if (scenario === null) return null;
    try {
      const { revision } = await deps.updateScenario({ id, revision: record.revision, scenario });
      return { ...record, revision, scenario };
    } catch (error) {
      if (attempt === 0 && deps.isConflict(error)) continue;
      throw error;
    }
  }
}
