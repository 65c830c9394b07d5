/** The client's learn session (client/src/learn/learnSession.ts), driven by a hand-moved clock: no real time passes. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LearnClock, LearnOutcome, LearnSession } from '../../../../client/src/learn/learnSession';
import type { TimedMidiMessage } from '../../../../client/src/midi/midiHostApi';

const m = (time: number, ...bytes: number[]): TimedMidiMessage => ({ bytes, time });

/** A clock moved by `advance(ms)`: timers fire in order when their time is reached. */
class ManualClock implements LearnClock {
  now = 0;
  private timers = new Map<number, { at: number; callback: () => void }>();
  private next = 1;
  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.next++;
    this.timers.set(id, { at: this.now + ms, callback });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.now = due[1].at;
      this.timers.delete(due[0]);
      due[1].callback();
    }
    this.now = end;
  }
  get pending(): number {
    return this.timers.size;
  }
}

/** The outcome if the session has ended, else 'pending'. */
async function settled(session: LearnSession): Promise<LearnOutcome | 'pending'> {
  return Promise.race([session.outcome, new Promise<'pending'>(resolve => setImmediate(() => resolve('pending')))]);
}

describe('learn session', () => {
  it('starts at the first channel message, not at clock or SysEx, and ends after the quiet window', async () => {
    const clock = new ManualClock();
    const session = new LearnSession({ quietMs: 300, clock });
    session.receive([m(0, 0xf8), m(1, 0xf0, 0x7e, 0xf7)]);
    assert.equal(session.moving, false);
    session.receive([m(2, 0x90, 0x0b, 0x7f), m(2, 0xf8)]);
    assert.equal(session.moving, true);
    clock.advance(200);
    session.receive([m(140, 0x80, 0x0b, 0x00)]);
    clock.advance(299);
    assert.equal(await settled(session), 'pending', 'the release restarted the quiet window');
    clock.advance(1);
    assert.deepEqual(await settled(session), { kind: 'moved', messages: [m(2, 0x90, 0x0b, 0x7f), m(2, 0xf8), m(140, 0x80, 0x0b, 0x00)] });
    assert.equal(clock.pending, 0, 'no timer left behind');
  });

  it('clock after the move does not keep it going', async () => {
    const clock = new ManualClock();
    const session = new LearnSession({ quietMs: 300, clock });
    session.receive([m(0, 0xb0, 0x13, 5)]);
    for (let i = 0; i < 10; i++) {
      clock.advance(50);
      session.receive([m(i, 0xf8)]);
    }
    const outcome = await settled(session);
    assert.ok(outcome !== 'pending' && outcome.kind === 'moved');
  });

  it('uses the configured quiet window', async () => {
    const clock = new ManualClock();
    const session = new LearnSession({ quietMs: 1000, clock });
    session.receive([m(0, 0x90, 0x0b, 0x7f)]);
    clock.advance(999);
    assert.equal(await settled(session), 'pending');
    clock.advance(1);
    assert.notEqual(await settled(session), 'pending');
  });

  it('times out with a sentence when no control moves; noise alone does not count', async () => {
    const clock = new ManualClock();
    const session = new LearnSession({ timeoutMs: 30_000, clock });
    session.receive([m(0, 0xfe)]);
    clock.advance(30_000);
    assert.deepEqual(await settled(session), { kind: 'timedOut', message: 'No control moved within 30 seconds: nothing learned.' });
  });

  it('waits for ever with timeoutMs Infinity (the sidebar switch)', async () => {
    const clock = new ManualClock();
    const session = new LearnSession({ timeoutMs: Infinity, clock });
    clock.advance(3_600_000);
    assert.equal(await settled(session), 'pending');
    session.cancel();
    assert.deepEqual(await settled(session), { kind: 'cancelled' });
  });

  it('a move that never pauses ends after maxMoveMs, or at maxMessages', async () => {
    const clock = new ManualClock();
    const session = new LearnSession({ quietMs: 300, maxMoveMs: 5000, clock });
    for (let t = 0; t < 6000; t += 10) {
      session.receive([m(t, 0xb0, 0x22, 0x41)]);
      clock.advance(10);
    }
    const outcome = await settled(session);
    assert.ok(outcome !== 'pending' && outcome.kind === 'moved');
    assert.equal(outcome.messages.length, 500);

    const counted = new LearnSession({ maxMessages: 3, clock });
    counted.receive([m(0, 0xb0, 0x22, 0x41), m(1, 0xb0, 0x22, 0x41), m(2, 0xb0, 0x22, 0x41), m(3, 0xb0, 0x22, 0x41)]);
    const outcome2 = await settled(counted);
    assert.ok(outcome2 !== 'pending' && outcome2.kind === 'moved' && outcome2.messages.length === 3);
  });

  it('fail and cancel end it once; later messages and calls change nothing', async () => {
    const clock = new ManualClock();
    const session = new LearnSession({ clock });
    session.receive([m(0, 0x90, 0x0b, 0x7f)]);
    session.fail('The controller was disconnected.');
    session.cancel();
    session.receive([m(1, 0x80, 0x0b, 0)]);
    clock.advance(60_000);
    assert.deepEqual(await settled(session), { kind: 'failed', message: 'The controller was disconnected.' });
    assert.equal(session.done, true);
  });
});
