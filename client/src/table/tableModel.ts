/**
 * What the mapping table shows, from the server's rows: Rekordbox's MIDI window as data. Tabs with
 * their counts, the rows of the chosen tab that match the filter, sorted by the chosen column; each
 * row's deck, codes and problems in the words the table uses. Pure (no VS Code): the panel calls it
 * on every change, the unit tests call it directly.
 */
import { decodeCode, describeCode, parseCode } from '../../../protocol/languageService';
import type { MappingRowCode, MappingRowInfo, MappingRowProblem, MappingRowsResult, MappingTab } from '../../../protocol/messages';

/** Rekordbox's tabs in its order, then ours: every row at once. */
export const MAPPING_TABS: readonly MappingTab[] = ['DECK', 'PAD', 'FX', 'SAMPLER', 'MIXER', 'BROWSE', 'OTHER', 'VIDEO', 'LIGHTING', 'MIXPOINTLINK'];
export const ALL_TAB = 'ALL';
export type TableTab = MappingTab | typeof ALL_TAB;
export const TABLE_TABS: readonly TableTab[] = [...MAPPING_TABS, ALL_TAB];

/** The window's columns, in its order. */
export const TABLE_COLUMNS = ['function', 'deck', 'midiIn', 'type', 'midiOut', 'comment'] as const;
export type TableColumn = (typeof TABLE_COLUMNS)[number];
export const COLUMN_TITLES: Record<TableColumn, string> = {
  function: 'Function',
  deck: 'Deck',
  midiIn: 'MIDI IN',
  type: 'Type',
  midiOut: 'MIDI OUT',
  comment: 'Comment',
};

export type SortDirection = 'ascending' | 'descending';
/** No column: the file's order (by line). */
export interface TableSort {
  column: TableColumn | null;
  direction: SortDirection;
}
export const FILE_ORDER: TableSort = { column: null, direction: 'ascending' };

/** One code cell: what is written (or deck 1's code when only deck codes are), and each deck's code. */
export interface CodeCell {
  /** The code the cell leads with: the base code as written (upper case), else the first deck's. */
  main: string;
  /** What each deck receives or is sent, when the row has deck columns: `900B 910B 920B 930B`. */
  decks: string;
  /** One line per code, decoded: `Deck 1: 900B — note on, ch 1, note 11 (B-1)`. */
  tooltip: string;
}

/** A row as the table draws it. */
export interface TableRow {
  line: number;
  functionName: string;
  control: string;
  description: string;
  tab: MappingTab;
  /** The Deck column: `1–4`, `1, 3`, or empty. */
  deck: string;
  /** The decks it serves, in order (empty: the same code whatever the deck). */
  decks: number[];
  midiIn: CodeCell;
  type: string;
  midiOut: CodeCell;
  options: string;
  comment: string;
  disabled: boolean;
  canDuplicate: boolean;
  /** DUPLICATE for the next deck: its deck and title (`Duplicate for deck 2 (910B)`), or null where it does not apply. */
  duplicateForDeck: { deck: number; midiIn: string; title: string } | null;
  /** Why it does not apply, for a row in the one-row-per-channel form (empty otherwise). */
  duplicateForDeckReason: string;
  /** The most severe problem's level, for the mark. */
  severity: MappingRowProblem['severity'] | null;
  problems: MappingRowProblem[];
}

export interface TableViewState {
  tab: TableTab;
  sort: TableSort;
  filter: string;
}

export interface TableView {
  tabs: { id: TableTab; count: number }[];
  rows: TableRow[];
  /** Rows of the tab before filtering. */
  tabTotal: number;
}

/** Rows as the table draws them, in the file's order. */
export function toTableRows(result: MappingRowsResult | null): TableRow[] {
  return (result?.rows ?? []).map(toTableRow);
}

export function toTableRow(row: MappingRowInfo): TableRow {
  const problems = row.problems ?? [];
  return {
    line: row.line,
    functionName: row.functionName,
    control: row.control,
    description: row.description ?? '',
    tab: row.tab,
    deck: deckLabel([...row.input, ...row.output]),
    decks: decksOf([...row.input, ...row.output]),
    midiIn: codeCell(row.midiIn, row.input),
    type: row.type,
    midiOut: codeCell(row.midiOut, row.output),
    options: row.options,
    comment: row.comment,
    disabled: row.disabled,
    canDuplicate: row.canDuplicate,
    duplicateForDeck: row.duplicateForDeck ? { deck: row.duplicateForDeck.deck, midiIn: row.duplicateForDeck.midiIn, title: row.duplicateForDeck.title } : null,
    duplicateForDeckReason: row.duplicateForDeckReason ?? '',
    severity: mostSevere(problems),
    problems,
  };
}

/** `1–4`, `1, 3`, or empty when the row has no deck columns (its code is the same for every deck). */
export function deckLabel(codes: readonly MappingRowCode[]): string {
  const decks = decksOf(codes);
  if (decks.length === 0) return '';
  const consecutive = decks.length > 2 && decks.every((d, i) => i === 0 || d === decks[i - 1] + 1);
  return consecutive ? `${decks[0]}–${decks[decks.length - 1]}` : decks.join(', ');
}

function decksOf(codes: readonly MappingRowCode[]): number[] {
  return [...new Set(codes.map(c => c.deck).filter((d): d is number => d !== null))].sort((a, b) => a - b);
}

export function codeCell(written: string, codes: readonly MappingRowCode[]): CodeCell {
  const perDeck = codes.filter(c => c.deck !== null);
  const main = written ? written.toUpperCase() : (codes[0]?.code ?? '');
  const tooltip = codes
    .map(c => {
      const value = parseCode(c.code);
      const meaning = value === undefined ? '' : ` — ${describeCode(decodeCode(value))}`;
      return `${c.deck === null ? 'Every deck' : `Deck ${c.deck}`}: ${c.code}${meaning}`;
    })
    .join('\n');
  return { main, decks: perDeck.map(c => c.code).join(' '), tooltip };
}

const SEVERITY_RANK: Record<MappingRowProblem['severity'], number> = { error: 0, warning: 1, information: 2, hint: 3 };

function mostSevere(problems: readonly MappingRowProblem[]): TableRow['severity'] {
  let best: TableRow['severity'] = null;
  for (const p of problems) if (best === null || SEVERITY_RANK[p.severity] < SEVERITY_RANK[best]) best = p.severity;
  return best;
}

/** How many rows each tab holds (ALL: every row). */
export function tabCounts(rows: readonly TableRow[]): { id: TableTab; count: number }[] {
  const counts = new Map<TableTab, number>(TABLE_TABS.map(t => [t, 0]));
  for (const row of rows) counts.set(row.tab, (counts.get(row.tab) ?? 0) + 1);
  counts.set(ALL_TAB, rows.length);
  return TABLE_TABS.map(id => ({ id, count: counts.get(id) ?? 0 }));
}

export function rowsOfTab(rows: readonly TableRow[], tab: TableTab): TableRow[] {
  return tab === ALL_TAB ? [...rows] : rows.filter(r => r.tab === tab);
}

/**
 * Rows matching every word of the filter (any case) in the function, the control's label, a code
 * (written, or any deck's), the type or the comment. `900b` finds every row a deck receives 900B on.
 */
export function filterRows(rows: readonly TableRow[], filter: string): TableRow[] {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...rows];
  return rows.filter(row => {
    const haystack = [row.functionName, row.control, row.type, row.comment, row.midiIn.main, row.midiIn.decks, row.midiOut.main, row.midiOut.decks]
      .join('\n')
      .toLowerCase();
    return words.every(w => haystack.includes(w));
  });
}

/** A header click: the same column again reverses, another column sorts ascending. */
export function nextSort(current: TableSort, column: TableColumn): TableSort {
  if (current.column === column) return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { column, direction: 'ascending' };
}

/**
 * Sorted by the column; ties (and no column) keep the file's order. Codes sort by their value (so
 * `900B` < `9100` < `B000`), empty cells last in either direction: a DJ sorting by MIDI IN wants the
 * codes, not the blanks, first.
 */
export function sortRows(rows: readonly TableRow[], sort: TableSort): TableRow[] {
  const byLine = (a: TableRow, b: TableRow) => a.line - b.line;
  const column = sort.column;
  if (!column) return [...rows].sort(byLine);
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const key = (row: TableRow): string | number => {
    switch (column) {
      case 'midiIn':
      case 'midiOut':
        return parseCode(row[column].main) ?? row[column].main.toUpperCase();
      case 'function':
        return row.functionName;
      case 'deck':
        // Deck by deck: 1,2,3,4 before 1,3 before 2 (as letters, so no numeric collation joins the digits).
        return row.decks.map(d => String.fromCharCode(64 + d)).join('');
      default:
        return row[column];
    }
  };
  return [...rows].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    const emptyA = ka === '';
    const emptyB = kb === '';
    if (emptyA !== emptyB) return emptyA ? 1 : -1;
    return sign * compareKeys(ka, kb) || byLine(a, b);
  });
}

function compareKeys(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1; // a real code before text that is not one
  if (typeof b === 'number') return 1;
  return a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true });
}

/** What the table shows for a state: the tabs with counts, the tab's rows filtered and sorted. */
export function buildTableView(rows: readonly TableRow[], state: TableViewState): TableView {
  const ofTab = rowsOfTab(rows, state.tab);
  return { tabs: tabCounts(rows), rows: sortRows(filterRows(ofTab, state.filter), state.sort), tabTotal: ofTab.length };
}
