/**
 * Which field of a too-long row is the stray one. A row with 16 fields and text past column 15
 * has either a field too many somewhere (its columns shifted right: Rekordbox reads MIDI OUT,
 * options and comment from the wrong cells) or just text after a complete row (which Rekordbox
 * ignores). Reading the row both ways tells them apart: removing the stray field of a shifted row
 * makes cells readable that were not.
 */
import { controlType } from '../catalog/controlTypes';
import { optionInfo } from '../catalog/options';
import { parseCode } from '../midi/midiCode';
import { Column, COLUMN_COUNT } from './columns';
import { parseChannel, readCode } from './expandDeckCodes';

/** How many cells of a 15-field row Rekordbox could not read, or read to no effect. */
export function unreadableCells(values: string[]): number {
  let bad = 0;
  for (const [base, first] of [
    [Column.Input, Column.InputDeck1],
    [Column.Output, Column.OutputDeck1],
  ]) {
    const baseValue = values[base];
    const hasBase = baseValue !== '' && readCode(baseValue, base === Column.Output) !== undefined;
    if (baseValue !== '' && !hasBase) bad++;
    for (let d = 0; d < 4; d++) {
      const value = values[first + d];
      if (value === '') continue;
      const channel = parseChannel(value);
      if (channel !== undefined) {
        if (!hasBase) bad++;
      } else if (parseCode(value) === undefined) bad++;
    }
  }
  const type = values[Column.Type];
  if (type !== '' && !controlType(type)) bad++;
  for (const part of values[Column.Options].split(';')) {
    if (part.trim() === '') continue;
    if (!optionInfo(part.split('=')[0].trim())) bad++;
  }
  // Options in the comment column (`Fast;`) are options one column too far right.
  if (looksLikeOptions(values[Column.Comment] ?? '')) bad++;
  return bad;
}


/**
 * The row with one empty field removed, when exactly one field is extra, one reading is best (every
 * equally good removal gives the same text) and the row then reads cleanly; otherwise undefined.
 */
export function strayFieldRemoved(values: readonly string[]): string[] | undefined {
  if (values.length !== COLUMN_COUNT + 1) return undefined; // one stray field is certain to find; several are guesswork
  let best: string[] | undefined;
  let bestScore = Infinity;
  let tie = false;
  for (let i = 1; i < values.length; i++) {
    if (values[i] !== '') continue;
    const candidate = values.slice(0, i).concat(values.slice(i + 1));
    const score = unreadableCells(candidate);
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
      tie = false;
    } else if (score === bestScore && best && best.join(',') !== candidate.join(',')) {
      tie = true;
    }
  }
  // Certain only when the row then reads cleanly: otherwise the extra field came from elsewhere
  // (a comma typed inside a cell), and dropping an empty one would hide that.
  if (!best || tie || bestScore > 0) return undefined;
  return best;
}

/**
 * True when the row's text past column 15 comes from a shift rather than from text left after a
 * complete row: the comment column is empty, or dropping one empty field reads better.
 */
export function looksShifted(values: readonly string[]): boolean {
  if (values.length <= COLUMN_COUNT) return false;
  if (values[Column.Comment] === '') return true;
  const asIs = unreadableCells(values.slice(0, COLUMN_COUNT));
  for (let i = 1; i < COLUMN_COUNT; i++) {
    if (values[i] !== '') continue;
    const candidate = values.slice(0, i).concat(values.slice(i + 1, COLUMN_COUNT + 1));
    if (unreadableCells(candidate) < asIs) return true;
  }
  return false;
}

function looksLikeOptions(text: string): boolean {
  const parts = text.split(';').map(p => p.trim()).filter(p => p !== '');
  return parts.length > 0 && parts.every(p => optionInfo(p.split('=')[0].trim()) !== undefined);
}
