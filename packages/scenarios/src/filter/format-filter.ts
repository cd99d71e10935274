import { ATTRIBUTE_PREFIX } from './fields.js';
import type { FilterExpression, FilterValue } from './filter-ast.js';

const BARE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The canonical text of a filter: lower-case keywords, double-quoted strings, one space around
 * operators, and parentheses wherever a group is nested in another (`a or (b and c)`), so
 * precedence never has to be remembered. `parseFilter(formatFilter(e))` equals `e`.
 */
export function formatFilter(expr: FilterExpression): string {
  switch (expr.kind) {
    case 'all':
      return 'all';
    case 'within':
      return `within ${formatString(expr.area)}`;
    case 'has':
      return `skills has ${formatString(expr.tag)}`;
    case 'compare':
      return `${formatField(expr.field)} ${expr.op} ${formatValue(expr.value)}`;
    case 'in':
      return `${formatField(expr.field)} ${expr.negated ? 'not in' : 'in'} (${expr.values
        .map(formatValue)
        .join(', ')})`;
    case 'isNull':
      return `${formatField(expr.field)} ${expr.negated ? 'is not null' : 'is null'}`;
    case 'not':
      return `not ${formatOperand(expr.operand)}`;
    case 'and':
    case 'or':
      // Fewer than two operands never come from the parser; print what they mean.
      if (expr.operands.length === 0) return expr.kind === 'and' ? 'all' : 'not all';
      if (expr.operands.length === 1) return formatFilter(expr.operands[0]!);
      return expr.operands.map(formatOperand).join(` ${expr.kind} `);
  }
}

/** A sub-filter, parenthesised when it is itself a group (its own node must survive a re-parse). */
function formatOperand(expr: FilterExpression): string {
  let inner = expr;
  while ((inner.kind === 'and' || inner.kind === 'or') && inner.operands.length === 1) {
    inner = inner.operands[0]!;
  }
  const text = formatFilter(inner);
  const group = (inner.kind === 'and' || inner.kind === 'or') && inner.operands.length > 1;
  return group ? `(${text})` : text;
}

function formatField(field: string): string {
  if (!field.startsWith(ATTRIBUTE_PREFIX)) return field;
  const column = field.slice(ATTRIBUTE_PREFIX.length);
  return `${ATTRIBUTE_PREFIX}${BARE_NAME.test(column) ? column : formatString(column)}`;
}

function formatValue(value: FilterValue): string {
  if (typeof value === 'string') return formatString(value);
  if (typeof value === 'boolean') return String(value);
  return Object.is(value, -0) ? '-0' : String(value);
}

/** A double-quoted string literal; control characters are escaped so the text stays one line. */
export function formatString(value: string): string {
  let out = '"';
  for (const c of value) {
    const code = c.charCodeAt(0);
    if (c === '"' || c === '\\') out += `\\${c}`;
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += c;
  }
  return `${out}"`;
}
