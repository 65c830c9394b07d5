/**
 * `rekordboxMidi/decode`: what a 4-hex code means, for another editor's client or a status display.
 * A text that is not a code is answered with `invalidParams`, which the server sends as the JSON-RPC
 * error InvalidParams (-32602). Pure; never throws.
 */
import type { DecodeParams, DecodeResult } from '../../../../protocol/messages';
import { decodeCode, describeCode, parseCode } from '../midi/midiCode';

/** Why the parameters cannot be answered: the message of an InvalidParams error. */
export interface InvalidParams {
  invalidParams: string;
}

export function computeDecode(params: Partial<DecodeParams> | undefined | null): DecodeResult | InvalidParams {
  const text = typeof params?.code === 'string' ? params.code.trim() : '';
  const value = parseCode(text);
  if (value === undefined) return { invalidParams: `'${String(params?.code)}' is not a 4-hex MIDI code such as 900B.` };
  const d = decodeCode(value);
  return {
    code: d.code,
    status: d.status,
    data1: d.data1,
    kind: d.kind,
    channel: d.channel,
    displayChannel: d.channel + 1,
    number: d.number,
    ...(d.noteName ? { noteName: d.noteName } : {}),
    isParameter: d.isParameter,
    description: describeCode(d),
  };
}
