/**
 * Reads what a MIDI input port delivered during a learn as one byte stream (MIDI 1.0 rules), and
 * keeps only the channel messages a control can send.
 *
 * - Each item is `{ bytes, time }` as the client received it. Items are read in order as one
 *   stream, so running status carries from one item to the next (a data byte after a complete
 *   message repeats the last channel status), and a packet holding several messages is split.
 * - Real-time bytes (F8 clock, FA/FB/FC transport, FE active sensing, FF reset) may arrive anywhere,
 *   even inside another message: they are counted and dropped, running status is untouched.
 * - SysEx (F0 … F7) is skipped to its end (or to the next status byte); system common messages
 *   (F1, F2, F3, F6, and the undefined F4/F5) are skipped with their data bytes. Both cancel
 *   running status, as the standard says.
 * - Data bytes with no status to run on are counted as stray and dropped. An item whose `bytes` is
 *   not an array of integers 0–255 is dropped whole and counted as invalid.
 *
 * Pure; never throws; linear in the bytes, and stops reading after MAX_BYTES (a SysEx flood cannot
 * make a learn slow).
 */

export interface IncomingMessage {
  bytes: unknown;
  time: unknown;
}

/** One channel voice message. */
export interface ChannelEvent {
  /** Status byte 0x80–0xEF. */
  status: number;
  data1: number;
  /** The second data byte; 0 for the one-data-byte messages (program change, channel pressure). */
  data2: number;
  /** Milliseconds, from the item the message completed in. */
  time: number;
  /** Position in the stream (0, 1, 2…): orders events that share a time. */
  index: number;
}

export interface NoiseCounts {
  /** F8 timing clock. */
  clock: number;
  /** FE active sensing. */
  activeSensing: number;
  /** Complete or cut SysEx messages (F0 …). */
  sysEx: number;
  /** Other system messages: transport (FA/FB/FC), reset (FF), system common (F1–F6). */
  otherSystem: number;
  /** Data bytes with no status byte to run on. */
  strayBytes: number;
  /** Items that were not `{ bytes: number[] }` with bytes 0–255. */
  invalidItems: number;
}

export interface ParsedStream {
  events: ChannelEvent[];
  noise: NoiseCounts;
  /** True when the stream was longer than MAX_BYTES and the rest was not read. */
  truncated: boolean;
}

/** Far more than any control move (a jog spun for a minute at 1,000 messages/s is 180,000 bytes). */
export const MAX_BYTES = 1_000_000;

/** Data bytes a channel status needs: program change and channel pressure take one. */
function channelDataLength(status: number): number {
  const kind = status >> 4;
  return kind === 0xc || kind === 0xd ? 1 : 2;
}

/** Data bytes a system common status takes (F1 MTC quarter frame, F2 song position, F3 song select). */
function systemCommonDataLength(status: number): number {
  if (status === 0xf2) return 2;
  if (status === 0xf1 || status === 0xf3) return 1;
  return 0; // F4, F5 (undefined), F6 tune request
}

function isByte(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 255;
}

export function parseMidiStream(items: unknown): ParsedStream {
  const noise: NoiseCounts = { clock: 0, activeSensing: 0, sysEx: 0, otherSystem: 0, strayBytes: 0, invalidItems: 0 };
  const events: ChannelEvent[] = [];
  if (!Array.isArray(items)) return { events, noise, truncated: false };

  // The state of the byte stream, kept across items.
  let runningStatus = 0; // 0: none
  let inSysEx = false;
  /** System common message being skipped: how many data bytes are still to come. */
  let skipData = 0;
  const data: number[] = [];
  let lastTime = 0;
  let total = 0;
  let truncated = false;

  for (const item of items) {
    const bytes = (item as IncomingMessage | null)?.bytes;
    if (!Array.isArray(bytes) || !bytes.every(isByte)) {
      noise.invalidItems++;
      continue;
    }
    const rawTime = (item as IncomingMessage).time;
    // A missing or broken time reuses the previous one: gaps then read as 0 ms, never negative.
    const time = typeof rawTime === 'number' && Number.isFinite(rawTime) ? rawTime : lastTime;
    lastTime = time;
    if (total + bytes.length > MAX_BYTES) {
      truncated = true;
      break;
    }
    total += bytes.length;

    for (const byte of bytes as number[]) {
      if (byte >= 0xf8) {
        // Real time: one byte, anywhere, leaves everything else as it was.
        if (byte === 0xf8) noise.clock++;
        else if (byte === 0xfe) noise.activeSensing++;
        else noise.otherSystem++;
        continue;
      }
      if (byte >= 0x80) {
        // A status byte ends a SysEx and abandons an unfinished message.
        inSysEx = false;
        skipData = 0;
        data.length = 0;
        if (byte === 0xf0) {
          inSysEx = true;
          noise.sysEx++;
          runningStatus = 0;
        } else if (byte === 0xf7) {
          // End of SysEx (already counted at F0), or a stray one: nothing to do.
          runningStatus = 0;
        } else if (byte >= 0xf1) {
          noise.otherSystem++;
          skipData = systemCommonDataLength(byte);
          runningStatus = 0;
        } else {
          runningStatus = byte;
        }
        continue;
      }
      // A data byte.
      if (inSysEx) continue;
      if (skipData > 0) {
        skipData--;
        continue;
      }
      if (runningStatus === 0) {
        noise.strayBytes++;
        continue;
      }
      data.push(byte);
      if (data.length === channelDataLength(runningStatus)) {
        events.push({ status: runningStatus, data1: data[0], data2: data[1] ?? 0, time, index: events.length });
        data.length = 0;
      }
    }
  }
  return { events, noise, truncated };
}
