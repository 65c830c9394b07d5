/**
 * What the midi lane and the MIDI bench share: JACK (test/midi/jack.js), the simulated controller
 * (test/midi/fakeController.mjs) behind a typed wrapper, and waiting for a condition with a deadline
 * (never a fixed sleep: the VM is shared and slow at times).
 */
import { ChildProcess, fork } from 'child_process';
import * as path from 'path';
import type { MidiHostConnection, TimedMidiMessage } from '../../client/src/midi/midiHostApi';
import { REPO_ROOT } from './fixtures';

export interface Jack {
  modulePath: string;
  env: Record<string, string>;
  startedServer: boolean;
  stop(): Promise<void>;
}

/**
 * JACK with a server of its own name: `rekordbox-midi-test` unless the caller names another (the
 * midi lane `rekordbox-midi-lane`, the bench `rekordbox-midi-bench`), so users running at the same
 * time keep their servers. Fixed names, not per process: see jack.js.
 */
export function startJack(log: (line: string) => void = () => {}, serverName = 'rekordbox-midi-test'): Promise<Jack> {
  // jack.js is plain CommonJS outside the compiled tree (tsc emits test/ into out*/ without it), so it is loaded from the
  // repository at run time, and only when JACK is wanted.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a run-time path, see above
  const jack = require(path.join(REPO_ROOT, 'test', 'midi', 'jack.js')) as {
    startJack(options: { log?: (line: string) => void; serverName?: string }): Promise<Jack>;
  };
  return jack.startJack({ log, serverName });
}

export const HOST_MODULE = path.join(REPO_ROOT, 'dist', 'midiHost.js');
const FAKE_CONTROLLER = path.join(REPO_ROOT, 'test', 'midi', 'fakeController.mjs');

/** A SysEx message no controller sends (7D: non-commercial ID): the fake's "are you there?". */
export const PROBE = [0xf0, 0x7d, 0x52, 0x42, 0xf7];
export const isProbe = (bytes: readonly number[]) => bytes.length === PROBE.length && bytes.every((b, i) => b === PROBE[i]);

/** Polls `condition` every 20 ms until it holds; throws naming `what` after `deadlineMs`. */
export async function waitFor<T>(what: string, condition: () => T | undefined | false | null, deadlineMs = 30000): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const value = condition();
    if (value !== undefined && value !== false && value !== null) return value;
    if (Date.now() > deadline) throw new Error(`gave up after ${deadlineMs / 1000} s waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 20));
  }
}

export interface PerformanceStep {
  bytes: number[];
  /** After the previous message (0: the same burst). */
  delayMs?: number;
}

/** The simulated controller process (see fakeController.mjs for the commands). */
export class FakeController {
  /** What arrived on the controller's input port (its lights), in order. */
  readonly received: number[][] = [];
  private readonly child: ChildProcess;
  private seq = 0;
  private readonly replies = new Map<number, { resolve(reply: Record<string, unknown>): void; reject(error: Error): void }>();
  private exited = false;

  constructor(
    readonly portName: string,
    env: Record<string, string>,
  ) {
    this.child = fork(FAKE_CONTROLLER, ['--name', portName], { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (message: Record<string, unknown>) => {
      if (message.event === 'received') this.received.push(message.bytes as number[]);
      if (typeof message.seq !== 'number') return;
      const reply = this.replies.get(message.seq);
      this.replies.delete(message.seq);
      if (typeof message.error === 'string') reply?.reject(new Error(`fake controller: ${message.error}`));
      else reply?.resolve(message);
    });
    this.child.on('exit', code => {
      this.exited = true;
      for (const reply of this.replies.values()) reply.reject(new Error(`fake controller exited (${code})`));
      this.replies.clear();
    });
  }

  /** `written` resolves once the command has left this process (IPC writes are asynchronous). */
  private command(cmd: string, body: Record<string, unknown> = {}, written?: () => void): Promise<Record<string, unknown>> {
    if (this.exited) return Promise.reject(new Error('fake controller has exited'));
    const seq = ++this.seq;
    return new Promise((resolve, reject) => {
      this.replies.set(seq, { resolve, reject });
      this.child.send({ cmd, seq, ...body }, () => written?.());
    });
  }

  plug(): Promise<unknown> {
    return this.command('plug');
  }
  unplug(): Promise<unknown> {
    return this.command('unplug');
  }
  probe(): Promise<unknown> {
    return this.command('probe', { bytes: PROBE });
  }
  /** Resolves with each message's send time (ms since the epoch) once all are sent. */
  async play(performance: PerformanceStep[]): Promise<number[]> {
    const reply = await this.command('play', { performance });
    return reply.sentAt as number[];
  }
  /**
   * For a test that blocks its own event loop while the controller plays: resolves once the command
   * has left this process; the controller writes `doneFile` when it has sent everything.
   */
  startPlaying(performance: PerformanceStep[], doneFile: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.command('play', { performance, doneFile }, resolve).catch(reject);
    });
  }
  async exit(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise(resolve => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }
}

/** The port of a fake controller as a host lists it: JACK puts its client name first (`RtMidi Output Client-01:Fake DDJ`). */
export function listedPort(names: readonly string[], portName: string): string | undefined {
  return names.find(name => name.endsWith(`:${portName}`));
}

/** Everything a connection receives, in order. */
export class ReceivedLog {
  readonly messages: TimedMidiMessage[] = [];
  private readonly subscription: { dispose(): void };
  constructor(connection: MidiHostConnection) {
    this.subscription = connection.onDidReceive(batch => this.messages.push(...batch));
  }
  /** Stops logging (a log kept for a long performance holds every message). */
  dispose(): void {
    this.subscription.dispose();
  }
  /** The messages after the last probe (the performance, once the probe handshake is done). */
  afterProbes(): number[][] {
    const lastProbe = this.messages.map(m => isProbe(m.bytes)).lastIndexOf(true);
    return this.messages.slice(lastProbe + 1).map(m => m.bytes);
  }
  sawProbe(): boolean {
    return this.messages.some(m => isProbe(m.bytes));
  }
}

/**
 * Makes sure the connection's input really delivers before a performance is played (a connection
 * takes effect a JACK cycle after it is made): the fake probes until the log has a probe.
 */
export async function probeUntilHeard(fake: FakeController, logs: ReceivedLog[]): Promise<void> {
  await fake.probe();
  await waitFor(`a probe from ${fake.portName} to arrive`, () => logs.every(log => log.sawProbe()));
}
