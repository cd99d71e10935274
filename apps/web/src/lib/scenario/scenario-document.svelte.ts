import { trpc } from '../api/client.ts';
import { describeError } from '../api/errors.ts';
import { withKey } from './json-values.ts';
import { draftFromStored, scenarioBody, type ScenarioDraft } from './scenario-draft.ts';

/** Another save came first: the version on the server, kept beside the planner's own. */
export interface SaveConflict {
  theirs: ScenarioDraft;
  theirRevision: number;
  /** Top-level fields both sides changed since the planner's version was read. */
  bothChanged: string[];
}

/**
 * A scenario being edited against the API: the version last read or saved (`base`, at
 * `revision`) and the planner's draft. Saves name the revision they were read at; a 409 keeps
 * the draft as it is and holds the server's version beside it until the planner chooses.
 */
export class ScenarioDocument {
  id = $state<string | null>(null);
  readonly datasetId: string;
  revision = $state(0);
  base: ScenarioDraft;
  draft: ScenarioDraft;
  saving = $state(false);
  problem = $state<string | null>(null);
  conflict = $state.raw<SaveConflict | null>(null);
  /** Said after a save, for the status line. */
  notice = $state<string | null>(null);

  get dirty(): boolean {
    return JSON.stringify(this.draft) !== JSON.stringify(this.base);
  }

  constructor(init: {
    id: string | null;
    datasetId: string;
    revision: number;
    draft: ScenarioDraft;
  }) {
    this.id = init.id;
    this.datasetId = init.datasetId;
    this.revision = init.revision;
    this.base = $state.raw(init.draft);
    this.draft = $state.raw(init.draft);
  }

  update(draft: ScenarioDraft): void {
    this.draft = draft;
    this.notice = null;
  }

  /** Saves the draft: a new scenario, or the next revision of this one. False when refused. */
  async save(): Promise<boolean> {
    return this.#write(this.revision);
  }

  /** Saves the draft over the version that came first (the planner chose to). */
  async overwrite(): Promise<boolean> {
    const conflict = this.conflict;
    if (!conflict) return false;
    return this.#write(conflict.theirRevision);
  }

  /**
   * Takes the server's version and applies the planner's changes to it again: every top-level
   * field the planner changed since their version was read comes from the draft, the rest from
   * the server. Nothing is saved until the planner saves.
   */
  reapply(): void {
    const conflict = this.conflict;
    if (!conflict) return;
    const merged = mergeChanges(this.base, this.draft, conflict.theirs);
    this.base = conflict.theirs;
    this.revision = conflict.theirRevision;
    this.draft = merged;
    this.conflict = null;
    this.notice = `Your changes are now on revision ${conflict.theirRevision}; save to keep them.`;
  }

  dismissConflict(): void {
    this.conflict = null;
  }

  /** Saves a copy under a new name; its id. */
  async duplicate(name: string): Promise<string | null> {
    this.problem = null;
    try {
      const saved = await trpc.scenarios.create.mutate(
        scenarioBody({ ...this.draft, name }, this.datasetId),
      );
      return saved.id;
    } catch (error) {
      this.problem = describeError(error).message;
      return null;
    }
  }

  async remove(): Promise<boolean> {
    if (this.id === null) return false;
    this.problem = null;
    try {
      await trpc.scenarios.delete.mutate({ id: this.id });
      return true;
    } catch (error) {
      this.problem = describeError(error).message;
      return false;
    }
  }

  async #write(revision: number): Promise<boolean> {
    this.saving = true;
    this.problem = null;
    this.notice = null;
    const draft = this.draft;
    const body = scenarioBody(draft, this.datasetId);
    try {
      if (this.id === null) {
        const saved = await trpc.scenarios.create.mutate(body);
        this.id = saved.id;
        this.revision = saved.revision;
      } else {
        const saved = await trpc.scenarios.update.mutate({ id: this.id, revision, scenario: body });
        this.revision = saved.revision;
      }
      this.base = draft;
      this.conflict = null;
      this.notice = `Saved as revision ${this.revision}.`;
      return true;
    } catch (error) {
      const problem = describeError(error);
      if (problem.code === 'CONFLICT' && this.id !== null) {
        await this.#loadConflict(this.id);
      } else {
        this.problem = problem.message;
      }
      return false;
    } finally {
      this.saving = false;
    }
  }

  async #loadConflict(id: string): Promise<void> {
    try {
      const record = await trpc.scenarios.get.query({ id });
      const theirs = draftFromStored(record.scenario);
      this.conflict = {
        theirs,
        theirRevision: record.revision,
        bothChanged: changedKeys(this.base, this.draft).filter((key) =>
          changedKeys(this.base, theirs).includes(key),
        ),
      };
    } catch (error) {
      this.problem = `Someone else saved this scenario since you opened it, and their version could not be read: ${describeError(error).message}`;
    }
  }
}

type DraftKey = keyof ScenarioDraft;

/** Top-level fields that differ between two versions. */
export function changedKeys(a: ScenarioDraft, b: ScenarioDraft): DraftKey[] {
  const keys = [...Object.keys(a), ...Object.keys(b)] as DraftKey[];
  return keys
    .filter((key, i) => keys.indexOf(key) === i)
    .filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]));
}

/** `theirs` with every top-level field `mine` changed against `base` taken from `mine`. */
export function mergeChanges(
  base: ScenarioDraft,
  mine: ScenarioDraft,
  theirs: ScenarioDraft,
): ScenarioDraft {
  let merged: Record<string, unknown> = { ...theirs };
  for (const key of changedKeys(base, mine)) merged = withKey(merged, key, mine[key]);
  return merged as unknown as ScenarioDraft;
}
