import { describe, expect, it } from 'vitest';
import { formatRunWarnings } from './run-warnings.js';

describe('formatRunWarnings', () => {
  it('says a warning every scenario gave once, and names the ones that gave the others', () => {
    const text = formatRunWarnings(
      ['today', 'hire', 'move'],
      [
        ['no rep has a home base', '3 accounts are served by a rep without a skill'],
        ['no rep has a home base', '4 accounts are served by a rep without a skill'],
        ['no rep has a home base', '3 accounts are served by a rep without a skill'],
      ],
    );
    expect(text).toBe(
      'warning: every scenario: no rep has a home base\n' +
        'warning: today, move: 3 accounts are served by a rep without a skill\n' +
        'warning: hire: 4 accounts are served by a rep without a skill\n',
    );
  });
});
