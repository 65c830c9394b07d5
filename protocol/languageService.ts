/**
 * The pure language-service functions the client runs itself, so that client/ never reaches into
 * server/src: reading MIDI codes (the monitor, the mapping table), telling Rekordbox's application
 * folder (the warning, Copy to a Safe Place) and the device name on a mapping's `@file` line (Install,
 * Compare) — the same functions the server uses, so both read a file alike. When one of them moves
 * inside server/src, only this file changes.
 */
export { decodeCode, describeCode, formatCode, noteName, parseCode } from '../server/src/service/midi/midiCode';
export { appFolderOf } from '../server/src/service/util/appFolderPath';
export { deviceNameOfText } from '../server/src/service/model/mappingModel';
