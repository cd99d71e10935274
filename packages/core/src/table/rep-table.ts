import { TesseraError } from '../errors/tessera-error.js';
import {
  CategoryColumn,
  CategoryColumnBuilder,
  type CategoryColumnData,
} from './category-column.js';
import { Float64Builder } from './growable.js';
import { levelRank } from './rep-level.js';
import { StringColumn, StringColumnBuilder, type StringColumnData } from './string-column.js';
import { TagColumn, TagColumnBuilder, type TagColumnData } from './tag-column.js';
import {
  AttributeColumnsBuilder,
  attributesFromData,
  attributesOfRow,
  attributesToData,
  type AttributeColumns,
} from './attribute-columns.js';
import { buildIdIndex, collectBuffers } from './table-support.js';

/** One rep as written by a program. */
export interface RepInput {
  id: string;
  name?: string | null;
  /** Home base, WGS84 degrees. */
  lat?: number | null;
  lon?: number | null;
  /** Workload units the rep can carry. */
  capacity?: number | null;
  /** Tags such as `industry:healthcare`, `segment:enterprise`, `lang:es`. */
  skills?: readonly string[] | null;
  /**
   * Seniority rank: higher is more senior (1 = associate … 4 = principal in the sample data).
   * When left out, it comes from `levelLabel` through the ladder of {@link levelRank}.
   */
  level?: number | null;
  /** The level as a title (`Senior AE`, `AE II`), kept as written. */
  levelLabel?: string | null;
  attributes?: Readonly<Record<string, string>> | null;
}

/** One rep read back from a table: missing values are `null`. */
export interface RepRow {
  index: number;
  id: string;
  name: string;
  lat: number | null;
  lon: number | null;
  capacity: number | null;
  skills: string[];
  /** Seniority rank; null when missing or when the label is not on the ladder. */
  level: number | null;
  /** The level's title as written, null when the level was given as a number. */
  levelLabel: string | null;
  attributes: Record<string, string>;
}

export const REP_MEASURES = ['lat', 'lon', 'capacity', 'level'] as const;
export type RepMeasure = (typeof REP_MEASURES)[number];

/** Everything a {@link RepTable} holds, as plain typed arrays. */
export interface RepTableData {
  kind: 'reps';
  id: StringColumnData;
  name: StringColumnData;
  measures: Record<RepMeasure, Float64Array>;
  skills: TagColumnData;
  /** Level titles; absent in data made before labels existed (every row then has none). */
  levelLabel?: CategoryColumnData;
  attributes: [string, CategoryColumnData][];
}

/** Reps stored column by column, like {@link AccountTable}. */
export class RepTable {
  readonly length: number;
  readonly id: StringColumn;
  readonly name: StringColumn;
  readonly lat: Float64Array;
  readonly lon: Float64Array;
  readonly capacity: Float64Array;
  /** Seniority rank, NaN when missing or unknown: what strategies compare. */
  readonly level: Float64Array;
  /** The level as a title where the file gave one (-1 where it gave a number or nothing). */
  readonly levelLabel: CategoryColumn;
  readonly skills: TagColumn;
  readonly attributes: AttributeColumns;
  #index: Map<string, number> | undefined;

  constructor(data: RepTableData) {
    this.id = new StringColumn(data.id);
    this.name = new StringColumn(data.name);
    this.length = this.id.length;
    this.lat = data.measures.lat;
    this.lon = data.measures.lon;
    this.capacity = data.measures.capacity;
    this.level = data.measures.level;
    this.levelLabel = new CategoryColumn(
      data.levelLabel ?? { codes: new Int32Array(this.length).fill(-1), dictionary: [] },
    );
    this.skills = new TagColumn(data.skills);
    this.attributes = attributesFromData(data.attributes);
    for (const [name, column] of [
      ['name', this.name],
      ...REP_MEASURES.map((m) => [m, this[m]] as const),
      ['skills', this.skills],
      ['levelLabel', this.levelLabel],
      ...[...this.attributes].map(([k, c]) => [`attribute ${k}`, c] as const),
    ] as const) {
      if (column.length !== this.length) {
        throw new TesseraError(
          'TABLE_SHAPE',
          `rep table column "${name}" has ${column.length} rows, expected ${this.length}`,
        );
      }
    }
  }

  static fromRows(rows: Iterable<RepInput>): RepTable {
    const builder = new RepTableBuilder();
    for (const row of rows) builder.push(row);
    return builder.finish();
  }

  /** The row index of a rep id, or -1. */
  indexOf(id: string): number {
    this.#index ??= buildIdIndex(this.id, 'rep');
    return this.#index.get(id) ?? -1;
  }

  row(i: number): RepRow {
    const num = (v: number): number | null => (Number.isNaN(v) ? null : v);
    return {
      index: i,
      id: this.id.get(i),
      name: this.name.get(i),
      lat: num(this.lat[i]!),
      lon: num(this.lon[i]!),
      capacity: num(this.capacity[i]!),
      skills: this.skills.get(i),
      level: num(this.level[i]!),
      levelLabel: this.levelLabel.get(i),
      attributes: attributesOfRow(this.attributes, i),
    };
  }

  *rows(): IterableIterator<RepRow> {
    for (let i = 0; i < this.length; i++) yield this.row(i);
  }

  toData(): RepTableData {
    return {
      kind: 'reps',
      id: this.id.data(),
      name: this.name.data(),
      measures: { lat: this.lat, lon: this.lon, capacity: this.capacity, level: this.level },
      skills: this.skills.data(),
      levelLabel: this.levelLabel.data(),
      attributes: attributesToData(this.attributes),
    };
  }

  static fromData(data: RepTableData): RepTable {
    return new RepTable(data);
  }

  transferables(): ArrayBuffer[] {
    return collectBuffers(this.toData());
  }
}

export class RepTableBuilder {
  readonly #id = new StringColumnBuilder(64);
  readonly #name = new StringColumnBuilder(64);
  readonly #measures = Object.fromEntries(
    REP_MEASURES.map((m) => [m, new Float64Builder(64)]),
  ) as Record<RepMeasure, Float64Builder>;
  readonly #skills = new TagColumnBuilder(64);
  readonly #levelLabel = new CategoryColumnBuilder(64);
  readonly #attributes = new AttributeColumnsBuilder(64);
  readonly #seen = new Set<string>();
  #count = 0;

  get length(): number {
    return this.#count;
  }

  has(id: string): boolean {
    return this.#seen.has(id);
  }

  declareAttribute(key: string): void {
    this.#attributes.declare(key);
  }

  push(row: RepInput): void {
    if (typeof row.id !== 'string' || row.id === '') {
      throw new TesseraError('MISSING_ID', `rep #${this.#count + 1} has no id`);
    }
    if (this.#seen.has(row.id)) {
      throw new TesseraError('DUPLICATE_ID', `rep id "${row.id}" appears twice`);
    }
    this.#seen.add(row.id);
    this.#id.push(row.id);
    this.#name.push(row.name ?? '');
    const label = row.levelLabel ?? null;
    for (const m of REP_MEASURES) {
      const value = m === 'level' && row.level == null && label ? levelRank(label) : row[m];
      this.#measures[m].push(value);
    }
    this.#levelLabel.push(label);
    this.#skills.push(row.skills ?? []);
    this.#attributes.push(row.attributes);
    this.#count++;
  }

  finish(): RepTable {
    return new RepTable({
      kind: 'reps',
      id: this.#id.finish().data(),
      name: this.#name.finish().data(),
      measures: Object.fromEntries(
        REP_MEASURES.map((m) => [m, this.#measures[m].finish()]),
      ) as Record<RepMeasure, Float64Array>,
      skills: this.#skills.finish().data(),
      levelLabel: this.#levelLabel.finish().data(),
      attributes: this.#attributes.finish(),
    });
  }
}
