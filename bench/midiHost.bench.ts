/**
 * The MIDI host under a fast jog: over JACK (test/midi/jack.js), a simulated controller sends
 * 1,000 messages a second for 10 s to the real host (dist/midiHost.js) through startMidiHost.
 * Prints messages received and lost, latency from the controller's send to the client's
 * onDidReceive (p50/p99/max), and the resident memory of the host and of this client at the start
 * and the end (a bounded queue: it must not grow). Figures only; asserts nothing.
 * Run: `npm run bench:midi` (or as part of `npm run bench`).
 *
 * The latency includes JACK's own: MIDI moves between JACK ports once per period (1024 frames at
 * 48 kHz = 21.3 ms), so about 11 ms on average comes from the transport, not from the host.
 */
import { performance } from 'perf_hooks';
import { startMidiHost } from '../client/src/midi/midiHostConnection';
import { FakeController, HOST_MODULE, isProbe, listedPort, probeUntilHeard, ReceivedLog, startJack, waitFor } from '../test/helpers/midiFixtures';
import { percentile, residentMb, runBenchmark, writeResults } from './benchSupport';

const MESSAGES_PER_SECOND = 1000;
const SECONDS = 10;



/** A jog tick; channel and CC number make each message unique within 2,048 consecutive ones (to pair sends and receipts). */
const jogTick = (i: number): number[] => [0xb0 | (i & 0x0f), (i >> 4) & 0x7f, i % 3 === 0 ? 0x3f : 0x41];
const key = (bytes: readonly number[]) => (bytes[0] << 8) | bytes[1];

async function main(): Promise<void> {
  const jack = await startJack(line => console.log(line), 'rekordbox-midi-bench');
  const connection = startMidiHost({ hostModule: HOST_MODULE, env: jack.env, log: () => {} });
  const fake = new FakeController(`Bench Jog ${process.pid}`, jack.env);
  try {
    const state = await connection.waitUntilStarted();
    if (state.kind !== 'ready') throw new Error(`the MIDI host is not ready: ${JSON.stringify(state)}`);
    await fake.plug();
    const input = await waitFor('the fake controller', () => listedPort(connection.ports.inputs, fake.portName));
    await connection.connectInput(input);
    const log = new ReceivedLog(connection);
    const arrivals: number[] = []; // epoch ms at onDidReceive, one per message
    connection.onDidReceive(batch => {
      const now = performance.timeOrigin + performance.now();
      for (let i = 0; i < batch.length; i++) arrivals.push(now);
    });
    await probeUntilHeard(fake, [log]);
    await new Promise(resolve => setTimeout(resolve, 500)); // let the last probes through
    const hostPid = connection.hostProcessId!;
    global.gc?.();
    const start = { host: residentMb(hostPid), client: residentMb(process.pid) };
    const firstIndex = log.messages.length;

    const count = MESSAGES_PER_SECOND * SECONDS;
    const performanceScript = Array.from({ length: count }, (_, i) => ({ bytes: jogTick(i), delayMs: 1000 / MESSAGES_PER_SECOND }));
    console.log(`\nMIDI host under a jog: ${count} messages at ${MESSAGES_PER_SECOND}/s over JACK (node ${process.version})`);
    const middle: { host: number; client: number }[] = [];
    const sampler = setInterval(() => middle.push({ host: residentMb(hostPid), client: residentMb(process.pid) }), 1000);
    const sentAt = await fake.play(performanceScript);
    // Whatever is still on its way: wait until nothing arrives for a second.
    let seen = -1;
    await waitFor('the stream to settle', () => {
      const settled = log.messages.length === seen;
      seen = log.messages.length;
      return settled;
    }, 60000).catch(() => undefined);
    await new Promise(resolve => setTimeout(resolve, 1000));
    clearInterval(sampler);
    global.gc?.();
    await new Promise(resolve => setTimeout(resolve, 500));
    const end = { host: residentMb(hostPid), client: residentMb(process.pid) };

    // Pair each receipt with its send: in order, skipping sends that never arrived.
    // Probes still in flight when the bench started are not part of the jog.
    const jogIndices = log.messages.map((_message, i) => i).filter(i => i >= firstIndex && !isProbe(log.messages[i].bytes));
    const received = jogIndices.map(i => log.messages[i]);
    const receivedArrivals = jogIndices.map(i => arrivals[i]);
    const latencies: number[] = [];
    let next = 0;
    let outOfOrder = 0;
    for (let r = 0; r < received.length; r++) {
      const wanted = key(received[r].bytes);
      let j = next;
      while (j < count && j < next + 2048 && key(performanceScript[j].bytes) !== wanted) j++;
      if (j >= count || j >= next + 2048) {
        outOfOrder++;
        continue;
      }
      latencies.push(receivedArrivals[r] - sentAt[j]);
      next = j + 1;
    }
    const sendSeconds = (sentAt[sentAt.length - 1] - sentAt[0]) / 1000;
    const peak = middle.reduce((m, s) => ({ host: Math.max(m.host, s.host), client: Math.max(m.client, s.client) }), { host: 0, client: 0 });
    const results = {
      node: process.version,
      date: new Date().toISOString(),
      sent: count,
      sendSeconds,
      received: received.length,
      lost: count - received.length,
      droppedByHost: connection.droppedMessages,
      unmatched: outOfOrder,
      latencyMs: { p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: Math.max(...latencies) },
      residentMb: { start, peak, end },
    };
    console.log(`sent        ${count} in ${sendSeconds.toFixed(2)} s`);
    console.log(`received    ${results.received}   lost ${results.lost} (dropped by the host's queue: ${results.droppedByHost}; out of order: ${outOfOrder})`);
    console.log(
      `latency     send → onDidReceive: p50 ${results.latencyMs.p50.toFixed(1)} ms, p99 ${results.latencyMs.p99.toFixed(1)} ms, ` +
        `max ${results.latencyMs.max.toFixed(1)} ms (JACK period 21.3 ms included)`,
    );
    console.log(`memory      host   ${start.host.toFixed(1)} MB at start, ${peak.host.toFixed(1)} MB peak, ${end.host.toFixed(1)} MB at the end`);
    console.log(`            client ${start.client.toFixed(1)} MB at start, ${peak.client.toFixed(1)} MB peak, ${end.client.toFixed(1)} MB at the end`);
    writeResults('midiHost', results);
  } finally {
    await fake.exit();
    connection.dispose();
    await jack.stop();
  }
}

runBenchmark(main);
