import { ATTRIBUTE_PREFIX, FILTER_FIELDS, SIZE_TIER_IDS, filterField } from './fields.js';
import type { FilterFieldType } from './fields.js';
import type { CompareOp, FilterExpression, FilterFieldRef, FilterValue } from './filter-ast.js';
import { FilterSyntaxError, quote } from './filter-error.js';
import { tokenizeFilter, type Token } from './tokenize-filter.js';

const KEYWORDS = new Set([
  'and',
  'or',
  'not',
  'in',
  'is',
  'null',
  'has',
  'within',
  'all',
  'true',
  'false',
]);

/** What each kind of field accepts after its name, for messages. */
const USAGE: Readonly<Record<FilterFieldType, string>> = {
  text: '=, !=, in, not in, is null, is not null',
  number: '=, !=, <, <=, >, >=, in, not in, is null, is not null',
  boolean: '= or !=',
  tier: '=, !=, in or not in',
  tags: 'has',
};

const FIELD_LIST = [
  ...FILTER_FIELDS.map((field) => field.name),
  `${ATTRIBUTE_PREFIX}<column>`,
].join(', ');

/**
 * Parses filter text into a type-checked {@link FilterExpression}. Precedence, loosest first:
 * `or`, `and`, `not`, then a condition or a parenthesised filter. Throws
 * {@link FilterSyntaxError} (code `INVALID_FILTER`) naming the 1-based column and the reason.
 */
export function parseFilter(text: string): FilterExpression {
  return new Parser(text, tokenizeFilter(text)).parse();
}

type Field =
  | {
      readonly ref: FilterFieldRef;
      readonly type: Exclude<FilterFieldType, 'tags'>;
      readonly token: Token;
    }
  | { readonly ref: 'skills'; readonly type: 'tags'; readonly token: Token };

class Parser {
  readonly #text: string;
  readonly #tokens: readonly Token[];
  #at = 0;

  constructor(text: string, tokens: readonly Token[]) {
    this.#text = text;
    this.#tokens = tokens;
  }

  parse(): FilterExpression {
    if (this.#peek().kind === 'end') {
      this.#fail(this.#peek(), 'empty filter (write all to match every account)');
    }
    const expr = this.#or();
    const rest = this.#peek();
    if (rest.kind !== 'end') {
      this.#fail(rest, `${describe(rest)}${rest.raw === ')' ? ' without a matching "("' : ''}`);
    }
    return expr;
  }

  #or(): FilterExpression {
    const operands = [this.#and()];
    while (this.#keyword('or')) {
      this.#next();
      operands.push(this.#and());
    }
    return operands.length === 1 ? operands[0]! : { kind: 'or', operands };
  }

  #and(): FilterExpression {
    const operands = [this.#unary()];
    while (this.#keyword('and')) {
      this.#next();
      operands.push(this.#unary());
    }
    return operands.length === 1 ? operands[0]! : { kind: 'and', operands };
  }

  #unary(): FilterExpression {
    if (this.#keyword('not')) {
      this.#next();
      return { kind: 'not', operand: this.#unary() };
    }
    return this.#primary();
  }

  #primary(): FilterExpression {
    const token = this.#peek();
    if (token.raw === '(' && token.kind === 'punct') {
      this.#next();
      const inner = this.#or();
      const close = this.#peek();
      if (close.raw !== ')' || close.kind !== 'punct') {
        this.#fail(close, `expected ")" to close the "(" at position ${token.start + 1}`);
      }
      this.#next();
      return inner;
    }
    if (this.#keyword('all')) {
      this.#next();
      return { kind: 'all' };
    }
    if (this.#keyword('within')) {
      this.#next();
      const area = this.#peek();
      if (area.kind !== 'string')
        this.#fail(area, 'expected an area name in quotes after "within"');
      this.#next();
      return { kind: 'within', area: area.value };
    }
    if (token.kind === 'word' && !KEYWORDS.has(token.raw.toLowerCase())) {
      return this.#condition(this.#field());
    }
    const previous = this.#tokens[this.#at - 1];
    if (token.kind === 'end' && previous) {
      this.#fail(token, `expected a condition after "${previous.raw}"`);
    }
    return this.#fail(token, describe(token));
  }

  #field(): Field {
    const token = this.#next();
    const name = token.raw.toLowerCase();
    if (name === 'attr' && this.#peek().raw === '.' && this.#peek().kind === 'punct') {
      this.#next();
      const column = this.#next();
      if (column.kind !== 'word' && column.kind !== 'string') {
        this.#fail(column, 'expected a column name after "attr."');
      }
      const header = column.kind === 'string' ? column.value : column.raw;
      if (header === '') this.#fail(column, 'empty attribute column name');
      return { ref: `${ATTRIBUTE_PREFIX}${header}`, type: 'text', token };
    }
    const info = filterField(name);
    if (!info) this.#fail(token, `unknown field ${quote(token.raw)} (fields: ${FIELD_LIST})`);
    if (info.type === 'tags') return { ref: 'skills', type: 'tags', token };
    return { ref: info.name as FilterFieldRef, type: info.type, token };
  }

  #condition(field: Field): FilterExpression {
    const token = this.#peek();
    const label =
      field.type === 'text' && field.ref.startsWith(ATTRIBUTE_PREFIX) ? 'attribute' : field.type;
    const misuse = (what: string): never =>
      this.#fail(
        token,
        `"${what}" does not apply to ${label} field ${quote(field.ref)} (use ${USAGE[field.type]})`,
      );
    if (field.type === 'tags' || this.#keyword('has')) {
      if (field.type !== 'tags') return misuse('has');
      if (!this.#keyword('has')) {
        return this.#fail(token, `${quote(field.ref)} is a tags field: use has "<tag>"`);
      }
      this.#next();
      const tag = this.#peek();
      if (tag.kind !== 'string') this.#fail(tag, 'expected a skill in quotes after "has"');
      this.#next();
      return { kind: 'has', field: 'skills', tag: tag.value };
    }
    if (token.kind === 'op') {
      this.#next();
      const op: CompareOp = token.raw;
      if (op !== '=' && op !== '!=' && field.type !== 'number') misuse(op);
      return { kind: 'compare', field: field.ref, op, value: this.#value(field, token) };
    }
    if (this.#keyword('is')) {
      if (field.type === 'boolean' || field.type === 'tier') misuse('is null');
      this.#next();
      let negated = false;
      if (this.#keyword('not')) {
        this.#next();
        negated = true;
      }
      if (!this.#keyword('null')) {
        this.#fail(this.#peek(), `expected "null" after "${negated ? 'not' : 'is'}"`);
      }
      this.#next();
      return { kind: 'isNull', field: field.ref, negated };
    }
    if (this.#keyword('in') || this.#keyword('not')) {
      const negated = this.#keyword('not');
      if (field.type === 'boolean') misuse(negated ? 'not in' : 'in');
      this.#next();
      if (negated) {
        if (!this.#keyword('in')) this.#fail(this.#peek(), 'expected "in" after "not"');
        this.#next();
      }
      return { kind: 'in', field: field.ref, values: this.#list(field), negated };
    }
    return this.#fail(
      token,
      `expected an operator after ${quote(field.token.raw)} (${USAGE[field.type]})`,
    );
  }

  #list(field: Field): FilterValue[] {
    const open = this.#peek();
    if (open.raw !== '(' || open.kind !== 'punct') this.#fail(open, 'expected "(" after "in"');
    this.#next();
    const values = [this.#value(field, open)];
    for (;;) {
      const token = this.#next();
      if (token.kind === 'punct' && token.raw === ')') return values;
      if (token.kind !== 'punct' || token.raw !== ',') this.#fail(token, 'expected "," or ")"');
      values.push(this.#value(field, token));
    }
  }

  /** A literal of the field's type, following the token `after` (for messages). */
  #value(field: Field, after: Token): FilterValue {
    const token = this.#next();
    const where = `after "${after.raw}"`;
    switch (field.type) {
      case 'number':
        if (token.kind !== 'number') this.#fail(token, `expected a number ${where}`);
        return token.value;
      case 'boolean': {
        const word = token.kind === 'word' ? token.raw.toLowerCase() : '';
        if (word !== 'true' && word !== 'false')
          this.#fail(token, `expected true or false ${where}`);
        return word === 'true';
      }
      case 'tier': {
        const tiers = SIZE_TIER_IDS.map(quote).join(', ');
        if (token.kind !== 'string') this.#fail(token, `expected a size tier ${where} (${tiers})`);
        if (!SIZE_TIER_IDS.includes(token.value)) {
          this.#fail(token, `unknown size tier ${quote(token.value)} (tiers: ${tiers})`);
        }
        return token.value;
      }
      default:
        if (token.kind !== 'string') {
          const hint =
            token.kind === 'word' && !KEYWORDS.has(token.raw.toLowerCase())
              ? ` (quote text: ${quote(token.raw)})`
              : '';
          this.#fail(token, `expected a string ${where}${hint}`);
        }
        return token.value;
    }
  }

  #peek(): Token {
    return this.#tokens[this.#at]!;
  }

  #next(): Token {
    const token = this.#tokens[this.#at]!;
    if (token.kind !== 'end') this.#at++;
    return token;
  }

  #keyword(word: string): boolean {
    const token = this.#peek();
    return token.kind === 'word' && token.raw.toLowerCase() === word;
  }

  #fail(token: Token, reason: string): never {
    throw new FilterSyntaxError(this.#text, token.start + 1, reason);
  }
}

function describe(token: Token): string {
  if (token.kind === 'end') return 'unexpected end of filter';
  if (token.kind === 'string') return `unexpected string ${token.raw}`;
  return `unexpected "${token.raw}"`;
}
