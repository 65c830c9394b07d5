/**
 * Splits a mapping file into lines and fields, remembering where every field is.
 *
 * Written by hand because no well-kept CSV library reports each field's exact line and character
 * range (papaparse and csv-parse give values, at best a record's byte offset), and the language
 * server needs those ranges for every diagnostic, hover and edit. It also has to keep each line's
 * own ending (CRLF, LF or a lone CR) so edits and formatting never change bytes they do not mean to.
 *
 * Quoting follows RFC 4180 inside one line (`"a,b"` is one field, `""` is a quote), although
 * Rekordbox never writes quotes. A quoted field does not run on past the end of its line: one stray
 * `"` would otherwise swallow the rest of the mapping into a single field.
 *
 * Lines are counted as editors count them: a text ending in a line ending has an empty last line.
 * Never throws, whatever the text; one pass over the characters.
 */

export type LineEnding = '\r\n' | '\n' | '\r' | '';

export interface CsvField {
  /** The field's value, quotes removed and `""` unescaped. */
  value: string;
  /** Character offsets within the line (UTF-16 code units, as LSP positions count by default). */
  start: number;
  end: number;
  quoted: boolean;
  /** A quoted field whose closing quote is missing: it ran to the end of the line. */
  unterminated: boolean;
}

export interface CsvLine {
  /** Zero-based line number. */
  line: number;
  /** Offset of the line's first character in the whole text. */
  offset: number;
  /** Length of the line without its ending. */
  length: number;
  ending: LineEnding;
  fields: CsvField[];
}

export interface CsvText {
  lines: CsvLine[];
  /** The text the lines were cut from; `lineText` slices it. */
  text: string;
  /** True when some field is quoted (never in a file Rekordbox wrote): rules about quotes can skip the rest. */
  hasQuotes: boolean;
}

const CR = 13;
const LF = 10;
const COMMA = 44;
const QUOTE = 34;

export function tokenizeCsv(text: string): CsvText {
  const lines: CsvLine[] = [];
  const length = text.length;
  let lineStart = 0;
  let lineNumber = 0;
  let hasQuotes = false;
  // The next CR, LF and comma, found with the engine's native indexOf (much faster than a loop
  // over characters) and looked up again only once passed, so the scan stays linear.
  let nextCR = text.indexOf('\r');
  let nextLF = text.indexOf('\n');
  let nextComma = text.indexOf(',');
  for (;;) {
    if (nextCR !== -1 && nextCR < lineStart) nextCR = text.indexOf('\r', lineStart);
    if (nextLF !== -1 && nextLF < lineStart) nextLF = text.indexOf('\n', lineStart);
    let lineEnd = nextCR === -1 ? (nextLF === -1 ? length : nextLF) : nextLF === -1 ? nextCR : Math.min(nextCR, nextLF);
    const fields: CsvField[] = [];
    let pos = lineStart;
    for (;;) {
      if (pos < lineEnd && text.charCodeAt(pos) === QUOTE) {
        pos = readQuotedField(text, pos, lineStart, lineEnd, fields);
        hasQuotes = true;
      } else {
        if (nextComma !== -1 && nextComma < pos) nextComma = text.indexOf(',', pos);
        const end = nextComma === -1 || nextComma > lineEnd ? lineEnd : nextComma;
        fields.push({ value: text.slice(pos, end), start: pos - lineStart, end: end - lineStart, quoted: false, unterminated: false });
        pos = end;
      }
      if (pos < lineEnd && text.charCodeAt(pos) === COMMA) {
        pos++;
        continue;
      }
      break;
    }
    lineEnd = pos;
    let ending: LineEnding = '';
    if (lineEnd < length) {
      if (text.charCodeAt(lineEnd) === CR) ending = text.charCodeAt(lineEnd + 1) === LF ? '\r\n' : '\r';
      else ending = '\n';
    }
    lines.push({ line: lineNumber++, offset: lineStart, length: lineEnd - lineStart, ending, fields });
    if (ending === '') break;
    lineStart = lineEnd + ending.length;
  }
  return { lines, text, hasQuotes };
}

/**
 * Reads the quoted field that starts at `pos` (on its quote), pushes it, and returns the offset
 * just after it: at the comma or line end that follows, or at the line end for an unclosed quote.
 */
function readQuotedField(text: string, pos: number, lineStart: number, lineEnd: number, fields: CsvField[]): number {
  const length = lineEnd;
  let value = '';
  let chunkStart = pos + 1;
  let i = pos + 1;
  let closed = false;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c === LF || c === CR) break;
    if (c === QUOTE) {
      if (text.charCodeAt(i + 1) === QUOTE) {
        value += text.slice(chunkStart, i + 1);
        i += 2;
        chunkStart = i;
        continue;
      }
      closed = true;
      break;
    }
    i++;
  }
  value += text.slice(chunkStart, i);
  let end = closed ? i + 1 : i;
  // Anything between the closing quote and the next comma stays part of this field.
  const afterQuote = end;
  while (end < length) {
    const c = text.charCodeAt(end);
    if (c === COMMA || c === LF || c === CR) break;
    end++;
  }
  if (end > afterQuote) value += text.slice(afterQuote, end);
  fields.push({ value, start: pos - lineStart, end: end - lineStart, quoted: true, unterminated: !closed });
  return end;
}

export function lineText(csv: CsvText, line: CsvLine): string {
  return csv.text.slice(line.offset, line.offset + line.length);
}
