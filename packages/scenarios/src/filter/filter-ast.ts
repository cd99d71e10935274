// The filter language's syntax tree: what parseFilter returns, formatFilter prints and
// matchAccounts evaluates. Plain JSON-friendly objects so an AST can cross to a worker or an API.

/** A built-in field of the catalogue (see FILTER_FIELDS). */
export type FilterFieldName =
  | 'id'
  | 'name'
  | 'postal_code'
  | 'region'
  | 'country'
  | 'industry'
  | 'owner'
  | 'employees'
  | 'annual_revenue'
  | 'potential'
  | 'revenue'
  | 'workload'
  | 'lat'
  | 'lon'
  | 'locked'
  | 'size'
  | 'skills';

/** An extra CSV column, by its exact header: `attr.segment`, `attr.column with spaces`. */
export type AttributeFieldName = `attr.${string}`;

/** What a comparison or `in` names: a catalogue field or an attribute column. */
export type FilterFieldRef = Exclude<FilterFieldName, 'skills'> | AttributeFieldName;

export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';

/** A literal: a string for text, tier and attribute fields, a number or a boolean. */
export type FilterValue = string | number | boolean;

export interface AndFilter {
  readonly kind: 'and';
  /** Two or more (the parser flattens `a and b and c`; parentheses keep their own node). */
  readonly operands: readonly FilterExpression[];
}

export interface OrFilter {
  readonly kind: 'or';
  readonly operands: readonly FilterExpression[];
}

/** The complement: every account the operand does not match, missing values included. */
export interface NotFilter {
  readonly kind: 'not';
  readonly operand: FilterExpression;
}

export interface CompareFilter {
  readonly kind: 'compare';
  readonly field: FilterFieldRef;
  readonly op: CompareOp;
  readonly value: FilterValue;
}

/** `field in (…)`, or `field not in (…)` when negated; a missing value satisfies neither. */
export interface InFilter {
  readonly kind: 'in';
  readonly field: FilterFieldRef;
  readonly values: readonly FilterValue[];
  readonly negated: boolean;
}

/** `field is null`, or `field is not null` when negated. */
export interface IsNullFilter {
  readonly kind: 'isNull';
  readonly field: FilterFieldRef;
  readonly negated: boolean;
}

/** `skills has "industry:healthcare"`. */
export interface HasFilter {
  readonly kind: 'has';
  readonly field: 'skills';
  readonly tag: string;
}

/** `within "bay-area"`: the account's location lies in the named area. */
export interface WithinFilter {
  readonly kind: 'within';
  readonly area: string;
}

/** `all`: every account. */
export interface AllFilter {
  readonly kind: 'all';
}

export type FilterExpression =
  | AndFilter
  | OrFilter
  | NotFilter
  | CompareFilter
  | InFilter
  | IsNullFilter
  | HasFilter
  | WithinFilter
  | AllFilter;
