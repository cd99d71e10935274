import { groupWarnings } from './group-warnings.js';

/**
 * The warnings of scenarios run together, for stderr: a warning every scenario gave once, one
 * the others did not with the names of those that gave it, so comparing four scenarios on the
 * same data does not repeat the same sentence four times.
 */
export function formatRunWarnings(
  names: readonly string[],
  warnings: readonly (readonly string[])[],
): string {
  return groupWarnings(warnings, 'text')
    .map((group) => {
      const who =
        group.sources.length === names.length && names.length > 1
          ? 'every scenario'
          : group.sources.map((s) => names[s]!).join(', ');
      return `warning: ${who}: ${group.text}\n`;
    })
    .join('');
}
