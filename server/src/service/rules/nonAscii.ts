/**
 * `non-ascii` (warning): text outside ASCII. Every real mapping file is plain ASCII without a
 * byte-order mark, and nothing shows which encoding Rekordbox reads: an accented letter, a
 * non-breaking space or a typographic quote may come out garbled, or make a function or type name
 * unknown to it. One warning per run of non-ASCII characters (at most MAX_REPORTED per file; the
 * last one says how many more), naming each character as U+XXXX; a byte-order mark at the start
 * gets its own message. `data` carries an ASCII replacement when an obvious one exists.
 *
 * Linear: one regular-expression test decides whether there is anything to do (never, on real files),
 * then one scan per line.
 */
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { COLUMNS } from '../model/columns';
import { columnAt, Row } from '../model/mappingModel';
import { lineText } from '../parse/tokenizeCsv';
import { spanRange } from '../util/ranges';
import { defineRule } from './ruleContext';

export const MAX_REPORTED = 50;
const BOM = 0xfeff;

export type NonAsciiData = { kind: 'bom' } | { kind: 'characters'; codePoints: string[]; replacement?: string };

interface Run {
  row: Row;
  start: number;
  end: number;
  text: string;
}

/** Common typographic characters and their ASCII stand-ins (no comma, no quote: both change how a line splits). */
const ASCII_FOR: Record<string, string> = {
  '\u00a0': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u2009': ' ',
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u2032': "'",
  '\u201c': "'",
  '\u201d': "'",
  '\u201e': "'",
  '\u2033': "'",
  '\u00ab': "'",
  '\u00bb': "'",
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\u2026': '...',
  '\u00d7': 'x',
  '\u00df': 'ss',
  '\u00e6': 'ae',
  '\u00c6': 'AE',
  '\u00f8': 'o',
  '\u00d8': 'O',
  '\u0153': 'oe',
  '\u0152': 'OE',
};

export function codePointLabel(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** An ASCII spelling of the run, or undefined when there is no obvious one. */
export function asciiReplacement(text: string): string | undefined {
  let out = '';
  for (const ch of text) {
    const mapped = ASCII_FOR[ch] ?? ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    if (mapped === '' || !/^[\x20-\x7e]*$/.test(mapped) || /[,"]/.test(mapped)) return undefined;
    out += mapped;
  }
  return out;
}

export const nonAsciiRule = defineRule({
  codes: {
    'non-ascii': {
      levels: ['warning'],
      summary: 'text outside ASCII, or a byte-order mark at the start (at most 50 per file)',
      docs: 'docs/diagnostics.md#non-ascii',
    },
  },
  check: ({ model, report }) => {
    const { csv } = model;
    if (!/[\u0080-\uffff]/.test(csv.text)) return;
    let total = 0;
    const runs: Run[] = [];
    for (const line of csv.lines) {
      const row = model.rows[line.line];
      const text = lineText(csv, line);
      const pattern = /[\u0080-\uffff]+/g; // every code unit past ASCII
      for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
        let start = match.index;
        let runText = match[0];
        if (line.line === 0 && start === 0 && runText.charCodeAt(0) === BOM) {
          total++;
          if (runs.length < MAX_REPORTED) runs.push({ row, start: 0, end: 1, text: '\ufeff' });
          start = 1;
          runText = runText.slice(1);
          if (runText === '') continue;
        }
        total++;
        if (runs.length < MAX_REPORTED) runs.push({ row, start, end: start + runText.length, text: runText });
      }
    }
    runs.forEach((run, i) => {
      const more = i === runs.length - 1 && total > runs.length ? ` (${total - runs.length} more non-ASCII places further on are not listed.)` : '';
      const range = spanRange(run.row, run.start, run.end);
      if (run.text === '\ufeff' && run.row.line.line === 0 && run.start === 0) {
        const data: NonAsciiData = { kind: 'bom' };
        report(
          'non-ascii',
          DiagnosticSeverity.Warning,
          range,
          'The file starts with a byte-order mark (U+FEFF): no Rekordbox file has one, and Rekordbox may not recognise `@file` behind it. ' +
            `Save the file without BOM (plain ASCII / UTF-8).${more}`,
          { data },
        );
        return;
      }
      const codePoints = [...new Set(Array.from(run.text, ch => codePointLabel(ch.codePointAt(0)!)))];
      const shown = Array.from(run.text).slice(0, 3).join('');
      const listed = codePoints.slice(0, 3).join(', ') + (codePoints.length > 3 ? ', …' : '');
      const replacement = asciiReplacement(run.text);
      const where = run.row.kind === 'mapping' ? ` in the ${COLUMNS[columnAt(run.row, run.start)]?.title ?? 'fields past column 15'}` : '';
      const data: NonAsciiData = replacement === undefined ? { kind: 'characters', codePoints } : { kind: 'characters', codePoints, replacement };
      report(
        'non-ascii',
        DiagnosticSeverity.Warning,
        range,
        `'${shown}${Array.from(run.text).length > 3 ? '…' : ''}' (${listed}) is not ASCII${where}: every Rekordbox file is plain ASCII, ` +
          `and Rekordbox may misread it.${replacement !== undefined ? ` Write '${replacement}' instead.` : ''}${more}`,
        { data },
      );
    });
  },
});
