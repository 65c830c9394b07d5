/**
 * One "learn from the controller": waits for the first message that can be a control (a channel
 * message: clock, active sensing, SysEx handshakes and other system messages do not start it),
 * then collects everything until the controller has been quiet for `quietMs`, and hands the
 * messages over for `rekordboxMidi/learn`. The server decides what they mean (docs/learn.md).
 *
 * - Only channel messages extend the quiet window: a clock streaming at 24 per beat would never let
 *   the move end.
 * - A control moved without a pause (a jog spun for minutes) ends the move after `maxMoveMs` or
 *   `maxMessages`: what arrived so far is plenty to tell the control.
 * - No control within `timeoutMs`: the session ends with a sentence saying so.
 * - `fail(message)`: the caller saw the port or the host go away; `cancel()`: the user stopped it.
 *
 * Pure: the clock is injected (tests drive it by hand), no `vscode` import.
 */
import type { TimedMidiMessage } from '../midi/midiHostApi';

export type LearnOutcome =
  | { kind: 'moved'; messages: TimedMidiMessage[] }
  | { kind: 'timedOut'; message: string }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

export interface LearnClock {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface LearnSessionOptions {
  /** The quiet moment that ends a move. */
  quietMs?: number;
  /** How long to wait for the first control message; Infinity waits for ever (the sidebar's Learn switch). */
  timeoutMs?: number;
  /** A move that never pauses ends after this long. */
  maxMoveMs?: number;
  /** … or after this many messages. */
  maxMessages?: number;
  clock?: LearnClock;
}

export const DEFAULT_QUIET_MS = 300;
export const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_MOVE_MS = 5_000;
const DEFAULT_MAX_MESSAGES = 20_000;

const systemClock: LearnClock = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: handle => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** A message that can be (part of) a control: note, controller, pressure, program change, pitch bend. */
export function isChannelMessage(message: TimedMidiMessage): boolean {
  const status = message?.bytes?.[0];
  return typeof status === 'number' && status >= 0x80 && status <= 0xef;
}

export class LearnSession {
  readonly outcome: Promise<LearnOutcome>;
  private resolve!: (outcome: LearnOutcome) => void;
  private readonly messages: TimedMidiMessage[] = [];
  private started = false;
  private finished = false;
  private quietTimer: unknown;
  private timeoutTimer: unknown;
  private moveTimer: unknown;
  private readonly quietMs: number;
  private readonly maxMoveMs: number;
  private readonly maxMessages: number;
  private readonly clock: LearnClock;

  constructor(options: LearnSessionOptions = {}) {
    this.quietMs = positive(options.quietMs, DEFAULT_QUIET_MS);
    this.maxMoveMs = positive(options.maxMoveMs, DEFAULT_MAX_MOVE_MS);
    this.maxMessages = positive(options.maxMessages, DEFAULT_MAX_MESSAGES);
    this.clock = options.clock ?? systemClock;
    this.outcome = new Promise(resolve => (this.resolve = resolve));
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    if (Number.isFinite(timeoutMs)) {
      this.timeoutTimer = this.clock.setTimeout(
        () => this.finish({ kind: 'timedOut', message: `No control moved within ${formatSeconds(timeoutMs)}: nothing learned.` }),
        Math.max(0, timeoutMs),
      );
    }
  }

  /** True once the first control message arrived. */
  get moving(): boolean {
    return this.started;
  }

  get done(): boolean {
    return this.finished;
  }

  /** A batch from the connected input, in order. */
  receive(batch: readonly TimedMidiMessage[]): void {
    if (this.finished) return;
    let control = false;
    for (const message of batch) {
      if (!this.started) {
        if (!isChannelMessage(message)) continue; // noise before the move: not part of it
        this.started = true;
        this.clock.clearTimeout(this.timeoutTimer);
        this.moveTimer = this.clock.setTimeout(() => this.endMove(), this.maxMoveMs);
      }
      this.messages.push({ bytes: message.bytes, time: message.time });
      if (isChannelMessage(message)) control = true;
      if (this.messages.length >= this.maxMessages) {
        this.endMove();
        return;
      }
    }
    if (control) {
      this.clock.clearTimeout(this.quietTimer);
      this.quietTimer = this.clock.setTimeout(() => this.endMove(), this.quietMs);
    }
  }

  cancel(): void {
    this.finish({ kind: 'cancelled' });
  }

  fail(message: string): void {
    this.finish({ kind: 'failed', message });
  }

  private endMove(): void {
    this.finish({ kind: 'moved', messages: this.messages.slice() });
  }

  private finish(outcome: LearnOutcome): void {
    if (this.finished) return;
    this.finished = true;
    this.clock.clearTimeout(this.quietTimer);
    this.clock.clearTimeout(this.timeoutTimer);
    this.clock.clearTimeout(this.moveTimer);
    this.resolve(outcome);
  }
}

function positive(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}

function formatSeconds(ms: number): string {
  const seconds = Math.round(ms / 100) / 10;
  return `${seconds} second${seconds === 1 ? '' : 's'}`;
}
