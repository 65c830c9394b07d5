/**
 * Learning a control, end to end on real parts, and the monitor under a jog:
 *
 * 1. From the last message of a control move to the learned edit applied: over JACK a simulated
 *    controller presses and releases PLAY (900B); the real MIDI host (dist/midiHost.js) delivers it;
 *    the client's LearnSession waits for the quiet window (300 ms, the default); the real language
 *    server answers `rekordboxMidi/learn` over stdio; the edit is applied to the document. Printed:
 *    the time beyond the quiet window (the budget is 30 ms) and where it goes.
 *    VS Code's own `workspace.applyEdit` is the one step not in here (the editor lane runs the same
 *    path in code-server, where timings are not taken): the edit is applied to a TextDocument.
 * 2. The monitor under a jog: 1,000 messages a second for 10 s from the controller into the
 *    MonitorModel the sidebar uses; lines kept and the JS heap after a full GC at the start and the end.
 *
 * Figures only; asserts nothing. Run: `npm run bench` (needs the JACK setup of the midi lane).
 */
import { performance } from 'perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LearnSession } from '../client/src/learn/learnSession';
import type { TimedMidiMessage } from '../client/src/midi/midiHostApi';
import { startMidiHost } from '../client/src/midi/midiHostConnection';
import { MonitorModel } from '../client/src/monitor/monitorModel';
import type { LearnParams, LearnResult, MappingRowsResult } from '../protocol/messages';
import { corpusFiles } from '../test/helpers/fixtures';
import { startServer } from '../test/helpers/lspClient';
import { FakeController, HOST_MODULE, isProbe, listedPort, probeUntilHeard, ReceivedLog, startJack, waitFor } from '../test/helpers/midiFixtures';
import { percentile, runBenchmark, writeResults } from './benchSupport';

const QUIET_MS = 300;
const LEARNS = 30;
const JOG_PER_SECOND = 1000;
const JOG_SECONDS = 10;

const epochNow = () => performance.timeOrigin + performance.now();


const figure = (samples: number[]) => `p50 ${percentile(samples, 50).toFixed(1).padStart(5)} ms   p99 ${percentile(samples, 99).toFixed(1).padStart(5)} ms`;

function heapMb(): number {
  global.gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

async function main(): Promise<void> {
  const jack = await startJack(line => console.log(line), 'rekordbox-midi-bench');
  const connection = startMidiHost({ hostModule: HOST_MODULE, env: jack.env, log: () => {} });
  const fake = new FakeController(`Bench Learn ${process.pid}`, jack.env);
  const server = await startServer();
  try {
    const state = await connection.waitUntilStarted();
    if (state.kind !== 'ready') throw new Error(`the MIDI host is not ready: ${JSON.stringify(state)}`);
    await fake.plug();
    await connection.connectInput(await waitFor('the fake controller', () => listedPort(connection.ports.inputs, fake.portName)));
    const probes = new ReceivedLog(connection);
    await probeUntilHeard(fake, [probes]);
    probes.dispose();
    await new Promise(resolve => setTimeout(resolve, 500)); // the last probes

    const flx10 = corpusFiles().find(f => f.file === 'factory-DDJ-FLX10.midi.csv')!;
    const uri = 'file:///bench/learn/DDJ-FLX10.midi.csv';
    const opened = server.nextDiagnostics(uri);
    server.open(uri, flx10.text);
    await opened;
    const document = TextDocument.create(uri, 'rekordbox-midi', 1, flx10.text);
    // The cursor on the empty last line: the learn inserts a new row there (the usual way to map a
    // control the file lacks). The server's copy is left as it is, so every learn makes the same edit.
    const position = { line: document.lineCount - 1, character: 0 };

    console.log(`\nLearn, end to end over JACK: PLAY pressed and released, quiet window ${QUIET_MS} ms, ${LEARNS} times (node ${process.version})`);
    const beyondQuiet: number[] = [];
    const delivery: number[] = [];
    const quietLate: number[] = [];
    const request: number[] = [];
    const apply: number[] = [];
    let summary = '';
    for (let i = 0; i < LEARNS; i++) {
      const session = new LearnSession({ quietMs: QUIET_MS, timeoutMs: 10_000 });
      let lastArrival = 0;
      const subscription = connection.onDidReceive(batch => {
        const control = batch.filter(m => !isProbe(m.bytes));
        if (control.length === 0) return;
        lastArrival = epochNow();
        session.receive(control);
      });
      const sent = fake.play([
        { bytes: [0x90, 0x0b, 0x7f], delayMs: 0 },
        { bytes: [0x90, 0x0b, 0x00], delayMs: 80 },
      ]);
      const outcome = await session.outcome;
      const quietAt = epochNow();
      subscription.dispose();
      if (outcome.kind !== 'moved') throw new Error(`learn ${i}: ${JSON.stringify(outcome)}`);
      const params: LearnParams = { textDocument: { uri }, position, messages: outcome.messages as TimedMidiMessage[] };
      const result = await server.connection.sendRequest<LearnResult>('rekordboxMidi/learn', params);
      const answeredAt = epochNow();
      const edits = result.edit?.documentChanges?.flatMap(change => ('edits' in change ? change.edits : [])) ?? [];
      const edited = TextDocument.applyEdits(document, edits);
      const appliedAt = epochNow();
      const newRow = edited.split('\r\n')[position.line];
      if (!newRow?.includes(',Button,900B')) throw new Error(`learn ${i} wrote ${JSON.stringify(newRow)}: ${result.summary}`);
      const lastSent = (await sent).at(-1)!;
      summary = result.summary;
      beyondQuiet.push(appliedAt - lastSent - QUIET_MS);
      delivery.push(lastArrival - lastSent);
      quietLate.push(quietAt - lastArrival - QUIET_MS);
      request.push(answeredAt - quietAt);
      apply.push(appliedAt - answeredAt);
      await new Promise(resolve => setTimeout(resolve, 50));
    }
    console.log(`last message sent → edit applied, beyond the quiet window  ${figure(beyondQuiet)}`);
    console.log(`  of which: controller → client over JACK and the host    ${figure(delivery)}   (JACK's 21.3 ms period included)`);
    console.log(`            quiet timer firing late                       ${figure(quietLate)}`);
    console.log(`            rekordboxMidi/learn over stdio                ${figure(request)}`);
    console.log(`            applying the edit                             ${figure(apply)}`);
    console.log(`  summary: ${summary}`);

    // The monitor under a jog, fed by the real host as the sidebar is.
    const rows = await server.connection.sendRequest<MappingRowsResult | null>('rekordboxMidi/mappingRows', { textDocument: { uri } });
    const monitor = new MonitorModel();
    monitor.setRows(rows);
    let jogMessages = 0;
    let pushMs = 0;
    const subscription = connection.onDidReceive(batch => {
      const t0 = performance.now();
      monitor.push(batch);
      pushMs += performance.now() - t0;
      jogMessages += batch.length;
    });
    // Warm the monitor's code paths, then measure the heap from a steady start.
    await fake.play(Array.from({ length: 500 }, (_, i) => ({ bytes: [0xb0, 0x22, i % 2 ? 0x41 : 0x3f], delayMs: 1 })));
    await new Promise(resolve => setTimeout(resolve, 300));
    const heapStart = heapMb();
    const before = jogMessages;
    const pushBefore = pushMs;
    const count = JOG_PER_SECOND * JOG_SECONDS;
    const heapDuring: number[] = [];
    const sampler = setInterval(() => heapDuring.push(process.memoryUsage().heapUsed / 1024 / 1024), 500);
    // Built in the call so that neither the script nor its send times are still held at the end.
    await fake.play(Array.from({ length: count }, (_, i) => ({ bytes: [0xb0 | (i % 2), 0x22, i % 7 === 0 ? 0x3f : 0x41], delayMs: 1000 / JOG_PER_SECOND })));
    await new Promise(resolve => setTimeout(resolve, 500));
    clearInterval(sampler);
    subscription.dispose();
    const heapEnd = heapMb();
    const monitored = jogMessages - before;
    console.log(`\nMonitor under a jog: ${count} messages at ${JOG_PER_SECOND}/s over JACK into the sidebar's MonitorModel`);
    console.log(`messages monitored   ${monitored} (${(((pushMs - pushBefore) * 1000) / Math.max(1, monitored)).toFixed(1)} µs each in the model)`);
    console.log(`lines kept           ${monitor.lines.length} (bounded)`);
    console.log(
      `JS heap after GC     ${heapStart.toFixed(2)} MB at the start, ${heapEnd.toFixed(2)} MB at the end ` +
        `(peak between GCs ${Math.max(...heapDuring).toFixed(1)} MB)`,
    );

    const results = {
      node: process.version,
      date: new Date().toISOString(),
      quietMs: QUIET_MS,
      learnBeyondQuietMs: { p50: percentile(beyondQuiet, 50), p99: percentile(beyondQuiet, 99) },
      deliveryMs: { p50: percentile(delivery, 50), p99: percentile(delivery, 99) },
      learnRequestMs: { p50: percentile(request, 50), p99: percentile(request, 99) },
      monitor: { messages: monitored, lines: monitor.lines.length, heapStartMb: heapStart, heapEndMb: heapEnd },
    };
    writeResults('learn', results);
  } finally {
    await server.stop();
    await fake.exit();
    connection.dispose();
    await jack.stop();
  }
}

runBenchmark(main);
