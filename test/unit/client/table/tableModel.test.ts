/** The mapping table's pure parts: tabs and their counts, the filter, sorting, each row's cells, and the page's messages. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseTableMessage } from '../../../../client/src/table/tableMessages';
import {
  buildTableView,
  codeCell,
  deckLabel,
  FILE_ORDER,
  filterRows,
  nextSort,
  sortRows,
  TABLE_TABS,
  tabCounts,
  TableRow,
  toTableRows,
} from '../../../../client/src/table/tableModel';
import { computeDiagnostics } from '../../../../server/src/service/features/diagnostics';
import { computeMappingRows } from '../../../../server/src/service/features/mappingRows';
import { parseMapping } from '../../../../server/src/service/model/mappingModel';
import { corpusFiles } from '../../../helpers/fixtures';
import { EXPORT_HEAD, FACTORY_HEAD } from '../../../helpers/markers';

const rowsOf = (text: string): TableRow[] => toTableRows(computeMappingRows(parseMapping(text), 'file:///t.midi.csv', 1));
const flx10 = () => rowsOf(corpusFiles().find(f => f.file === 'factory-DDJ-FLX10.midi.csv')!.text);

const SMALL = rowsOf(
  FACTORY_HEAD +
    '# Deck,,,,,,,,,,,,,,\n' +
    'PlayPause,PlayPause,Button,900B,0,1,2,3,900B,0,1,2,3,,Play/Pause\n' +
    'Cue,Cue,Button,900C,0,1,2,3,,,,,,,Cue button\n' +
    '#JogScratch,JogTouch,JogRotate,B022,,,,,,,,,,,\n' +
    '# Mixer,,,,,,,,,,,,,,\n' +
    'EQHigh,EQHigh,KnobSlider,B007,0,2,,,,,,,,,High EQ\n' +
    'Crossfader,Crossfader,KnobSlider,,,,,,,,,,,,\n' +
    'TrimKnob,Trim,KnobSlider,B004,,,,,,,,,,,Trim\n',
);
const names = (rows: readonly TableRow[]) => rows.map(r => r.functionName);

describe('mapping table: tabs', () => {
  it('counts every tab of Rekordbox’s window and All; on the FLX10 each row is in exactly one tab', () => {
    const rows = flx10();
    const counts = tabCounts(rows);
    assert.deepEqual(counts.map(c => c.id), [...TABLE_TABS]);
    const all = counts.find(c => c.id === 'ALL')!.count;
    assert.equal(all, rows.length);
    assert.equal(counts.filter(c => c.id !== 'ALL').reduce((sum, c) => sum + c.count, 0), all);
    const count = (id: string) => counts.find(c => c.id === id)!.count;
    for (const id of ['DECK', 'PAD', 'FX', 'MIXER', 'BROWSE', 'OTHER', 'MIXPOINTLINK']) assert.ok(count(id) > 0, `${id} is empty`);
    assert.equal(count('VIDEO'), 0);
    assert.equal(count('MIXPOINTLINK'), rows.filter(r => r.functionName.startsWith('MixPoint')).length);
  });

  it('a tab shows its rows only; All shows every row in file order', () => {
    const mixer = buildTableView(SMALL, { tab: 'MIXER', sort: FILE_ORDER, filter: '' });
    assert.deepEqual(names(mixer.rows), ['EQHigh', 'Crossfader', 'TrimKnob']);
    assert.equal(mixer.tabTotal, 3);
    assert.deepEqual(names(buildTableView(SMALL, { tab: 'ALL', sort: FILE_ORDER, filter: '' }).rows), names(SMALL));
  });
});

describe('mapping table: cells', () => {
  it('the Deck column: a range for consecutive decks, a list otherwise, empty without deck columns', () => {
    const code = (deck: number | null) => ({ deck, code: '9000' });
    assert.equal(deckLabel([code(1), code(2), code(3), code(4)]), '1–4');
    assert.equal(deckLabel([code(1), code(3)]), '1, 3');
    assert.equal(deckLabel([code(2), code(1)]), '1, 2');
    assert.equal(deckLabel([code(null)]), '');
    assert.equal(deckLabel([]), '');
  });

  it('a code cell leads with the written code, lists what each deck gets and decodes each in its tooltip', () => {
    const play = SMALL[0];
    assert.equal(play.deck, '1–4');
    assert.equal(play.midiIn.main, '900B');
    assert.equal(play.midiIn.decks, '900B 910B 920B 930B');
    assert.equal(play.midiIn.tooltip.split('\n')[1], 'Deck 2: 910B — note on, ch 2, note 11 (B-1)');
    const cell = codeCell('', [
      { deck: 1, code: '9646' },
      { deck: 2, code: '9647' },
    ]);
    assert.deepEqual([cell.main, cell.decks], ['9646', '9646 9647']);
    assert.deepEqual(codeCell('b004', [{ deck: null, code: 'B004' }]).main, 'B004');
    assert.equal(codeCell('b004', [{ deck: null, code: 'B004' }]).decks, '');
    assert.match(codeCell('b004', [{ deck: null, code: 'B004' }]).tooltip, /^Every deck: B004 — control change, ch 1/);
  });

  it('marks `#` rows disabled and carries the most severe problem', () => {
    assert.deepEqual(SMALL.map(r => r.disabled), [false, false, true, false, false, false]);
    const [row] = toTableRows({
      uri: 'u',
      version: 1,
      deviceName: null,
      rows: [
        {
          ...computeMappingRows(parseMapping(EXPORT_HEAD + 'Cue,,Button,900C,,,,,,,,,,,\n'), 'u', 1).rows[0],
          problems: [
            { severity: 'warning', code: 'unknown-option', message: 'w' },
            { severity: 'error', code: 'duplicate-code', message: 'e' },
          ],
        },
      ],
    });
    assert.equal(row.severity, 'error');
    assert.equal(toTableRows(null).length, 0);
  });

  it('a row with only warnings (unknown option, unknown function, as the rules report them) is marked warning; with an error too, error', () => {
    const text =
      EXPORT_HEAD +
      'PlayPause,,Button,900B,,,,,,,,,,Fastt,\n' + // unknown option: a warning
      'PlayPuase,,Button,900C,,,,,,,,,,,\n' + // unknown function: a warning
      'Cue,,Button,9058,,,,,,,,,,Fastt,\n' + // unknown option, and 9058 on two functions: an error
      'Sync,,Button,9058,,,,,,,,,,,\n' +
      'LoopIn,,Button,9010,,,,,,,,,,,\n'; // nothing wrong
    const model = parseMapping(text);
    const rows = toTableRows(computeMappingRows(model, 'file:///t.midi.csv', 1, { diagnostics: computeDiagnostics(model) }));
    const problems = (r: TableRow) => r.problems.map(p => `${p.severity} ${p.code}`).sort();
    assert.deepEqual(names(rows), ['PlayPause', 'PlayPuase', 'Cue', 'Sync', 'LoopIn']);
    assert.deepEqual(problems(rows[0]), ['warning unknown-option']);
    assert.deepEqual(problems(rows[1]), ['warning unknown-function']);
    assert.deepEqual(problems(rows[2]), ['error duplicate-code', 'warning unknown-option']);
    assert.deepEqual(rows.map(r => r.severity), ['warning', 'warning', 'error', 'error', null]);
  });
});

describe('mapping table: filter', () => {
  it('matches the function, the control’s label, the type, the comment and any code a deck gets, in any case', () => {
    assert.deepEqual(names(filterRows(SMALL, 'playpause')), ['PlayPause']);
    assert.deepEqual(names(filterRows(SMALL, 'Trim')), ['TrimKnob']);
    assert.deepEqual(names(filterRows(SMALL, 'jogtouch')), ['#JogScratch']);
    assert.deepEqual(names(filterRows(SMALL, 'high eq')), ['EQHigh']);
    assert.deepEqual(names(filterRows(SMALL, '910b')), ['PlayPause']);
    assert.deepEqual(names(filterRows(SMALL, 'B207')), ['EQHigh']);
    assert.deepEqual(names(filterRows(SMALL, 'jogrotate')), ['#JogScratch']);
  });

  it('every word must match; an empty filter keeps every row; no match gives none', () => {
    assert.deepEqual(names(filterRows(SMALL, 'button cue')), ['Cue']);
    assert.deepEqual(names(filterRows(SMALL, '  ')), names(SMALL));
    assert.deepEqual(filterRows(SMALL, 'nothing-like-this'), []);
  });
});

describe('mapping table: sorting', () => {
  it('a header click sorts ascending, the same header again reverses, another header starts ascending', () => {
    const first = nextSort(FILE_ORDER, 'midiIn');
    assert.deepEqual(first, { column: 'midiIn', direction: 'ascending' });
    assert.deepEqual(nextSort(first, 'midiIn'), { column: 'midiIn', direction: 'descending' });
    assert.deepEqual(nextSort(nextSort(first, 'midiIn'), 'midiIn'), { column: 'midiIn', direction: 'ascending' });
    assert.deepEqual(nextSort(first, 'type'), { column: 'type', direction: 'ascending' });
  });

  it('codes sort by value with empty cells last in both directions; ties keep the file order', () => {
    const up = sortRows(SMALL, { column: 'midiIn', direction: 'ascending' });
    assert.deepEqual(up.map(r => r.midiIn.main), ['900B', '900C', 'B004', 'B007', 'B022', '']);
    const down = sortRows(SMALL, { column: 'midiIn', direction: 'descending' });
    assert.deepEqual(down.map(r => r.midiIn.main), ['B022', 'B007', 'B004', '900C', '900B', '']);
    const byType = sortRows(SMALL, { column: 'type', direction: 'ascending' });
    assert.deepEqual(names(byType), ['PlayPause', 'Cue', '#JogScratch', 'EQHigh', 'Crossfader', 'TrimKnob']);
    assert.deepEqual(names(sortRows(byType, FILE_ORDER)), names(SMALL));
  });

  it('sorts MIDI OUT by code value (900B before 90A0), rows without MIDI OUT last in both directions, ties in file order', () => {
    const rows = rowsOf(
      FACTORY_HEAD +
        '# Deck,,,,,,,,,,,,,,\n' +
        'PlayPause,PlayPause,Button,900B,0,1,,,90a0,0,1,,,,\n' + // written in lower case; deck 2 is sent 91A0
        'Cue,Cue,Button,900C,0,1,,,,,,,,,\n' + // no MIDI OUT
        'Sync,Sync,Button,9058,,,,,B0FF,,,,,,\n' +
        'LoopIn,LoopIn,Button,9010,,,,,900B,,,,,,\n' +
        'LoopOut,LoopOut,Button,9011,,,,,900B,,,,,,\n' + // the same MIDI OUT as LoopIn
        'Shift,Shift,Button,903F,,,,,,,,,,,\n' + // no MIDI OUT
        'Vinyl,Vinyl,Button,9017,,,,,9100,,,,,,\n',
    );
    assert.deepEqual(rows.map(r => r.midiOut.main), ['90A0', '', 'B0FF', '900B', '900B', '', '9100']);
    const up = sortRows(rows, { column: 'midiOut', direction: 'ascending' });
    assert.deepEqual(up.map(r => `${r.functionName} ${r.midiOut.main}`), [
      'LoopIn 900B',
      'LoopOut 900B',
      'PlayPause 90A0',
      'Vinyl 9100',
      'Sync B0FF',
      'Cue ',
      'Shift ',
    ]);
    const down = sortRows(rows, { column: 'midiOut', direction: 'descending' });
    assert.deepEqual(down.map(r => `${r.functionName} ${r.midiOut.main}`), [
      'Sync B0FF',
      'Vinyl 9100',
      'PlayPause 90A0',
      'LoopIn 900B',
      'LoopOut 900B',
      'Cue ',
      'Shift ',
    ]);
    // MIDI OUT, not MIDI IN: by MIDI IN the order is another.
    assert.notDeepEqual(names(sortRows(rows, { column: 'midiIn', direction: 'ascending' })), names(up));
    // SMALL: only PlayPause sends anything; the rest keep the file order after it either way.
    for (const direction of ['ascending', 'descending'] as const) {
      assert.deepEqual(names(sortRows(SMALL, { column: 'midiOut', direction })), ['PlayPause', 'Cue', '#JogScratch', 'EQHigh', 'Crossfader', 'TrimKnob']);
    }
  });

  it('sorts text columns without regard to case, and the Deck column deck by deck', () => {
    assert.deepEqual(
      names(sortRows(SMALL, { column: 'function', direction: 'ascending' })),
      ['#JogScratch', 'Crossfader', 'Cue', 'EQHigh', 'PlayPause', 'TrimKnob'],
    );
    assert.deepEqual(names(sortRows(SMALL, { column: 'comment', direction: 'descending' })).slice(0, 2), ['TrimKnob', 'PlayPause']);
    assert.deepEqual(
      names(sortRows(SMALL, { column: 'deck', direction: 'ascending' })),
      ['EQHigh', 'PlayPause', 'Cue', '#JogScratch', 'Crossfader', 'TrimKnob'], // decks 1, 2 before 1–4
    );
  });
});

describe('mapping table: messages from its page', () => {
  it('accepts each message the page sends, exactly', () => {
    for (const message of [
      { type: 'ready' },
      { type: 'undo' },
      { type: 'redo' },
      { type: 'selectTab', tab: 'MIXER' },
      { type: 'selectTab', tab: 'ALL' },
      { type: 'sort', column: 'midiIn' },
      { type: 'filter', text: '' },
      { type: 'filter', text: 'PlayPause 900B' },
      { type: 'reveal', line: 15 },
      { type: 'duplicate', line: 0 },
      { type: 'delete', line: 566 },
    ]) {
      assert.deepEqual(parseTableMessage(message), message);
    }
  });

  it('refuses anything else: unknown types, tabs and columns, wrong field types, extra fields, huge filters, bad lines', () => {
    for (const message of [
      null,
      undefined,
      'ready',
      42,
      [],
      [{ type: 'ready' }],
      {},
      { type: 'ready', extra: 1 },
      { type: 'undo', line: 1 },
      { type: 'redo', line: 1 },
      { type: 'selectTab', tab: 'mixer' },
      { type: 'selectTab', tab: 'TOOLS' },
      { type: 'selectTab', tab: 'toString' },
      { type: 'selectTab' },
      { type: 'sort', column: 'option' },
      { type: 'sort', column: 3 },
      { type: 'filter', text: 'x'.repeat(201) },
      { type: 'filter', text: 7 },
      { type: 'filter', text: 'a', tab: 'DECK' },
      { type: 'reveal', line: -1 },
      { type: 'reveal', line: 1.5 },
      { type: 'reveal', line: '3' },
      { type: 'reveal', line: Number.MAX_SAFE_INTEGER },
      { type: 'delete', line: NaN },
      { type: 'duplicate' },
      { type: 'revealRow', line: 3 },
      { type: 'constructor', line: 3 },
      Object.create({ type: 'ready' }),
    ]) {
      assert.equal(parseTableMessage(message), undefined, JSON.stringify(message));
    }
  });
});
