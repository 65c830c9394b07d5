/**
 * What control the user moved, from the channel messages of a learn (learn/midiStream.ts), and
 * which Rekordbox type reads it. The rules and the reasons for them are in docs/learn.md.
 *
 * - Messages are grouped per control: a note (note on, note off and poly aftertouch of one note on
 *   one channel), a controller (one CC number on one channel), or a message kind Rekordbox cannot
 *   name with a fixed `SSDD` code (pitch bend, channel pressure, program change).
 * - Note on/off → Button with the note-on code (a note on with velocity 0 is a release).
 * - CC n (0–31) immediately followed by CC n+32 on the same channel (nothing else on that channel
 *   in between), for at least half of CC n's messages → KnobSliderHiRes with the MSB code; the
 *   LSB's messages belong to that control.
 * - A controller sending only 127 and 0, never the same value twice in a row → Button (a button
 *   that sends control changes).
 * - Relative values (an encoder or a jog: the same step value repeated, or only ±1 steps) →
 *   Rotary, or JogRotate for a dense burst (JOG_MIN_MESSAGES or more at a median gap of at most
 *   JOG_MAX_MEDIAN_GAP_MS). Two encodings: offset 64 (0x41 = +1, 0x3F = −1) and two's
 *   complement (0x01 = +1, 0x7F = −1).
 * - Anything else from a controller → KnobSlider (an absolute sweep).
 * - Several controls: the first one, except a note held down while another control moved (a
 *   shift button, a jog's touch sensor): that one is reported, not learned.
 *
 * Pure; never throws; linear in the messages (plus one sort of one control's gaps).
 */
import { formatCode } from '../midi/midiCode';
import { ChannelEvent } from './midiStream';

export type LearnedType = 'Button' | 'KnobSlider' | 'KnobSliderHiRes' | 'Rotary' | 'JogRotate';

export type RelativeEncoding = 'offset64' | 'twosComplement';

/** A jog wheel sends many messages close together; an encoder's detents are further apart. */
export const JOG_MIN_MESSAGES = 24;
export const JOG_MAX_MEDIAN_GAP_MS = 8;
/** How far from its centre a relative value may be (fast jog spins send steps of several units). */
const RELATIVE_SPREAD = 0x20;

export interface InferredControl {
  /** The code for the file: note-on code for notes, the MSB's code for 14-bit pairs. */
  code: number;
  type: LearnedType;
  channel: number;
  /** Messages this control sent (both halves of a 14-bit pair). */
  messages: number;
  encoding?: RelativeEncoding;
  /** For KnobSliderHiRes: the LSB code CC+32 the control also sends. */
  lsbCode?: number;
  /** Why this type, for people: `note on, then note off`. */
  reason: string;
  /** Stream index of the control's first message. */
  first: number;
  last: number;
}

/** Messages of a kind Rekordbox codes cannot name (pitch bend, program change…). */
export interface UnsupportedControl {
  description: string;
  messages: number;
  first: number;
}

export interface Inference {
  /** The control to learn, if any. */
  control: InferredControl | undefined;
  /** The other controls that moved, in the order they started. */
  others: InferredControl[];
  /** Notes held down while the learned control moved (shift, jog touch): not learned. */
  held: InferredControl[];
  unsupported: UnsupportedControl[];
}

interface Track {
  key: string;
  family: 'note' | 'cc' | 'unsupported';
  channel: number;
  number: number;
  status: number;
  events: ChannelEvent[];
  first: number;
  last: number;
  /** For a CC 0–31 paired with its LSB. */
  lsb?: Track;
  /** Set on an LSB track once merged into its MSB. */
  merged?: boolean;
}

function trackKey(e: ChannelEvent): { key: string; family: Track['family']; number: number } {
  const kind = e.status >> 4;
  const channel = e.status & 0x0f;
  switch (kind) {
    case 0x8:
    case 0x9:
    case 0xa:
      return { key: `n${channel}:${e.data1}`, family: 'note', number: e.data1 };
    case 0xb:
      return { key: `c${channel}:${e.data1}`, family: 'cc', number: e.data1 };
    case 0xc:
      return { key: `p${channel}:${e.data1}`, family: 'unsupported', number: e.data1 };
    default:
      // Channel pressure and pitch bend: the first data byte is part of the value, not a name.
      return { key: `${kind.toString(16)}${channel}`, family: 'unsupported', number: 0 };
  }
}

export function inferControl(events: readonly ChannelEvent[]): Inference {
  const tracks = new Map<string, Track>();
  const order: Track[] = [];
  const lastOnChannel: (ChannelEvent | undefined)[] = new Array(16).fill(undefined);
  /** MSB tracks (by key) → how many of their messages were immediately followed by their LSB. */
  const pairings = new Map<string, number>();

  for (const e of events) {
    const { key, family, number } = trackKey(e);
    let track = tracks.get(key);
    if (!track) {
      track = { key, family, channel: e.status & 0x0f, number, status: e.status, events: [], first: e.index, last: e.index };
      tracks.set(key, track);
      order.push(track);
    }
    track.events.push(e);
    track.last = e.index;
    const channel = e.status & 0x0f;
    const previous = lastOnChannel[channel];
    if (
      family === 'cc' &&
      number >= 32 &&
      number <= 63 &&
      previous !== undefined &&
      previous.status === e.status &&
      previous.data1 === number - 32
    ) {
      const msbKey = `c${channel}:${number - 32}`;
      pairings.set(msbKey, (pairings.get(msbKey) ?? 0) + 1);
    }
    lastOnChannel[channel] = e;
  }

  for (const [key, pairs] of pairings) {
    const msb = tracks.get(key)!;
    // A 14-bit control follows (nearly) every MSB with its LSB; two 7-bit controls moved one after
    // the other touch once at most.
    if (pairs * 2 < msb.events.length) continue;
    const lsb = tracks.get(`c${msb.channel}:${msb.number + 32}`)!;
    msb.lsb = lsb;
    lsb.merged = true;
    msb.first = Math.min(msb.first, lsb.first);
    msb.last = Math.max(msb.last, lsb.last);
  }

  const controls: { track: Track; control: InferredControl }[] = [];
  const unsupported: UnsupportedControl[] = [];
  for (const track of order) {
    if (track.merged) continue;
    const control = track.family === 'unsupported' ? undefined : classify(track);
    if (control) controls.push({ track, control });
    else unsupported.push({ description: describeUnsupported(track), messages: track.events.length, first: track.first });
  }
  controls.sort((a, b) => a.control.first - b.control.first);

  // A note pressed before another control started and not released until it ended is a modifier
  // held down (shift, jog touch): learn what moved while it was held.
  const held: InferredControl[] = [];
  let chosen: InferredControl | undefined;
  for (const { track, control } of controls) {
    const span = heldSpan(track);
    if (span && controls.some(other => other.track !== track && span.press < other.control.first && span.release > other.control.last)) {
      held.push(control);
      continue;
    }
    chosen = control;
    break;
  }
  if (!chosen && controls.length) chosen = controls[0].control;
  const others = controls.map(c => c.control).filter(c => c !== chosen && !held.includes(c));
  return { control: chosen, others, held: chosen ? held.filter(h => h !== chosen) : [], unsupported };
}

function isRelease(e: ChannelEvent): boolean {
  const kind = e.status >> 4;
  return kind === 0x8 || (kind === 0x9 && e.data2 === 0);
}

function isPress(e: ChannelEvent): boolean {
  return e.status >> 4 === 0x9 && e.data2 > 0;
}

/**
 * For a note whose first message is a press: the stream indexes of that press and of its release
 * (Infinity when it is still down). Undefined for anything else.
 */
function heldSpan(track: Track): { press: number; release: number } | undefined {
  if (track.family !== 'note') return undefined;
  const first = track.events.find(e => isPress(e) || isRelease(e));
  if (!first || !isPress(first)) return undefined;
  const release = track.events.find(e => e.index > first.index && isRelease(e));
  return { press: first.index, release: release?.index ?? Infinity };
}

function describeUnsupported(track: Track): string {
  const ch = `ch ${track.channel + 1}`;
  switch (track.status >> 4) {
    case 0xa:
      return `poly aftertouch only, ${ch}, note ${track.number}`;
    case 0xc:
      return `program change, ${ch}, program ${track.number}`;
    case 0xd:
      return `channel pressure, ${ch}`;
    default:
      return `pitch bend, ${ch}`;
  }
}

function classify(track: Track): InferredControl | undefined {
  const base = { channel: track.channel, first: track.first, last: track.last };
  if (track.family === 'note') {
    const code = ((0x90 | track.channel) << 8) | track.number;
    const notes = track.events.filter(e => e.status >> 4 !== 0xa);
    if (notes.length === 0) return undefined; // aftertouch alone names no control
    const presses = notes.filter(isPress).length;
    const noteOffs = notes.filter(e => e.status >> 4 === 0x8).length;
    const zeroOns = notes.length - presses - noteOffs;
    let reason: string;
    if (presses === 0) reason = 'only a release was seen (the button was already down)';
    else if (noteOffs > 0) reason = 'note on, then note off';
    else if (zeroOns > 0) reason = 'note on, then note on with velocity 0 (a release)';
    else reason = 'note on (not yet released)';
    return { ...base, code, type: 'Button', messages: track.events.length, reason };
  }

  const code = ((0xb0 | track.channel) << 8) | track.number;
  if (track.lsb) {
    const lsbCode = ((0xb0 | track.channel) << 8) | (track.number + 32);
    return {
      ...base,
      code,
      type: 'KnobSliderHiRes',
      messages: track.events.length + track.lsb.events.length,
      lsbCode,
      reason: `CC ${track.number} followed by its LSB CC ${track.number + 32} (${formatCode(lsbCode)}): a 14-bit control`,
    };
  }
  const values = track.events.map(e => e.data2);
  const messages = values.length;
  const repeats = hasBackToBackRepeat(values);
  if (!repeats && values.every(v => v === 0 || v === 0x7f)) {
    return { ...base, code, type: 'Button', messages, reason: 'a control change sending only 127 and 0 (a button)' };
  }
  const encoding = relativeEncoding(values, repeats);
  if (encoding) {
    const steps = encoding === 'offset64' ? 'values around 64 (0x41 = +1, 0x3F = −1)' : "two's complement steps (0x01 = +1, 0x7F = −1)";
    const gap = medianGap(track.events);
    if (messages >= JOG_MIN_MESSAGES && gap <= JOG_MAX_MEDIAN_GAP_MS) {
      const reason = `relative ${steps} in a dense burst (${messages} messages, ${formatMs(gap)} apart): a jog wheel`;
      return { ...base, code, type: 'JogRotate', messages, encoding, reason };
    }
    return { ...base, code, type: 'Rotary', messages, encoding, reason: `relative ${steps}: an endless encoder` };
  }
  return { ...base, code, type: 'KnobSlider', messages, reason: 'absolute values (a knob or fader sweep)' };
}

function hasBackToBackRepeat(values: readonly number[]): boolean {
  for (let i = 1; i < values.length; i++) if (values[i] === values[i - 1]) return true;
  return false;
}

/**
 * The relative encoding the values fit, when they also look like steps: a value repeated back to
 * back (an absolute control only sends changes) or nothing but ±1 steps.
 */
function relativeEncoding(values: readonly number[], repeats: boolean): RelativeEncoding | undefined {
  if (values.every(v => v !== 0x40 && Math.abs(v - 0x40) <= RELATIVE_SPREAD) && (repeats || values.every(v => v === 0x41 || v === 0x3f))) {
    return 'offset64';
  }
  if (values.every(v => v !== 0 && (v <= RELATIVE_SPREAD || v >= 0x80 - RELATIVE_SPREAD)) && (repeats || values.every(v => v === 0x01 || v === 0x7f))) {
    return 'twosComplement';
  }
  return undefined;
}

/** Median time between successive messages, in ms (times going backwards count as 0). */
function medianGap(events: readonly ChannelEvent[]): number {
  if (events.length < 2) return Infinity;
  const gaps: number[] = [];
  for (let i = 1; i < events.length; i++) gaps.push(Math.max(0, events[i].time - events[i - 1].time));
  gaps.sort((a, b) => a - b);
  return gaps[(gaps.length - 1) >> 1];
}

function formatMs(ms: number): string {
  return `${Math.round(ms * 10) / 10} ms`;
}
