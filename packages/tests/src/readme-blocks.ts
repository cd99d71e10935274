import { Script } from 'node:vm';

/**
 * `console.log(expr); // expected` → `check(expr, expected)` when the comment is a complete
 * JavaScript value (text after a colon is prose); other comments are prose and stay as written.
 */
export function withAssertions(code: string): string {
  return code.replace(
    /^(\s*)console\.log\((.+)\);\s*\/\/\s*(.+)$/gm,
    (line: string, indent: string, expr: string, comment: string) => {
      const expected = [comment, comment.split(':')[0]!].find(isValue);
      return expected === undefined ? line : `${indent}__check(${expr}, ${expected.trim()});`;
    },
  );
}

function isValue(text: string): boolean {
  try {
    // Compiles without running: only checks that the text is one expression.
    new Script(`(${text});`);
    return text.trim() !== '';
  } catch {
    return false;
  }
}
