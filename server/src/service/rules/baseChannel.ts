/**
 * `nonzero-base-channel` (warning): a base code on a channel other than 0 with deck channels.
 * The open question of docs/format.md#added-or-replaced-the-open-question: every factory row with deck channels has channel 0 in its base, so no
 * file shows whether Rekordbox adds a deck channel to the base channel or replaces it. The server
 * reads "added" (community notes; the FLX6 user edit `942E` with `2,3,0,1` makes sense only so);
 * a hand-made file reads as "replaced". The warning shows both readings and, in `data`, the row
 * rewritten with channel 0 in the base and absolute deck channels under the "added" reading, which
 * means the same under both.
 *
 * Not reported when base + deck channel passes 15: `channel-overflow` reports that row as an error,
 * and no rewrite under the "added" reading exists.
 */
import { DiagnosticSeverity, TextEdit } from 'vscode-languageserver-types';
import { Column } from '../model/columns';
import { parseChannel, readCode } from '../model/expandDeckCodes';
import { MappingRow } from '../model/mappingModel';
import { formatCode, isChannelMessage, withChannel } from '../midi/midiCode';
import { cellRange } from '../util/ranges';
import { defineRule, RuleContext } from './ruleContext';

export interface BaseChannelData {
  side: 'input' | 'output';
  /** The base code rewritten on channel 0. */
  base: string;
  /** The four deck cells rewritten: absolute channels ("added" reading); full codes and empty cells unchanged. */
  decks: string[];
  /** Codes decks 1–4 receive (or are sent) if deck channels are added to the base channel ('' for an empty deck). */
  added: string[];
  /** …if they replace it. */
  replaced: string[];
  /** The rewrite as edits on the base and the changed deck cells. */
  edits: TextEdit[];
}

export const baseChannelRule = defineRule({
  codes: {
    'nonzero-base-channel': {
      levels: ['warning'],
      summary: 'a base code on a channel other than 0 with deck channels: added or replaced? (both readings shown)',
      docs: 'docs/diagnostics.md#nonzero-base-channel',
    },
  },
  check: context => {
    for (const row of context.model.mappingRows) {
      if (context.isShifted(row)) continue;
      checkSide(context, row, Column.Input, Column.InputDeck1, 'input');
      checkSide(context, row, Column.Output, Column.OutputDeck1, 'output');
    }
  },
});

function checkSide({ report }: RuleContext<'nonzero-base-channel'>, row: MappingRow, baseColumn: number, firstDeck: number, side: 'input' | 'output'): void {
  const values = row.line.values;
  const baseValue = values[baseColumn];
  if (baseValue === undefined || baseValue === '') return;
  const base = readCode(baseValue, side === 'output');
  if (base === undefined || !isChannelMessage(base)) return;
  const baseChannel = (base >> 8) & 0x0f;
  if (baseChannel === 0) return;

  const decks: string[] = [];
  const added: string[] = [];
  const replaced: string[] = [];
  const shown: number[] = [];
  const edits: TextEdit[] = [];
  for (let deck = 1; deck <= 4; deck++) {
    const column = firstDeck + deck - 1;
    const value = values[column] ?? '';
    const channel = parseChannel(value);
    if (channel === undefined) {
      decks.push(value);
      const full = value === '' ? undefined : readCode(value, side === 'output');
      added.push(full === undefined ? '' : formatCode(full));
      replaced.push(full === undefined ? '' : formatCode(full));
      continue;
    }
    const sum = baseChannel + channel;
    if (sum > 15) return; // channel-overflow's error
    shown.push(channel);
    decks.push(String(sum));
    added.push(formatCode(withChannel(base, sum)));
    replaced.push(formatCode(withChannel(base, channel)));
    if (String(sum) !== value) edits.push({ range: cellRange(row, column), newText: String(sum) });
  }
  if (shown.length === 0) return;

  const rewrittenBase = formatCode(withChannel(base, 0));
  edits.unshift({ range: cellRange(row, baseColumn), newText: rewrittenBase });
  const label = side === 'input' ? 'MIDI IN' : 'MIDI OUT';
  const verb = side === 'input' ? 'receive' : 'are sent';
  const list = (codes: string[]) => codes.filter(c => c !== '').join(' ');
  const data: BaseChannelData = { side, base: rewrittenBase, decks, added, replaced, edits };
  report(
    'nonzero-base-channel',
    DiagnosticSeverity.Warning,
    cellRange(row, baseColumn),
    `Base ${label} ${baseValue} is on channel ${baseChannel} (shown as ${baseChannel + 1}) and the deck columns give channels ` +
      `${shown.join(',')}: no Rekordbox file shows whether a deck channel is added to the base channel or replaces it. ` +
      `Added (the reading used here): the decks ${verb} ${list(added)}. Replaced: ${list(replaced)}. ` +
      `Write channel 0 in the base with absolute deck channels, which mean the same either way: ${rewrittenBase},${decks.join(',')}.`,
    { data },
  );
}
