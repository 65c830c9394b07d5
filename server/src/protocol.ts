/**
 * Custom requests shared by the client, the server and other editors' clients.
 * Types only, no runtime imports, so any bundle can include it.
 */

/** `rekordboxMidi/decode`: what a 4-hex code means. */
export const DecodeRequestMethod = 'rekordboxMidi/decode';

export interface DecodeParams {
  /** A 4-hex code such as `910B` (upper or lower case). */
  code: string;
}

export interface DecodeResult {
  code: string;
  status: number;
  data1: number;
  /** `noteOn`, `noteOff`, `controlChange`, … */
  kind: string;
  /** 0–15 as written in the file. */
  channel: number;
  /** 1–16 as people read it. */
  displayChannel: number;
  /** The note or controller number. */
  number: number;
  noteName?: string;
  /** True for Rekordbox's `FFF1`-style parameter codes, which are not MIDI. */
  isParameter: boolean;
  /** One line for people: `note on, ch 2, note 11 (B-1)`. */
  description: string;
}

/** `rekordboxMidi/documentInfo`: what the server made of a document, for status displays. */
export const DocumentInfoRequestMethod = 'rekordboxMidi/documentInfo';

export interface DocumentInfoParams {
  textDocument: { uri: string };
}

export interface DocumentInfoResult {
  deviceName: string | null;
  dialect: 'factory' | 'export';
  mappingRows: number;
  sections: number;
  errors: number;
  warnings: number;
}
