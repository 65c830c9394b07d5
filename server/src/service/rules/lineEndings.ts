/**
 * `mixed-line-endings` (warning, once per file): lines end in more than one way (CRLF, LF, a lone
 * CR). Every original Rekordbox file uses CRLF throughout, git checkouts LF throughout; a mix comes
 * from pasting between the two and nothing shows how Rekordbox reads it (a lone CR may join lines).
 * The range is the first line whose ending differs from the file's most common one (the ending the
 * server writes new lines with: CRLF on a tie); `data` says what to normalise to.
 */
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { LineEnding } from '../parse/tokenizeCsv';
import { lineRange } from '../util/ranges';
import { defineRule } from './ruleContext';

export interface LineEndingsData {
  /** The ending to normalise every line to. */
  target: '\r\n' | '\n' | '\r';
  counts: { crlf: number; lf: number; cr: number };
}

const NAME: Record<Exclude<LineEnding, ''>, string> = { '\r\n': 'CRLF', '\n': 'LF', '\r': 'CR' };

export const lineEndingsRule = defineRule({
  codes: {
    'mixed-line-endings': {
      levels: ['warning'],
      summary: 'CRLF, LF and/or lone CR in one file (reported once, with counts)',
      docs: 'docs/diagnostics.md#mixed-line-endings',
    },
  },
  check: ({ model, report }) => {
    const counts = { crlf: 0, lf: 0, cr: 0 };
    for (const line of model.csv.lines) {
      if (line.ending === '\r\n') counts.crlf++;
      else if (line.ending === '\n') counts.lf++;
      else if (line.ending === '\r') counts.cr++;
    }
    const kinds = (counts.crlf > 0 ? 1 : 0) + (counts.lf > 0 ? 1 : 0) + (counts.cr > 0 ? 1 : 0);
    if (kinds < 2) return;
    const target = model.lineEnding;
    const odd = model.csv.lines.find(l => l.ending !== '' && l.ending !== target);
    const row = odd && model.rows[odd.line];
    if (!odd || !row) return;
    const data: LineEndingsData = { target, counts };
    report(
      'mixed-line-endings',
      DiagnosticSeverity.Warning,
      lineRange(row),
      `Mixed line endings: ${counts.crlf} CRLF, ${counts.lf} LF, ${counts.cr} CR. ` +
        `This is the first line ending in ${NAME[odd.ending as Exclude<LineEnding, ''>]} ` +
        `where most end in ${NAME[target]}. Rekordbox writes CRLF throughout; normalise the file to one ending.`,
      { data },
    );
  },
});
