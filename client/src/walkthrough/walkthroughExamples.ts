/**
 * The bundled examples the walkthrough opens (from the extension's `examples/` folder), and the cell
 * it puts the cursor on. Free of `vscode` so the package lane can check the VSIX carries them.
 */
export interface WalkthroughExample {
  file: string;
  /** The first row whose line starts with this, and its field (0-based) holding the code. */
  rowPrefix: string;
  field: number;
}

/** Rekordbox's factory DDJ-FLX10 mapping: the cursor on PlayPause's MIDI IN code, 900B. */
export const FACTORY_EXAMPLE: WalkthroughExample = { file: 'DDJ-FLX10.midi.csv', rowPrefix: 'PlayPause,PlayPause,', field: 3 };
/** The hand-edited file with typical mistakes: the cursor on `90O8` (a letter O for a zero). */
export const MISTAKES_EXAMPLE: WalkthroughExample = { file: 'with-mistakes.midi.csv', rowPrefix: 'Sync,Sync,', field: 3 };

export const WALKTHROUGH_EXAMPLES = [FACTORY_EXAMPLE, MISTAKES_EXAMPLE];
