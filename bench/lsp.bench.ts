/**
 * Round-trip latency of the real server over stdio (hover, completion, diagnostics) on the
 * 567-line factory DDJ-FLX10 file, and the server's resident memory after opening every fixture.
 * Prints figures; asserts nothing. Run: `npm run bench` (after `node esbuild.mjs`).
 */
import * as path from 'path';
import { corpusFiles } from '../test/helpers/fixtures';
import { SERVER_JS, startServer } from '../test/helpers/lspClient';
import { iterations, percentile, QUICK, residentMb, runBenchmark, writeResults } from './benchSupport';

const root = path.resolve(__dirname, '..', '..');


async function timed<T>(fn: () => Promise<T>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}


/** Opens a copy of the text under a new name, waits for its diagnostics, closes it: one open's round trip. */
async function openAndClose(client: Awaited<ReturnType<typeof startServer>>, uri: string, text: string): Promise<number> {
  const took = await timed(async () => {
    const published = client.nextDiagnostics(uri);
    client.open(uri, text);
    await published;
  });
  const cleared = client.nextDiagnostics(uri);
  client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  await cleared;
  return took;
}

async function main(): Promise<void> {
  const client = await startServer();
  const flx10 = corpusFiles().find(f => f.file === 'factory-DDJ-FLX10.midi.csv')!;
  const uri = 'file:///bench/DDJ-FLX10.midi.csv';
  // The very first open: a cold server (nothing compiled yet), as when the editor starts on a mapping.
  const coldOpen = await timed(async () => {
    const opened = client.nextDiagnostics(uri);
    client.open(uri, flx10.text);
    await opened;
  });
  const lines = flx10.text.split('\r\n');
  const rowLines = lines.map((l, i) => [l, i] as const).filter(([l]) => /^[A-Za-z#]/.test(l) && l.split(',').length === 15);
  const at = (n: number) => rowLines[n % rowLines.length][1];
  /** Hover and completion requests on the open file, at a line and character. */
  const hoverAt = (line: number, character: number) =>
    client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } });
  const completeAt = (line: number, character: number) =>
    client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character } });

  const results: Record<string, unknown> = { node: process.version, date: new Date().toISOString() };
  const report = (label: string, samples: number[]) => {
    const figures = { p50: percentile(samples, 50), p99: percentile(samples, 99), n: samples.length };
    results[label] = figures;
    console.log(`${label.padEnd(52)} p50 ${figures.p50.toFixed(2).padStart(6)} ms   p99 ${figures.p99.toFixed(2).padStart(6)} ms   (n=${figures.n})`);
  };

  console.log(`Rekordbox MIDI language server over stdio (node ${process.version}, ${path.relative(root, SERVER_JS)} as built)\n`);
  console.log(`${'diagnostics: first didOpen on a cold server'.padEnd(52)} ${coldOpen.toFixed(2).padStart(6)} ms`);
  results.coldOpenMs = coldOpen;
  // Figures are for a warm server (what a DJ editing for a while gets): each operation runs a few
  // hundred times before it is measured, so the JIT has compiled its code paths.
  for (let i = 0; i < iterations(300); i++) {
    await hoverAt(at(i), 28);
    await completeAt(at(i), 3);
    if (i < iterations(100)) await completeAt(lines.length - 1, 0);
    if (i < iterations(150)) await openAndClose(client, `file:///bench/warm-${i}.midi.csv`, flx10.text);
    const published = client.nextDiagnostics(uri);
    client.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    await published;
  }

  const hover: number[] = [];
  for (let i = 0; i < iterations(1000); i++) {
    hover.push(await timed(() => hoverAt(at(i), 28 + (i % 3))));
  }
  report('hover on a code cell (per-deck table)', hover);

  const emptyLine = lines.length - 1; // the empty line after the final CRLF, where a new row goes
  const completionAll: number[] = [];
  for (let i = 0; i < iterations(300); i++) {
    completionAll.push(await timed(() => completeAt(emptyLine, 0)));
  }
  report('completion in column 1, empty cell (all ~900 functions)', completionAll);

  const completionTyped: number[] = [];
  for (let i = 0; i < iterations(1000); i++) {
    completionTyped.push(await timed(() => completeAt(at(i), 3)));
  }
  report('completion in column 1 after 3 letters', completionTyped);

  const completionDeck: number[] = [];
  for (let i = 0; i < iterations(1000); i++) {
    const line = lines[at(i)];
    const deckCell = line.split(',').slice(0, 5).join(',').length;
    completionDeck.push(await timed(() => completeAt(at(i), deckCell)));
  }
  report('completion in a deck column (16 channels)', completionDeck);

  // Diagnostics: open a fresh copy (checked at once) and wait for its publication.
  const diagnostics: number[] = [];
  for (let i = 0; i < iterations(300); i++) diagnostics.push(await openAndClose(client, `file:///bench/copy-${i}.midi.csv`, flx10.text));
  report('diagnostics: didOpen (46 KB text) → publishDiagnostics', diagnostics);

  // Diagnostics of the open document on save: the check and the publication, no text to transfer.
  const onSave: number[] = [];
  for (let i = 0; i < iterations(500); i++) {
    onSave.push(
      await timed(async () => {
        const published = client.nextDiagnostics(uri);
        client.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
        await published;
      }),
    );
  }
  report('diagnostics: didSave → publishDiagnostics', onSave);

  const typing: number[] = [];
  for (let i = 0; i < iterations(30); i++) {
    typing.push(
      await timed(async () => {
        const published = client.nextDiagnostics(uri);
        client.connection.sendNotification('textDocument/didChange', {
          textDocument: { uri, version: i + 2 },
          contentChanges: [{ range: { start: { line: at(i), character: 0 }, end: { line: at(i), character: 0 } }, text: '' + (i % 2 ? '' : '') }],
        });
        await published;
      }),
    );
  }
  report('diagnostics after a keystroke (incl. the 150 ms pause)', typing);

  await client.stop();

  // Memory: a fresh server, as after starting an editor on a folder of mappings.
  const fresh = await startServer();
  await new Promise(r => setTimeout(r, 300));
  const idle = residentMb(fresh.process.pid!);
  for (const f of corpusFiles()) {
    const u = `file:///bench/all/${f.file}`;
    const published = fresh.nextDiagnostics(u);
    fresh.open(u, f.text);
    await published;
  }
  await new Promise(r => setTimeout(r, 500));
  const rss = residentMb(fresh.process.pid!);
  // V8 gives memory back once the process has been idle a few seconds (its memory reducer).
  await new Promise(r => setTimeout(r, QUICK ? 1000 : 10_000));
  const settled = residentMb(fresh.process.pid!);
  results.residentMb = { idle, afterAllFixtures: rss, afterAllFixturesSettled: settled };
  console.log(`${'resident memory: started, idle'.padEnd(52)} ${idle.toFixed(1)} MB`);
  console.log(`${'resident memory: all 13 fixtures open, 0.5 s later'.padEnd(52)} ${rss.toFixed(1)} MB`);
  console.log(`${'resident memory: all 13 fixtures open, 10 s later'.padEnd(52)} ${settled.toFixed(1)} MB`);
  await fresh.stop();
  writeResults('lsp', results);
}

runBenchmark(main);
