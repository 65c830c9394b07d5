/**
 * What the sidebar's webview may ask of the extension, and the validator every message goes
 * through first: the webview is a web page, so anything it sends is checked for shape, type and
 * size before it reaches MIDI or an editor. Pure.
 */

export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'connect'; input: string }
  | { type: 'disconnect' }
  | { type: 'restartHost' }
  | { type: 'setLearn'; on: boolean }
  | { type: 'revealRow'; line: number }
  | { type: 'lightRow' }
  | { type: 'chooseOutput' }
  | { type: 'clearMonitor' };

/** Port names are far shorter; anything longer is not a port name. */
const MAX_NAME_LENGTH = 1024;
/** A mapping line number (0-based); real files have a few hundred lines. */
const MAX_LINE = 10_000_000;

const NO_FIELDS = new Set(['ready', 'disconnect', 'restartHost', 'lightRow', 'chooseOutput', 'clearMonitor']);

/** The message when it is one the webview may send, else undefined. Extra fields make it invalid. */
export function parseWebviewMessage(value: unknown): WebviewMessage | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  const type = record.type;
  if (typeof type !== 'string') return undefined;
  if (NO_FIELDS.has(type)) return keys.length === 1 ? ({ type } as WebviewMessage) : undefined;
  if (keys.length !== 2) return undefined;
  switch (type) {
    case 'connect': {
      const input = record.input;
      return typeof input === 'string' && input.length > 0 && input.length <= MAX_NAME_LENGTH ? { type, input } : undefined;
    }
    case 'setLearn':
      return typeof record.on === 'boolean' ? { type, on: record.on } : undefined;
    case 'revealRow': {
      const line = record.line;
      return Number.isSafeInteger(line) && (line as number) >= 0 && (line as number) <= MAX_LINE ? { type, line: line as number } : undefined;
    }
    default:
      return undefined;
  }
}
