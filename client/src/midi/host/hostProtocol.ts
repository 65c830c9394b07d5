/**
 * The messages between the MIDI host process (midiHost.ts) and its connection in the client
 * (midiHostConnection.ts), over Node's IPC channel (JSON). Requests carry an `id` and get exactly one
 * `response` with that id; everything else the host sends on its own (state, ports, connection,
 * messages). Both sides validate what they receive: the host answers a malformed request with an
 * error response (or drops it when it has no id), the client ignores a malformed event.
 * No `vscode` import, no native module: shared by both processes and the unit tests.
 */
import type { TimedMidiMessage } from '../midiHostApi';

/** Bumped when a message changes shape; the host reports it in its first `state` event. */
export const HOST_PROTOCOL_VERSION = 1;

// ---- client → host -------------------------------------------------------------------------

export type HostRequest =
  | { type: 'connectInput'; id: number; name: string }
  | { type: 'disconnectInput'; id: number }
  | { type: 'send'; id: number; output: string; bytes: number[] }
  /** Polls the port lists now (instead of at the next tick) and answers with them. */
  | { type: 'refreshPorts'; id: number };

export type HostRequestType = HostRequest['type'];

// ---- host → client -------------------------------------------------------------------------

export type HostEvent =
  | { type: 'state'; state: 'ready'; protocol: number }
  | { type: 'state'; state: 'unavailable'; protocol: number; message: string; advice: string; detail?: string }
  | { type: 'ports'; inputs: string[]; outputs: string[] }
  /** The input the host has open now; `error` when it closed it without being asked (unplugged). */
  | { type: 'connection'; input: string | null; error?: string }
  /** Received messages in order; `dropped` counts messages lost since the previous batch (queue full). */
  | { type: 'messages'; messages: TimedMidiMessage[]; dropped: number }
  | { type: 'response'; id: number; ok: true; result?: unknown }
  | { type: 'response'; id: number; ok: false; error: string };

// ---- limits ---------------------------------------------------------------------------------

/** Longest message `send` accepts (a SysEx dump to a controller is a few KB at most). */
export const MAX_SEND_BYTES = 65536;
/** Longest port name a request may carry (system names are far shorter). */
export const MAX_PORT_NAME_LENGTH = 1024;

// ---- validation -----------------------------------------------------------------------------

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isRequestId = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const isPortName = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= MAX_PORT_NAME_LENGTH;

/**
 * Checks a request from the client. Returns the request, or `{ id, error }` with a sentence when it
 * is malformed (`id` undefined when even that is missing: nothing can be answered then).
 */
export function parseHostRequest(value: unknown): HostRequest | { id: number | undefined; error: string } {
  if (!isRecord(value)) return { id: undefined, error: 'The MIDI host received a request that is not an object.' };
  const id = isRequestId(value.id) ? value.id : undefined;
  if (id === undefined) return { id, error: 'The MIDI host received a request without a valid id.' };
  switch (value.type) {
    case 'connectInput':
      return isPortName(value.name) ? { type: 'connectInput', id, name: value.name } : { id, error: 'Connecting an input needs a port name.' };
    case 'disconnectInput':
      return { type: 'disconnectInput', id };
    case 'refreshPorts':
      return { type: 'refreshPorts', id };
    case 'send': {
      if (!isPortName(value.output)) return { id, error: 'Sending needs an output port name.' };
      const problem = describeInvalidMidiMessage(value.bytes);
      return problem ? { id, error: problem } : { type: 'send', id, output: value.output, bytes: value.bytes as number[] };
    }
    default:
      return { id, error: `The MIDI host does not know the request ${JSON.stringify(String(value.type)).slice(0, 80)}.` };
  }
}

const isByte = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 255;
const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every(v => typeof v === 'string');

/** Checks an event from the host; undefined when it is not one (the client ignores it). */
export function parseHostEvent(value: unknown): HostEvent | undefined {
  if (!isRecord(value)) return undefined;
  switch (value.type) {
    case 'state':
      if (value.state === 'ready' && typeof value.protocol === 'number') return { type: 'state', state: 'ready', protocol: value.protocol };
      if (value.state === 'unavailable' && typeof value.protocol === 'number' && typeof value.message === 'string' && typeof value.advice === 'string') {
        return {
          type: 'state',
          state: 'unavailable',
          protocol: value.protocol,
          message: value.message,
          advice: value.advice,
          ...(typeof value.detail === 'string' ? { detail: value.detail } : {}),
        };
      }
      return undefined;
    case 'ports':
      return isStringArray(value.inputs) && isStringArray(value.outputs) ? { type: 'ports', inputs: value.inputs, outputs: value.outputs } : undefined;
    case 'connection':
      if (value.input !== null && typeof value.input !== 'string') return undefined;
      return { type: 'connection', input: value.input, ...(typeof value.error === 'string' ? { error: value.error } : {}) };
    case 'messages': {
      if (!Array.isArray(value.messages) || !Number.isSafeInteger(value.dropped)) return undefined;
      const wellFormed = value.messages.every(
        m => isRecord(m) && typeof m.time === 'number' && Array.isArray(m.bytes) && m.bytes.length > 0 && m.bytes.every(isByte),
      );
      return wellFormed ? { type: 'messages', messages: value.messages as TimedMidiMessage[], dropped: value.dropped as number } : undefined;
    }
    case 'response':
      if (!isRequestId(value.id)) return undefined;
      if (value.ok === true) return { type: 'response', id: value.id, ok: true, result: value.result };
      if (value.ok === false && typeof value.error === 'string') return { type: 'response', id: value.id, ok: false, error: value.error };
      return undefined;
    default:
      return undefined;
  }
}

// ---- MIDI messages ----------------------------------------------------------------------------

const hex = (bytes: readonly number[]) =>
  bytes
    .slice(0, 8)
    .map(b => b.toString(16).toUpperCase().padStart(2, '0'))
    .join(' ') + (bytes.length > 8 ? ' …' : '');

/** Bytes a message with this status byte takes, status included; undefined for SysEx and undefined statuses. */
function expectedLength(status: number): number | undefined {
  if (status < 0xf0) return (status & 0xf0) === 0xc0 || (status & 0xf0) === 0xd0 ? 2 : 3;
  switch (status) {
    case 0xf1: // MTC quarter frame
    case 0xf3: // song select
      return 2;
    case 0xf2: // song position
      return 3;
    case 0xf6:
    case 0xf8:
    case 0xfa:
    case 0xfb:
    case 0xfc:
    case 0xfe:
    case 0xff:
      return 1;
    default:
      return undefined; // F0 (SysEx, any length), F4 F5 F9 FD (undefined), F7 (only ends a SysEx)
  }
}

/**
 * Why these bytes are not one complete MIDI message, as a sentence for people; undefined when they
 * are: status byte first, data bytes 0–127, the length the status asks for, SysEx `F0 … F7`.
 */
export function describeInvalidMidiMessage(bytes: unknown): string | undefined {
  if (!Array.isArray(bytes) || bytes.length === 0) return 'A MIDI message is a non-empty list of bytes.';
  if (bytes.length > MAX_SEND_BYTES) return `A MIDI message of ${bytes.length} bytes is too long to send (at most ${MAX_SEND_BYTES}).`;
  const bad = bytes.findIndex(b => !isByte(b));
  if (bad >= 0) return `Byte ${bad + 1} of the message (${JSON.stringify(bytes[bad])}) is not a whole number from 0 to 255.`;
  const message = bytes as number[];
  const status = message[0];
  if (status < 0x80) return `A MIDI message starts with a status byte (80–FF), not ${hex([status])}: ${hex(message)}.`;
  if (status === 0xf0) {
    if (message.length < 2 || message[message.length - 1] !== 0xf7) return `A SysEx message ends with F7: ${hex(message)}.`;
    const inner = message.slice(1, -1).findIndex(b => b > 0x7f);
    return inner >= 0 ? `A SysEx message carries data bytes (00–7F) only: ${hex(message)}.` : undefined;
  }
  const length = expectedLength(status);
  if (length === undefined) return `${hex([status])} is not a status byte a message can start with.`;
  if (message.length !== length) {
    return `A message starting ${hex([status])} takes ${length} byte${length === 1 ? '' : 's'}, not ${message.length}: ${hex(message)}.`;
  }
  const data = message.slice(1).findIndex(b => b > 0x7f);
  return data >= 0 ? `Data bytes are 00–7F: ${hex(message)}.` : undefined;
}
