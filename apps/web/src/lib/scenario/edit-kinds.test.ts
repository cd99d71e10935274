import { parseScenario } from '@tessera/scenarios';
import { describe, expect, it } from 'vitest';
import {
  describeEdit,
  EDIT_KINDS,
  parseIdList,
  parseTagList,
  valueAt,
  withValueAt,
} from './edit-kinds.ts';

describe('EDIT_KINDS', () => {
  it('covers every edit type the scenario format knows', () => {
    const schema = EDIT_KINDS.map((k) => k.type);
    expect(schema.sort()).toEqual(
      [
        'add-accounts',
        'add-rep',
        'lock',
        'move-rep',
        'reassign',
        'remove-accounts',
        'remove-rep',
        'scale',
        'set-capacity',
        'unlock',
      ].sort(),
    );
  });

  it('starts each edit with its type, which the parser then checks field by field', () => {
    for (const kind of EDIT_KINDS) {
      expect(kind.blank().type).toBe(kind.type);
      expect(() => parseScenario({ version: 1, name: 'x', edits: [kind.blank()] })).toThrow(
        /^scenario "x": edits\[0\]/,
      );
    }
  });
});

describe('withValueAt', () => {
  it('sets a nested value without touching the original, and removes on undefined', () => {
    const edit = { type: 'add-rep', rep: { id: 'R1', lat: 1 } };
    const next = withValueAt(edit, 'rep.lon', 2);
    expect(next).toEqual({ type: 'add-rep', rep: { id: 'R1', lat: 1, lon: 2 } });
    expect(edit.rep).toEqual({ id: 'R1', lat: 1 });
    expect(withValueAt(next, 'rep.lat', undefined)).toEqual({
      type: 'add-rep',
      rep: { id: 'R1', lon: 2 },
    });
    expect(valueAt(next, 'rep.lon')).toBe(2);
  });
});

describe('lists', () => {
  it('splits account ids on commas, semicolons and white space; tags on semicolons', () => {
    expect(parseIdList('a1, a2;a3\n a4  ')).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(parseTagList('industry:retail; lang:es;')).toEqual(['industry:retail', 'lang:es']);
  });
});

describe('describeEdit', () => {
  it('says what an edit does in a line', () => {
    expect(
      describeEdit({
        type: 'scale',
        measure: 'potential',
        factor: 2,
        accounts: { filter: 'region = "West"' },
      }),
    ).toBe('Scale potential × 2 for accounts where region = "West"');
    expect(describeEdit({ type: 'reassign', accounts: { ids: ['a1', 'a2'] }, to: 'R2' })).toBe(
      'Give accounts a1, a2 to R2',
    );
    expect(describeEdit({ type: 'remove-rep' })).toBe('Remove rep ?');
  });
});
