import { display, withKey } from './json-values.ts';
import type { EditDraft } from './scenario-draft.ts';

/**
 * The controls of one edit field. `rep`: a rep id (suggested from the dataset); `list`: tags
 * separated by semicolons; `selection`: which accounts (ids or a filter); `new-accounts`: rows
 * of accounts to add.
 */
export type EditFieldKind =
  'rep' | 'text' | 'number' | 'text-or-number' | 'list' | 'measure' | 'selection' | 'new-accounts';

export interface EditFieldDef {
  /** Where the value sits in the edit's JSON, dotted: `rep.lat`. */
  path: string;
  label: string;
  kind: EditFieldKind;
  hint?: string;
  /** Left out of the JSON when empty (the parser says when a required one is missing). */
  optional?: boolean;
}

export interface EditKind {
  type: string;
  /** A verb phrase for the picker: "Hire a rep". */
  label: string;
  help: string;
  blank(): EditDraft;
  fields: EditFieldDef[];
}

const SELECTION_HINT =
  'Account ids, or a filter such as region = "West" and potential > 100000 (see docs/filters.md).';

/** Every edit the scenario format knows, in the order the picker lists them. */
export const EDIT_KINDS: readonly EditKind[] = [
  {
    type: 'add-rep',
    label: 'Hire a rep',
    help: 'A new rep with a home base and a capacity; the strategy gives them a territory.',
    blank: () => ({ type: 'add-rep', rep: { skills: [] } }),
    fields: [
      { path: 'rep.id', label: 'Rep id', kind: 'text' },
      { path: 'rep.name', label: 'Name', kind: 'text', optional: true },
      { path: 'rep.lat', label: 'Home latitude', kind: 'number', hint: 'WGS84 degrees, −90 to 90' },
      {
        path: 'rep.lon',
        label: 'Home longitude',
        kind: 'number',
        hint: 'WGS84 degrees, −180 to 180',
      },
      { path: 'rep.capacity', label: 'Capacity', kind: 'number', hint: 'workload units' },
      {
        path: 'rep.skills',
        label: 'Skills',
        kind: 'list',
        optional: true,
        hint: 'separated by semicolons, e.g. industry:healthcare; lang:es',
      },
      {
        path: 'rep.level',
        label: 'Level',
        kind: 'text-or-number',
        optional: true,
        hint: 'a number or a title such as Senior AE',
      },
    ],
  },
  {
    type: 'remove-rep',
    label: 'Remove a rep',
    help: 'The rep leaves; the strategy re-homes their accounts.',
    blank: () => ({ type: 'remove-rep' }),
    fields: [{ path: 'rep', label: 'Rep', kind: 'rep' }],
  },
  {
    type: 'move-rep',
    label: 'Move a rep',
    help: "Moves a rep's home base.",
    blank: () => ({ type: 'move-rep' }),
    fields: [
      { path: 'rep', label: 'Rep', kind: 'rep' },
      { path: 'lat', label: 'New latitude', kind: 'number', hint: 'WGS84 degrees, −90 to 90' },
      { path: 'lon', label: 'New longitude', kind: 'number', hint: 'WGS84 degrees, −180 to 180' },
    ],
  },
  {
    type: 'set-capacity',
    label: 'Change capacity',
    help: "Sets a rep's capacity in workload units.",
    blank: () => ({ type: 'set-capacity' }),
    fields: [
      { path: 'rep', label: 'Rep', kind: 'rep' },
      { path: 'capacity', label: 'Capacity', kind: 'number', hint: 'workload units' },
    ],
  },
  {
    type: 'scale',
    label: 'Scale potential or workload',
    help: 'Multiplies the potential or workload of the selected accounts.',
    blank: () => ({ type: 'scale', measure: 'potential', factor: 1, accounts: { filter: '' } }),
    fields: [
      { path: 'measure', label: 'Measure', kind: 'measure' },
      {
        path: 'factor',
        label: 'Factor',
        kind: 'number',
        hint: '2 doubles it, 0.8 cuts it by 20%',
      },
      { path: 'accounts', label: 'Accounts', kind: 'selection', hint: SELECTION_HINT },
    ],
  },
  {
    type: 'reassign',
    label: 'Give accounts to a rep',
    help: 'The selected accounts go to the rep and stay there (locked) in this scenario.',
    blank: () => ({ type: 'reassign', accounts: { ids: [] } }),
    fields: [
      { path: 'accounts', label: 'Accounts', kind: 'selection', hint: SELECTION_HINT },
      { path: 'to', label: 'To rep', kind: 'rep' },
    ],
  },
  {
    type: 'lock',
    label: 'Lock accounts',
    help: 'Keeps the selected accounts with their current owner.',
    blank: () => ({ type: 'lock', accounts: { ids: [] } }),
    fields: [{ path: 'accounts', label: 'Accounts', kind: 'selection', hint: SELECTION_HINT }],
  },
  {
    type: 'unlock',
    label: 'Unlock accounts',
    help: 'Lets the strategy move the selected accounts again (also undoes a reassign).',
    blank: () => ({ type: 'unlock', accounts: { ids: [] } }),
    fields: [{ path: 'accounts', label: 'Accounts', kind: 'selection', hint: SELECTION_HINT }],
  },
  {
    type: 'add-accounts',
    label: 'Add accounts',
    help: 'New accounts: a market entry or an acquisition.',
    blank: () => ({ type: 'add-accounts', accounts: [{}] }),
    fields: [{ path: 'accounts', label: 'New accounts', kind: 'new-accounts' }],
  },
  {
    type: 'remove-accounts',
    label: 'Remove accounts',
    help: 'Drops the selected accounts (churned, sold off).',
    blank: () => ({ type: 'remove-accounts', accounts: { ids: [] } }),
    fields: [{ path: 'accounts', label: 'Accounts', kind: 'selection', hint: SELECTION_HINT }],
  },
];

/** The columns of an added account the builder offers (the format's names). */
export const NEW_ACCOUNT_FIELDS: readonly { key: string; label: string; numeric: boolean }[] = [
  { key: 'id', label: 'Id', numeric: false },
  { key: 'name', label: 'Name', numeric: false },
  { key: 'lat', label: 'Latitude', numeric: true },
  { key: 'lon', label: 'Longitude', numeric: true },
  { key: 'industry', label: 'Industry', numeric: false },
  { key: 'workload', label: 'Workload', numeric: true },
  { key: 'potential', label: 'Potential', numeric: true },
  { key: 'revenue', label: 'Revenue', numeric: true },
  { key: 'owner', label: 'Owner (rep id)', numeric: false },
];

const KIND_BY_TYPE = new Map(EDIT_KINDS.map((k) => [k.type, k]));

export function editKind(type: string): EditKind | undefined {
  return KIND_BY_TYPE.get(type);
}

/** The value at a dotted path of an edit. */
export function valueAt(edit: Record<string, unknown>, path: string): unknown {
  let node: unknown = edit;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** A copy of the edit with the value at a dotted path set; `undefined` removes the key. */
export function withValueAt<T extends Record<string, unknown>>(
  edit: T,
  path: string,
  value: unknown,
): T {
  const [key, ...rest] = path.split('.') as [string, ...string[]];
  const copy: Record<string, unknown> = { ...edit };
  if (rest.length === 0) {
    return withKey(copy, key, value) as T;
  } else {
    const child = copy[key];
    const base =
      typeof child === 'object' && child !== null && !Array.isArray(child)
        ? (child as Record<string, unknown>)
        : {};
    copy[key] = withValueAt(base, rest.join('.'), value);
  }
  return copy as T;
}

/** Account ids typed by a planner: separated by commas, semicolons, spaces or lines. */
export function parseIdList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((id) => id.trim())
    .filter((id) => id !== '');
}

/** Skill tags: separated by semicolons (as reps.csv writes them). */
export function parseTagList(text: string): string[] {
  return text
    .split(';')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
}

/** One line saying what an edit does, for the list and the comparison of two versions. */
export function describeEdit(edit: EditDraft): string {
  const at = (path: string) => valueAt(edit, path);
  const text = (path: string, fallback = '?') => {
    const v = at(path);
    return v === undefined || v === '' ? fallback : display(v);
  };
  switch (edit.type) {
    case 'add-rep':
      return `Hire ${text('rep.id')} at ${text('rep.lat')}, ${text('rep.lon')} with capacity ${text('rep.capacity')}`;
    case 'remove-rep':
      return `Remove rep ${text('rep')}`;
    case 'move-rep':
      return `Move rep ${text('rep')} to ${text('lat')}, ${text('lon')}`;
    case 'set-capacity':
      return `Set rep ${text('rep')}'s capacity to ${text('capacity')}`;
    case 'scale':
      return `Scale ${text('measure')} × ${text('factor')} for ${describeSelection(at('accounts'))}`;
    case 'reassign':
      return `Give ${describeSelection(at('accounts'))} to ${text('to')}`;
    case 'lock':
      return `Lock ${describeSelection(at('accounts'))}`;
    case 'unlock':
      return `Unlock ${describeSelection(at('accounts'))}`;
    case 'add-accounts': {
      const list = at('accounts');
      const n = Array.isArray(list) ? list.length : 0;
      return `Add ${n} account${n === 1 ? '' : 's'}`;
    }
    case 'remove-accounts':
      return `Remove ${describeSelection(at('accounts'))}`;
    default:
      return edit.type;
  }
}

function describeSelection(selection: unknown): string {
  if (typeof selection !== 'object' || selection === null) return 'no accounts yet';
  const s = selection as { ids?: unknown; filter?: unknown };
  if (Array.isArray(s.ids)) {
    const n = s.ids.length;
    if (n === 0) return 'no accounts yet';
    return n <= 3 ? `accounts ${s.ids.join(', ')}` : `${n} listed accounts`;
  }
  if (typeof s.filter === 'string') {
    return s.filter.trim() === '' ? 'no accounts yet' : `accounts where ${s.filter}`;
  }
  return 'the selected accounts';
}
