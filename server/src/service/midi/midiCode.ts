/**
 * MIDI codes as Rekordbox writes them: `SSDD`, a status byte and the first data byte in hex
 * (the value byte is never in the file). `FFF1`..`FFF3` on `Parameter` rows are not MIDI.
 */

export type MessageKind =
  | 'noteOff'
  | 'noteOn'
  | 'polyPressure'
  | 'controlChange'
  | 'programChange'
  | 'channelPressure'
  | 'pitchBend'
  | 'system';

export interface DecodedCode {
  /** The code as written, upper-cased: `900B`. */
  code: string;
  status: number;
  data1: number;
  kind: MessageKind;
  /** 0..15 as in the file; people read it as `channel + 1`. */
  channel: number;
  /** Note number for note messages, controller number for control changes. */
  number: number;
  /** `B-1` style note name for note messages (C-1 = 0, as Rekordbox and most DJ gear count). */
  noteName?: string;
  /** True for `FFF1`-style parameter codes, which are not MIDI messages. */
  isParameter: boolean;
}

const NOTE_NAMES = ['C', 'C#', 'D', 'D#', 'E', 'F', 'F#', 'G', 'G#', 'A', 'A#', 'B'];

export function isHexCode(text: string): boolean {
  return parseCode(text) !== undefined;
}

function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48; // 0-9
  if (c >= 65 && c <= 70) return c - 55; // A-F
  if (c >= 97 && c <= 102) return c - 87; // a-f
  return -1;
}

/** `0x900B` for `900B`, or undefined when the text is not exactly 4 hex digits (hot path: no regex). */
export function parseCode(text: string): number | undefined {
  if (text.length !== 4) return undefined;
  let value = 0;
  for (let i = 0; i < 4; i++) {
    const d = hexDigit(text.charCodeAt(i));
    if (d < 0) return undefined;
    value = (value << 4) | d;
  }
  return value;
}

export function formatCode(value: number): string {
  return value.toString(16).toUpperCase().padStart(4, '0');
}

export function noteName(note: number): string {
  return `${NOTE_NAMES[note % 12]}${Math.floor(note / 12) - 1}`;
}

const KIND_BY_NIBBLE: Record<number, MessageKind> = {
  0x8: 'noteOff',
  0x9: 'noteOn',
  0xa: 'polyPressure',
  0xb: 'controlChange',
  0xc: 'programChange',
  0xd: 'channelPressure',
  0xe: 'pitchBend',
  0xf: 'system',
};

export function decodeCode(value: number): DecodedCode {
  const status = (value >> 8) & 0xff;
  const data1 = value & 0xff;
  const nibble = status >> 4;
  const kind: MessageKind = KIND_BY_NIBBLE[nibble] ?? 'system';
  const isParameter = status === 0xff && data1 >= 0xf0;
  const decoded: DecodedCode = {
    code: formatCode(value),
    status,
    data1,
    kind,
    channel: status & 0x0f,
    number: data1,
    isParameter,
  };
  if ((kind === 'noteOn' || kind === 'noteOff' || kind === 'polyPressure') && data1 < 128) {
    decoded.noteName = noteName(data1);
  }
  return decoded;
}

/** The code with its status channel replaced: used to expand deck channels. */
export function withChannel(value: number, channel: number): number {
  return (value & 0xf0ff) | ((channel & 0x0f) << 8);
}

/** True when the code is a channel message (status 0x80..0xEF), the only kind a deck channel can move. */
export function isChannelMessage(value: number): boolean {
  const status = (value >> 8) & 0xff;
  return status >= 0x80 && status <= 0xef;
}

/** One short line for people: `note on, ch 1, note 11 (B-1)`. */
export function describeCode(d: DecodedCode): string {
  if (d.isParameter) return `Rekordbox parameter code ${d.code} (not a MIDI message)`;
  const ch = `ch ${d.channel + 1}`;
  const hexNumber = `0x${d.data1.toString(16).toUpperCase().padStart(2, '0')}`;
  if (d.data1 > 127 && d.kind !== 'system') {
    return `${KIND_LABEL[d.kind]}, ${ch}, data byte ${hexNumber} is above 127 (not valid MIDI)`;
  }
  switch (d.kind) {
    case 'noteOn':
    case 'noteOff':
    case 'polyPressure':
      return `${KIND_LABEL[d.kind]}, ${ch}, note ${d.data1} (${d.noteName})`;
    case 'controlChange':
      return `${KIND_LABEL[d.kind]}, ${ch}, CC ${d.data1} (${hexNumber})`;
    case 'programChange':
      return `${KIND_LABEL[d.kind]}, ${ch}, program ${d.data1}`;
    case 'channelPressure':
    case 'pitchBend':
      return `${KIND_LABEL[d.kind]}, ${ch}`;
    case 'system':
      return `system message ${d.code} (no channel)`;
  }
}

export const KIND_LABEL: Record<MessageKind, string> = {
  noteOff: 'note off',
  noteOn: 'note on',
  polyPressure: 'poly aftertouch',
  controlChange: 'control change',
  programChange: 'program change',
  channelPressure: 'channel pressure',
  pitchBend: 'pitch bend',
  system: 'system',
};
