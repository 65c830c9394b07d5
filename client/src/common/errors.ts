/**
 * The sentence of a caught error, for messages and logs. No `vscode` import: the MIDI host
 * (midi/host/midiHost.ts) runs in a Node process of its own and uses it too.
 */

/** An Error's message, or anything else thrown as a string. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
