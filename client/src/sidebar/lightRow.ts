/**
 * "Light this row": the messages that turn a row's MIDI OUT lights on, then off again. Rekordbox
 * lights a note code with a note on and a controller code with a control change; 0x7F is full on and
 * velocity or value 0 is off (a note on with velocity 0, as controllers expect for LEDs). Pure.
 */

export interface LightMessages {
  on: number[][];
  off: number[][];
}

/** How long a light stays on. */
export const LIGHT_MS = 1000;

/** The messages for these 4-hex MIDI OUT codes, or a sentence saying why they cannot light. */
export function lightMessages(codes: readonly string[]): LightMessages | { problem: string } {
  const unique = [...new Set(codes.map(c => c.toUpperCase()))];
  if (unique.length === 0) return { problem: 'This row has no MIDI OUT code to light.' };
  const on: number[][] = [];
  const off: number[][] = [];
  const skipped: string[] = [];
  for (const code of unique) {
    const value = /^[0-9A-F]{4}$/.test(code) ? parseInt(code, 16) : NaN;
    const status = value >> 8;
    const data1 = value & 0xff;
    if (Number.isNaN(value) || data1 > 0x7f || !((status >= 0x90 && status <= 0x9f) || (status >= 0xb0 && status <= 0xbf))) {
      skipped.push(code);
      continue;
    }
    on.push([status, data1, 0x7f]);
    off.push([status, data1, 0x00]);
  }
  if (on.length === 0) return { problem: `Only note (9x) and controller (Bx) codes can be lit; this row sends ${skipped.join(', ')}.` };
  return { on, off };
}
