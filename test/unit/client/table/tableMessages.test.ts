/** What the mapping table's page saves for a reload, read back by the panel serializer (parseSavedTableState). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSavedTableState } from '../../../../client/src/table/tableMessages';

const URI = 'file:///home/dj/mappings/DDJ-FLX10.midi.csv';

describe('mapping table: the state saved for a reload', () => {
  it('gives back the document and the view as the page saved them', () => {
    const saved = { uri: URI, tab: 'MIXER', sort: { column: 'midiIn', direction: 'descending' }, filter: 'eq' };
    assert.deepEqual(parseSavedTableState(saved), saved);
    assert.deepEqual(parseSavedTableState({ uri: URI, tab: 'ALL', sort: { column: null, direction: 'ascending' }, filter: '' }), {
      uri: URI,
      tab: 'ALL',
      sort: { column: null, direction: 'ascending' },
      filter: '',
    });
  });

  it('no table without a document to show: no state, a non-string, empty, relative or huge uri', () => {
    for (const raw of [undefined, null, 'file:///x.midi.csv', [], {}, { uri: 3 }, { uri: '' }, { uri: 'DDJ-FLX10.midi.csv' }, { uri: '/home/dj/x.midi.csv' }, { uri: `file:///${'a'.repeat(5000)}` }]) {
      assert.equal(parseSavedTableState(raw), undefined, JSON.stringify(raw)?.slice(0, 80));
    }
  });

  it('a view field that does not check out falls back to its default, and the table still comes back', () => {
    assert.deepEqual(parseSavedTableState({ uri: URI, tab: 'TOOLS', sort: { column: 'option', direction: 'ascending' }, filter: 'x'.repeat(201) }), {
      uri: URI,
      tab: 'DECK',
      sort: { column: null, direction: 'ascending' },
      filter: '',
    });
    assert.deepEqual(parseSavedTableState({ uri: URI, sort: { column: 'type', direction: 'sideways' }, filter: 7 }), {
      uri: URI,
      tab: 'DECK',
      sort: { column: null, direction: 'ascending' },
      filter: '',
    });
    assert.deepEqual(parseSavedTableState({ uri: URI, tab: 'toString', sort: 'midiIn' })?.tab, 'DECK');
  });
});
