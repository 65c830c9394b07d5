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

const enum Quoting {
  None = 0,
  Closed = 1,
  /** The closing quote is missing: the field ran to the end of the line. */
  Unterminated = 2,
}

/**
 * Where every field of a text is: the line-relative start and end of the text's n-th field at
 * index n, in typed arrays the garbage collector never has to scan. Lines index it from their
 * first field.
 */
class FieldPositions {
  constructor(
    public starts: Int32Array,
    public ends: Int32Array,
  ) {}
}

/**
 * One line: its values as strings, its field ranges as numbers. Field objects (`fields`) are made
 * only when asked for, once per line: full analysis reads values and positions and never needs
 * them, so a large file costs one string per field instead of a string and an object.
 */
export class CsvLine {
  private fieldObjects: CsvField[] | undefined = undefined;

  constructor(
    /** Zero-based line number. */
    readonly line: number,
    /** Offset of the line's first character in the whole text. */
    readonly offset: number,
    /** Length of the line without its ending. */
    readonly length: number,
    readonly ending: LineEnding,
    /** Every field's value, quotes removed and `""` unescaped; at least one (an empty line has ''). */
    readonly values: readonly string[],
    private readonly positions: FieldPositions,
    /** Index of the line's first field in `positions`. */
    private readonly firstField: number,
    /** Per field, for lines with a quote in them (never in a file Rekordbox wrote); undefined for the rest. */
    private readonly quoting: readonly Quoting[] | undefined,
  ) {}

  /** A line made of given fields: a fix's rewritten row, at the positions its fields had. */
  static fromFields(line: number, offset: number, length: number, ending: LineEnding, fields: readonly CsvField[]): CsvLine {
    const positions = new FieldPositions(
      Int32Array.from(fields, f => f.start),
      Int32Array.from(fields, f => f.end),
    );
    const quoting = fields.some(f => f.quoted)
      ? fields.map(f => (f.unterminated ? Quoting.Unterminated : f.quoted ? Quoting.Closed : Quoting.None))
      : undefined;
    return new CsvLine(line, offset, length, ending, fields.map(f => f.value), positions, 0, quoting);
  }

  /** Start of field `index` within the line (UTF-16 code units, as LSP positions count by default). */
  fieldStart(index: number): number {
    return this.positions.starts[this.firstField + index];
  }

  /** End of field `index` within the line (exclusive: the comma after it, or the line's end). */
  fieldEnd(index: number): number {
    return this.positions.ends[this.firstField + index];
  }

  isQuoted(index: number): boolean {
    return (this.quoting?.[index] ?? Quoting.None) !== Quoting.None;
  }

  /** A quoted field whose closing quote is missing: it ran to the end of the line. */
  isUnterminated(index: number): boolean {
    return this.quoting?.[index] === Quoting.Unterminated;
  }

  /** The line's fields as objects, made on first use and kept (so the same field is the same object). */
  get fields(): CsvField[] {
    return (this.fieldObjects ??= this.makeFields());
  }

  private makeFields(): CsvField[] {
    const fields: CsvField[] = [];
    for (let i = 0; i < this.values.length; i++) {
      const quoting = this.quoting?.[i] ?? Quoting.None;
      fields.push({
        value: this.values[i],
        start: this.fieldStart(i),
        end: this.fieldEnd(i),
        quoted: quoting !== Quoting.None,
        unterminated: quoting === Quoting.Unterminated,
      });
    }
    return fields;
  }
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

function grown(array: Int32Array): Int32Array {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

export function tokenizeCsv(text: string): CsvText {
  const lines: CsvLine[] = [];
  const length = text.length;
  // Room for fields of 4 characters on average (real rows average more), grown when short.
  let starts: Int32Array = new Int32Array(Math.max(16, length >> 2));
  let ends: Int32Array = new Int32Array(starts.length);
  let fieldCount = 0;
  const positions = new FieldPositions(starts, ends);
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
    const lineEnd = nextCR === -1 ? (nextLF === -1 ? length : nextLF) : nextLF === -1 ? nextCR : Math.min(nextCR, nextLF);
    const values: string[] = [];
    const firstField = fieldCount;
    let quoting: Quoting[] | undefined;
    let pos = lineStart;
    for (;;) {
      if (fieldCount === starts.length) {
        starts = positions.starts = grown(starts);
        ends = positions.ends = grown(ends);
      }
      let end: number;
      if (pos < lineEnd && text.charCodeAt(pos) === QUOTE) {
        const quoted = readQuotedField(text, pos, lineEnd);
        end = quoted.end;
        values.push(quoted.value);
        quoting ??= new Array<Quoting>(values.length - 1).fill(Quoting.None);
        quoting.push(quoted.closed ? Quoting.Closed : Quoting.Unterminated);
        hasQuotes = true;
      } else {
        if (nextComma !== -1 && nextComma < pos) nextComma = text.indexOf(',', pos);
        end = nextComma === -1 || nextComma > lineEnd ? lineEnd : nextComma;
        values.push(text.slice(pos, end));
        if (quoting) quoting.push(Quoting.None);
      }
      starts[fieldCount] = pos - lineStart;
      ends[fieldCount] = end - lineStart;
      fieldCount++;
      pos = end;
      if (pos < lineEnd && text.charCodeAt(pos) === COMMA) {
        pos++;
        continue;
      }
      break;
    }
    let ending: LineEnding = '';
    if (lineEnd < length) {
      if (text.charCodeAt(lineEnd) === CR) ending = text.charCodeAt(lineEnd + 1) === LF ? '\r\n' : '\r';
      else ending = '\n';
    }
    lines.push(new CsvLine(lineNumber++, lineStart, lineEnd - lineStart, ending, values, positions, firstField, quoting));
    if (ending === '') break;
    lineStart = lineEnd + ending.length;
  }
  // Give back what the estimate over-reserved (a copy; the arrays hold numbers only).
  if (fieldCount < starts.length) {
    positions.starts = starts.slice(0, fieldCount);
    positions.ends = ends.slice(0, fieldCount);
  }
  return { lines, text, hasQuotes };
}

interface QuotedField {
  value: string;
  /** Just after the field: at the comma or line end that follows, or at the line end for an unclosed quote. */
  end: number;
  closed: boolean;
}

/** Reads the quoted field that starts at `pos` (on its quote). */
function readQuotedField(text: string, pos: number, lineEnd: number): QuotedField {
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
  return { value, end, closed };
}

export function lineText(csv: CsvText, line: CsvLine): string {
  return csv.text.slice(line.offset, line.offset + line.length);
}
