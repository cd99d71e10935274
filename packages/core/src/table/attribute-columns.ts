import {
  CategoryColumn,
  CategoryColumnBuilder,
  type CategoryColumnData,
} from './category-column.js';

/** Extra CSV columns, by header, in file order: how both tables keep what the contract does not name. */
export type AttributeColumns = ReadonlyMap<string, CategoryColumn>;

export function attributesFromData(
  data: readonly [string, CategoryColumnData][],
): AttributeColumns {
  return new Map(data.map(([key, column]) => [key, new CategoryColumn(column)]));
}

export function attributesToData(columns: AttributeColumns): [string, CategoryColumnData][] {
  return [...columns].map(([key, column]) => [key, column.data()]);
}

/** Row i's attributes as a plain record; missing values are left out. */
export function attributesOfRow(columns: AttributeColumns, i: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, column] of columns) {
    const value = column.get(i);
    if (value !== null) out[key] = value;
  }
  return out;
}

/** Builds attribute columns row by row; a column first seen late is back-filled with missing. */
export class AttributeColumnsBuilder {
  readonly #columns = new Map<string, CategoryColumnBuilder>();
  readonly #expected: number;
  #rows = 0;

  constructor(expectedRows: number) {
    this.#expected = expectedRows;
  }

  declare(key: string): void {
    if (this.#columns.has(key)) return;
    const column = new CategoryColumnBuilder(this.#expected);
    for (let i = 0; i < this.#rows; i++) column.push(null);
    this.#columns.set(key, column);
  }

  push(attributes: Readonly<Record<string, string>> | null | undefined): void {
    if (attributes) for (const key of Object.keys(attributes)) this.declare(key);
    if (this.#columns.size > 0) {
      for (const [key, column] of this.#columns) column.push(attributes?.[key]);
    }
    this.#rows++;
  }

  finish(): [string, CategoryColumnData][] {
    return [...this.#columns].map(([key, column]) => [key, column.finish().data()]);
  }
}
