/** `rekordboxMidi/importMixxx` and `rekordboxMidi/exportMixxx` over stdio, as another editor's client would call them. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ExportMixxxResult, ImportMixxxResult } from '../../protocol/messages';
import { mixxxFixture } from '../helpers/fixtures';
import { startServer, TestClient } from '../helpers/lspClient';

describe('Mixxx requests over stdio', () => {
  let client: TestClient;
  before(async () => {
    client = await startServer();
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  const importMixxx = (params: unknown) => client.connection.sendRequest<ImportMixxxResult>('rekordboxMidi/importMixxx', params);
  const exportMixxx = (params: unknown) => client.connection.sendRequest<ExportMixxxResult | null>('rekordboxMidi/exportMixxx', params);

  it('importMixxx converts the DDJ-400 file: CSV, summary, problems', async () => {
    const result = await importMixxx({ xml: mixxxFixture('Pioneer-DDJ-400.midi.xml'), fileName: 'Pioneer-DDJ-400.midi.xml' });
    assert.ok(result.csv.startsWith('@file,1,DDJ-400\r\n'));
    assert.ok(result.csv.includes('\r\nPlayPause,,Button,900B,0,1,,,900B,0,1,,,,'));
    assert.deepEqual([result.summary.controls, result.summary.translated, result.summary.needUser], [204, 99, 103]);
    assert.equal(result.problems.length, 2);
    assert.equal(result.problems[0].line, 689);
  });

  it('importMixxx answers malformed or missing input with problems, never an error', async () => {
    const bad = await importMixxx({ xml: '<MixxxControllerPreset><controller id="X"><controls><control><group>[Channel1]</group></controls>' });
    assert.equal(bad.problems[0].severity, 'error');
    assert.match(bad.problems[0].message, /^Malformed XML at line 1, column \d+: /);
    assert.ok(bad.csv.startsWith('@file,1,X\r\n'));
    const none = await importMixxx({});
    assert.deepEqual(none.problems.map(p => p.message), ['No XML element found: this is not a Mixxx mapping (*.midi.xml).']);
  });

  it('exportMixxx converts an open document; an unknown one gets null', async () => {
    const { csv } = await importMixxx({ xml: mixxxFixture('Pioneer-DDJ-400.midi.xml') });
    const uri = 'untitled:Untitled-1';
    const published = client.nextDiagnostics(uri);
    client.open(uri, csv, 1);
    await published;
    const result = await exportMixxx({ textDocument: { uri } });
    assert.ok(result);
    assert.ok(result.xml.includes('<controller id="DDJ-400">'));
    assert.deepEqual([result.summary.functionRows, result.summary.exportedRows, result.summary.controls], [45, 45, 99]);
    assert.equal(await exportMixxx({ textDocument: { uri: 'file:///not/open.midi.csv' } }), null);
    assert.equal(await exportMixxx({}), null);
  });
});
