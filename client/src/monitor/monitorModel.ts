/**
 * The MIDI monitor's lines: what a controller sent, folded so that a person can read it at 1,000
 * messages a second, each line tagged with the rows of the active mapping it triggers.
 *
 * - note on with its velocity; note off and note on with velocity 0 (a release) as "note off";
 * - control change with its value; one control's messages close in time update one line (a fader
 *   sweep is one line with its latest value and a count, not 300 lines);
 * - a 14-bit pair (CC n, 0–31, immediately followed by CC n+32 on the same channel) is one line
 *   with the 14-bit value;
 * - relative controls (jogs, encoders: values that fit an encoding and look like steps, docs/learn.md)
 *   fold into one line with a count and the net number of steps and direction;
 * - clock and active sensing are hidden (counted); SysEx is one short line with its length;
 * - the history is bounded (`maxLines`): minutes of a fast jog never grow memory.
 *
 * A row is triggered when one of its per-deck MIDI IN codes (rekordboxMidi/mappingRows) is the
 * message's code: status byte and first data byte (docs/format.md#midi-codes). A release (note off, or note on with
 * velocity 0) also reaches the rows of the note-on code: a Button row receives press and release.
 * A 14-bit line also names the rows whose implied LSB it carries.
 *
 * Pure: no `vscode` import; times are the host's (milliseconds, any origin).
 */
import { formatCode, noteName } from '../../../protocol/languageService';
import type { MappingRowsResult } from '../../../protocol/messages';
import type { TimedMidiMessage } from '../midi/midiHostApi';

export type MonitorLineKind = 'noteOn' | 'noteOff' | 'controlChange' | 'highResolution' | 'relative' | 'sysEx' | 'other';

export interface MonitorRowRef {
  /** 0-based line of the row in the mapping. */
  line: number;
  functionName: string;
  /** The control's label (column 1), often empty in EXPORT files. */
  control: string;
  /** 1–4, or null when the row's base code serves every deck. */
  deck: number | null;
  /** False for rows Rekordbox does not act on: `#`, `#Name`, `NoFunction`, no function. */
  active: boolean;
  /** How the message reaches the row when it is not its own code. */
  via?: 'release' | 'lsb';
}

export interface MonitorLine {
  /** Increases with every new line (a stable key for the view). */
  id: number;
  kind: MonitorLineKind;
  /** The message's code, 4 hex digits (`900B`); for 14-bit lines the MSB's. Empty for SysEx and system messages. */
  code: string;
  /** 1–16 as people read it, or null for system messages. */
  channel: number | null;
  /** What the message is: `note on B-1 (11)`, `CC 19`, `CC 19/51 (14-bit)`, `SysEx`. */
  label: string;
  /** Its value: `velocity 127`, `87`, `8192 (50%)`, `+12 steps, clockwise`, `23 bytes`. */
  value: string;
  /** Messages folded into this line. */
  count: number;
  /** Host time of the first and the last message of the line. */
  firstTime: number;
  lastTime: number;
  rows: MonitorRowRef[];
}

export interface MonitorOptions {
  /** Lines kept (oldest dropped first). */
  maxLines?: number;
  /** A control's next message within this many ms of its last one updates the same line. */
  foldWindowMs?: number;
  /** CC n+32 within this many ms after CC n (and nothing between) pairs them as 14-bit. */
  pairWindowMs?: number;
}

export const DEFAULT_MAX_LINES = 200;
const DEFAULT_FOLD_WINDOW_MS = 400;
const DEFAULT_PAIR_WINDOW_MS = 20;
/** Open-line entries kept before stale ones are swept (one per control moving at once). */
const MAX_OPEN_LINES = 64;

/** Per-line state for folding control changes: which encodings the values still fit. */
interface FoldState {
  /** A key of the open-lines map this line is under. */
  keys: number[];
  lastValue: number;
  minValue: number;
  maxValue: number;
  fitsOffset64: boolean;
  fitsTwosComplement: boolean;
  /** Only ±1 steps so far (0x41/0x3F or 0x01/0x7F). */
  unitStepsOffset64: boolean;
  unitStepsTwos: boolean;
  repeated: boolean;
  netOffset64: number;
  netTwos: number;
  /** 14-bit lines: the latest halves. */
  msb?: number;
  lsb?: number;
}

interface OpenLine {
  line: MonitorLine;
  fold: FoldState;
}

export class MonitorModel {
  private readonly maxLines: number;
  private readonly foldWindowMs: number;
  private readonly pairWindowMs: number;
  private history: MonitorLine[] = [];
  private nextId = 1;
  /** Lines a control's next message may update, by code (status << 8 | data1). */
  private readonly open = new Map<number, OpenLine>();
  /** The last channel message, to pair CC n with an immediately following CC n+32. */
  private previous: { code: number; time: number; open: OpenLine } | undefined;
  private rowsByCode = new Map<number, MonitorRowRef[]>();
  private rowsByLsbCode = new Map<number, MonitorRowRef[]>();
  private mappingUri: string | null = null;
  /** Hidden messages, counted. */
  readonly hidden = { clock: 0, activeSensing: 0 };
  /** Changes on every update: a view redraws when it differs from what it drew. */
  revision = 0;

  constructor(options: MonitorOptions = {}) {
    this.maxLines = Math.max(1, options.maxLines ?? DEFAULT_MAX_LINES);
    this.foldWindowMs = options.foldWindowMs ?? DEFAULT_FOLD_WINDOW_MS;
    this.pairWindowMs = options.pairWindowMs ?? DEFAULT_PAIR_WINDOW_MS;
  }

  /** Oldest first. */
  get lines(): readonly MonitorLine[] {
    return this.history;
  }

  /** The mapping the rows come from (its URI), or null. */
  get rowsUri(): string | null {
    return this.mappingUri;
  }

  clear(): void {
    this.history = [];
    this.open.clear();
    this.previous = undefined;
    this.hidden.clock = 0;
    this.hidden.activeSensing = 0;
    this.revision++;
  }

  /** The rows of the active mapping (or null: none); the lines in view are tagged again. */
  setRows(result: MappingRowsResult | null): void {
    this.rowsByCode = new Map();
    this.rowsByLsbCode = new Map();
    this.mappingUri = result?.uri ?? null;
    for (const row of result?.rows ?? []) {
      const active = isActiveFunction(row.functionName);
      const add = (map: Map<number, MonitorRowRef[]>, code: string, deck: number | null): void => {
        const value = parseInt(code, 16);
        if (!Number.isFinite(value)) return;
        const ref: MonitorRowRef = { line: row.line, functionName: row.functionName, control: row.control, deck, active };
        const list = map.get(value);
        if (list) list.push(ref);
        else map.set(value, [ref]);
      };
      for (const c of row.input) add(this.rowsByCode, c.code, c.deck);
      for (const c of row.lsbInput ?? []) add(this.rowsByLsbCode, c.code, c.deck);
    }
    for (const line of this.history) line.rows = this.rowsFor(line);
    this.revision++;
  }

  /** Adds a batch of received messages (in order). Items that are not MIDI are skipped. */
  push(messages: readonly TimedMidiMessage[]): void {
    let changed = false;
    for (const message of messages) {
      if (!message || !Array.isArray(message.bytes) || message.bytes.length === 0) continue;
      const time = typeof message.time === 'number' && Number.isFinite(message.time) ? message.time : 0;
      if (this.take(message.bytes, time)) changed = true;
    }
    if (changed) this.revision++;
  }

  // -------------------------------------------------------------------------------------------

  private take(bytes: readonly number[], time: number): boolean {
    const status = bytes[0];
    if (status === 0xf8) {
      this.hidden.clock++;
      return false;
    }
    if (status === 0xfe) {
      this.hidden.activeSensing++;
      return false;
    }
    if (status === 0xf0) {
      const preview = bytes.slice(0, 6).map(hex2).join(' ') + (bytes.length > 6 ? ' …' : '');
      this.add({ kind: 'sysEx', code: '', channel: null, label: 'SysEx', value: `${bytes.length} bytes: ${preview}`, time });
      this.previous = undefined;
      return true;
    }
    if (!(status >= 0x80 && status <= 0xef)) {
      this.add({ kind: 'other', code: '', channel: null, label: systemLabel(bytes), value: '', time });
      this.previous = undefined;
      return true;
    }
    const data1 = (bytes[1] ?? 0) & 0x7f;
    const data2 = (bytes[2] ?? 0) & 0x7f;
    const code = (status << 8) | data1;
    const channel = (status & 0x0f) + 1;
    const nibble = status >> 4;
    this.sweepOpenLines(time);

    if (nibble === 0x9 && data2 > 0) {
      this.add({ kind: 'noteOn', code: formatCode(code), channel, label: `note on ${noteName(data1)} (${data1})`, value: `velocity ${data2}`, time });
      this.previous = undefined;
      return true;
    }
    if (nibble === 0x8 || nibble === 0x9) {
      // A note on with velocity 0 is a release too; its code (9x) shows which it was.
      const value = `velocity ${data2}`;
      this.add({ kind: 'noteOff', code: formatCode(code), channel, label: `note off ${noteName(data1)} (${data1})`, value, time });
      this.previous = undefined;
      return true;
    }
    if (nibble === 0xb) {
      this.controlChange(data1, data2, code, channel, time);
      return true;
    }
    // Pressure, program change, pitch bend: continuous ones update one line like a fader.
    const label =
      nibble === 0xa ? `aftertouch ${noteName(data1)} (${data1})` : nibble === 0xc ? 'program change' : nibble === 0xd ? 'channel pressure' : 'pitch bend';
    const value = nibble === 0xa ? String(data2) : nibble === 0xc ? String(data1) : nibble === 0xd ? String(data1) : String((data2 << 7) | data1);
    const key = nibble === 0xa ? code : status << 8;
    const openLine = nibble === 0xc ? undefined : this.openAt(key, time);
    if (openLine) {
      openLine.line.value = value;
      this.touch(openLine, time);
    } else {
      const line = this.add({ kind: 'other', code: formatCode(code), channel, label, value, time });
      if (nibble !== 0xc) this.openUnder([key], line, 0);
    }
    this.previous = undefined;
    return true;
  }

  private controlChange(cc: number, value: number, code: number, channel: number, time: number): void {
    // CC n+32 right after CC n (same channel): the fine half of a 14-bit value.
    if (cc >= 32 && cc < 64) {
      const msbCode = code - 32;
      const pairOpen = this.openAt(msbCode, time);
      const follows = this.previous && this.previous.code === msbCode && time - this.previous.time <= this.pairWindowMs;
      if (pairOpen && (pairOpen.line.kind === 'highResolution' || follows)) {
        const fold = pairOpen.fold;
        if (pairOpen.line.kind !== 'highResolution') {
          // The line so far counted CC n alone: it becomes the pair's line.
          pairOpen.line.kind = 'highResolution';
          pairOpen.line.label = `CC ${cc - 32}/${cc} (14-bit)`;
          fold.msb = fold.lastValue;
          fold.keys.push(code);
          this.open.set(code, pairOpen);
        }
        fold.lsb = value;
        pairOpen.line.value = highResolutionValue(fold.msb ?? 0, value);
        pairOpen.line.rows = this.rowsFor(pairOpen.line);
        this.touch(pairOpen, time);
        this.previous = undefined;
        return;
      }
    }
    const openLine = this.openAt(code, time);
    if (openLine?.line.kind === 'highResolution') {
      openLine.fold.msb = value;
      openLine.line.value = highResolutionValue(value, openLine.fold.lsb ?? 0);
      this.touch(openLine, time);
      this.previous = { code, time, open: openLine };
      return;
    }
    if (openLine) {
      foldValue(openLine.fold, value);
      describeFolded(openLine.line, openLine.fold);
      this.touch(openLine, time);
      this.previous = { code, time, open: openLine };
      return;
    }
    const line = this.add({ kind: 'controlChange', code: formatCode(code), channel, label: `CC ${cc}`, value: String(value), time });
    const opened = this.openUnder([code], line, value);
    this.previous = { code, time, open: opened };
  }

  private add(fields: { kind: MonitorLineKind; code: string; channel: number | null; label: string; value: string; time: number }): MonitorLine {
    const line: MonitorLine = {
      id: this.nextId++,
      kind: fields.kind,
      code: fields.code,
      channel: fields.channel,
      label: fields.label,
      value: fields.value,
      count: 1,
      firstTime: fields.time,
      lastTime: fields.time,
      rows: [],
    };
    line.rows = this.rowsFor(line);
    this.history.push(line);
    if (this.history.length > this.maxLines) {
      const dropped = this.history.splice(0, this.history.length - this.maxLines);
      for (const old of dropped) this.forget(old);
    }
    return line;
  }

  private openUnder(keys: number[], line: MonitorLine, value: number): OpenLine {
    const fold: FoldState = {
      keys: [...keys],
      lastValue: value,
      minValue: value,
      maxValue: value,
      fitsOffset64: fitsOffset64(value),
      fitsTwosComplement: fitsTwos(value),
      unitStepsOffset64: value === 0x41 || value === 0x3f,
      unitStepsTwos: value === 0x01 || value === 0x7f,
      repeated: false,
      netOffset64: value - 0x40,
      netTwos: value < 0x40 ? value : value - 0x80,
    };
    const entry: OpenLine = { line, fold };
    for (const key of keys) this.open.set(key, entry);
    return entry;
  }

  /** The open line of a control when its last message is recent enough to continue it. */
  private openAt(key: number, time: number): OpenLine | undefined {
    const entry = this.open.get(key);
    if (!entry) return undefined;
    if (time - entry.line.lastTime > this.foldWindowMs || time < entry.line.lastTime) {
      this.open.delete(key);
      return undefined;
    }
    return entry;
  }

  private touch(entry: OpenLine, time: number): void {
    entry.line.count++;
    entry.line.lastTime = time;
  }

  private forget(line: MonitorLine): void {
    for (const [key, entry] of this.open) if (entry.line === line) this.open.delete(key);
    if (this.previous?.open.line === line) this.previous = undefined;
  }

  /** Keeps the open-line map small: entries whose control went quiet are dropped. */
  private sweepOpenLines(time: number): void {
    if (this.open.size <= MAX_OPEN_LINES) return;
    for (const [key, entry] of this.open) if (time - entry.line.lastTime > this.foldWindowMs) this.open.delete(key);
    if (this.open.size > MAX_OPEN_LINES) this.open.clear();
  }

  private rowsFor(line: MonitorLine): MonitorRowRef[] {
    if (line.code === '') return [];
    const code = parseInt(line.code, 16);
    const status = code >> 8;
    const found: MonitorRowRef[] = [...(this.rowsByCode.get(code) ?? [])];
    if (line.kind === 'noteOff') {
      // A release reaches the note-on rows of the same note (and 8x rows by their own code above).
      const noteOnCode = ((0x90 | (status & 0x0f)) << 8) | (code & 0xff);
      if (noteOnCode !== code) for (const ref of this.rowsByCode.get(noteOnCode) ?? []) found.push({ ...ref, via: 'release' });
    }
    if (line.kind === 'highResolution') {
      for (const ref of this.rowsByLsbCode.get(code + 32) ?? []) {
        if (!found.some(f => f.line === ref.line && f.deck === ref.deck)) found.push({ ...ref, via: 'lsb' });
      }
    }
    if (line.kind === 'controlChange' && (code & 0xff) >= 32 && (code & 0xff) < 64) {
      for (const ref of this.rowsByLsbCode.get(code) ?? []) found.push({ ...ref, via: 'lsb' });
    }
    // Rows Rekordbox acts on first.
    return found.sort((a, b) => Number(b.active) - Number(a.active));
  }
}

/** One line of text for a monitor line: for logs, tests and screen readers. */
export function describeMonitorLine(line: MonitorLine): string {
  const head = [line.code, line.channel !== null ? `ch ${line.channel}` : '', line.label, line.value].filter(s => s !== '').join(' ');
  const count = line.count > 1 ? ` ×${line.count}` : '';
  const rows = line.rows.length ? ' → ' + line.rows.map(describeRowRef).join(', ') : '';
  return head + count + rows;
}

export function describeRowRef(ref: MonitorRowRef): string {
  const name = ref.functionName || '(no function)';
  const deck = ref.deck !== null ? ` deck ${ref.deck}` : '';
  const via = ref.via === 'lsb' ? ' (14-bit LSB)' : '';
  return `${name}${deck} (line ${ref.line + 1})${via}`;
}

export function isActiveFunction(functionName: string): boolean {
  return functionName !== '' && !functionName.startsWith('#') && functionName !== 'NoFunction';
}

// ---- relative controls ------------------------------------------------------------------------

function fitsOffset64(value: number): boolean {
  return value !== 0x40 && value >= 0x20 && value <= 0x60;
}

function fitsTwos(value: number): boolean {
  return value !== 0 && (value <= 0x20 || value >= 0x60);
}

function foldValue(fold: FoldState, value: number): void {
  if (value === fold.lastValue) fold.repeated = true;
  fold.lastValue = value;
  fold.minValue = Math.min(fold.minValue, value);
  fold.maxValue = Math.max(fold.maxValue, value);
  fold.fitsOffset64 &&= fitsOffset64(value);
  fold.fitsTwosComplement &&= fitsTwos(value);
  fold.unitStepsOffset64 &&= value === 0x41 || value === 0x3f;
  fold.unitStepsTwos &&= value === 0x01 || value === 0x7f;
  fold.netOffset64 += value - 0x40;
  fold.netTwos += value < 0x40 ? value : value - 0x80;
}

/**
 * A folded control change: relative (docs/learn.md: the values fit an encoding and look like steps,
 * i.e. repeat or are only ±1) with its net steps, or absolute with its latest value and range.
 */
function describeFolded(line: MonitorLine, fold: FoldState): void {
  const offset64 = fold.fitsOffset64 && (fold.repeated || fold.unitStepsOffset64);
  const twos = !offset64 && fold.fitsTwosComplement && (fold.repeated || fold.unitStepsTwos);
  if (offset64 || twos) {
    const net = offset64 ? fold.netOffset64 : fold.netTwos;
    line.kind = 'relative';
    const steps = `${net > 0 ? '+' : '−'}${Math.abs(net)} step${Math.abs(net) === 1 ? '' : 's'}`;
    line.value = net === 0 ? 'net 0 steps' : `${steps}, ${net > 0 ? 'clockwise' : 'counter-clockwise'}`;
    return;
  }
  line.kind = 'controlChange';
  line.value = fold.minValue === fold.maxValue ? String(fold.lastValue) : `${fold.lastValue} (${fold.minValue}–${fold.maxValue})`;
}

function highResolutionValue(msb: number, lsb: number): string {
  const value = (msb << 7) | lsb;
  return `${value} (${Math.round((value / 16383) * 100)}%)`;
}

function hex2(byte: number): string {
  return (byte & 0xff).toString(16).toUpperCase().padStart(2, '0');
}

const SYSTEM_LABELS: Record<number, string> = {
  0xf1: 'MIDI time code',
  0xf2: 'song position',
  0xf3: 'song select',
  0xf6: 'tune request',
  0xfa: 'start',
  0xfb: 'continue',
  0xfc: 'stop',
  0xff: 'system reset',
};

function systemLabel(bytes: readonly number[]): string {
  const status = bytes[0];
  if (status < 0x80) return `${bytes.length} data byte${bytes.length === 1 ? '' : 's'} with no status byte`;
  return SYSTEM_LABELS[status] ?? `system message ${hex2(status)}`;
}
