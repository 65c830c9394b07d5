/**
 * 14-bit controls (docs/format.md#14-bit-controls): a `KnobSliderHiRes` row names the MSB controller,
 * CC n with n in 0–31; the controller also sends the LSB (the fine value) on CC n+32, same channel,
 * which no row names.
 *
 * - `hires-lsb-collision`: a row that receives one of those implied LSB codes (per deck: every
 *   code the HiRes row really receives implies its own LSB). Moving the 14-bit control sends that
 *   code too, so Rekordbox either fires the other row's function from it or never lets it reach
 *   that row. An error when the HiRes row assigns a function and the colliding row assigns another
 *   one (wrong under either reading); a warning when both rows carry the same function (one reading
 *   is harmless: the LSB row is redundant) or the HiRes row assigns nothing (Rekordbox reads no
 *   14-bit control there, but the hardware still sends the LSB when it moves).
 * - `hires-cc-range`: a `KnobSliderHiRes` row on CC 32–127. MIDI pairs only CC 0–31 (MSB) with
 *   CC 32–63 (LSB); every factory HiRes row obeys that. A warning: nothing shows what Rekordbox does
 *   with such a row (it may read it as a coarse 7-bit control), and when the CC is another row's
 *   LSB, `hires-lsb-collision` already reports the real conflict.
 *
 * Linear: implied LSB codes are grouped in one map (each entry keeps at most MAX_RELATED owners),
 * then every row is looked up once.
 */
import { DiagnosticRelatedInformation, DiagnosticSeverity } from 'vscode-languageserver-types';
import { DeckCode } from '../model/expandDeckCodes';
import { MappingRow } from '../model/mappingModel';
import { formatCode } from '../midi/midiCode';
import { cellRange } from '../util/ranges';
import { assignsInput } from '../model/codeConflicts';
import { defineRule } from './ruleContext';
import { HI_RES_TYPE } from '../catalog/controlTypes';

const MAX_RELATED = 10;

/** One HiRes row's claim on an LSB code. */
interface Owner {
  row: MappingRow;
  /** The MSB code the row receives on this deck. */
  msb: DeckCode;
}

interface LsbEntry {
  owners: Owner[];
  /** Up to two distinct functions of owners that assign one: enough to tell "another function" apart. */
  assignedFunctions: string[];
}

function isControlChange(code: number): boolean {
  return code >> 12 === 0xb;
}

export const hiResRule = defineRule({
  codes: {
    'hires-lsb-collision': {
      levels: ['error', 'warning'],
      summary: 'a row receives the fine half (LSB, CC n+32) of a `KnobSliderHiRes` row on CC n: error when the two rows carry different functions',
      docs: 'docs/diagnostics.md#hires-lsb-collision',
    },
    'hires-cc-range': {
      levels: ['warning'],
      summary: 'a `KnobSliderHiRes` row (with a function) on CC 32–127: a 14-bit MSB is CC 0–31',
      docs: 'docs/diagnostics.md#hires-cc-range',
    },
  },
  check: ({ model, uri, report, inputCodes }) => {
    const lsbCodes = new Map<number, LsbEntry>();
    for (const row of model.mappingRows) {
      if (row.type !== HI_RES_TYPE) continue;
      let reportedColumn: number | undefined;
      for (const msb of inputCodes(row)) {
        if (!isControlChange(msb.code)) continue; // a HiRes row on a note is type-mismatch's business
        const cc = msb.code & 0xff;
        if (cc <= 31) {
          const lsb = msb.code + 32;
          let entry = lsbCodes.get(lsb);
          if (!entry) lsbCodes.set(lsb, (entry = { owners: [], assignedFunctions: [] }));
          if (entry.owners.length < MAX_RELATED) entry.owners.push({ row, msb });
          if (row.functionState === 'assigned' && entry.assignedFunctions.length < 2 && !entry.assignedFunctions.includes(row.functionName)) {
            entry.assignedFunctions.push(row.functionName);
          }
          continue;
        }
        if (row.functionState !== 'assigned') continue;
        // Base + channels: the CC is written once, in the base cell; report it there, once.
        const column = msb.baseColumn ?? msb.column;
        if (column === reportedColumn) continue;
        reportedColumn = column;
        report('hires-cc-range', DiagnosticSeverity.Warning, cellRange(row, column), ccRangeMessage(msb.code), {
          data: cc <= 63 ? { cc, msbCode: formatCode(msb.code - 32) } : { cc },
        });
      }
    }
    if (lsbCodes.size === 0) return;

    for (const row of model.mappingRows) {
      if (!assignsInput(row)) continue;
      for (const use of inputCodes(row)) {
        const entry = lsbCodes.get(use.code);
        if (!entry) continue;
        const otherFunction = entry.assignedFunctions.some(f => f !== row.functionName);
        // Name the owner that matters most: one that assigns another function, else the first.
        const owner =
          entry.owners.find(o => o.row.functionState === 'assigned' && o.row.functionName !== row.functionName) ??
          entry.owners.find(o => o.row.functionState === 'assigned') ??
          entry.owners[0];
        const relatedInformation: DiagnosticRelatedInformation[] = entry.owners.map(o => ({
          location: { uri, range: cellRange(o.row, o.msb.column) },
          message:
            `${ownerName(o)}: KnobSliderHiRes on ${formatCode(o.msb.code)}${o.msb.deck ? ` (deck ${o.msb.deck})` : ''}, ` +
            `fine value on ${formatCode(use.code)}`,
        }));
        report(
          'hires-lsb-collision',
          otherFunction ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
          cellRange(row, use.column),
          collisionMessage(row, use, owner),
          { relatedInformation, data: { code: formatCode(use.code), msb: formatCode(owner.msb.code), msbLine: owner.row.line.line } },
        );
      }
    }
  },
});

function ownerName(o: Owner): string {
  return o.row.functionState === 'assigned' ? o.row.functionName : `line ${o.row.line.line + 1} (no function assigned)`;
}

function collisionMessage(row: MappingRow, use: DeckCode, owner: Owner): string {
  const code = formatCode(use.code);
  const msb = formatCode(owner.msb.code);
  const where = `line ${owner.row.line.line + 1}`;
  const cc = owner.msb.code & 0xff;
  const head = `${code}${use.deck ? ` on deck ${use.deck}` : ''} is the fine half (LSB, CC ${cc}+32) of the 14-bit control on ${msb}`;
  if (owner.row.functionState !== 'assigned') {
    return (
      `${head} (${where}, KnobSliderHiRes with no function assigned): that control still sends ${code} whenever it moves, ` +
      `so ${row.functionName} may fire from it. Use another code for ${row.functionName}.`
    );
  }
  if (owner.row.functionName === row.functionName) {
    return (
      `${head} (${owner.row.functionName}, ${where}): the HiRes row already reads this fine value; a second row on it ` +
      `may be read as a coarse value and make ${row.functionName} jump. Remove this row, or give it another code.`
    );
  }
  return (
    `${head} (${owner.row.functionName}, ${where}): moving that control also sends ${code}, so Rekordbox fires ` +
    `${row.functionName} from it or never lets it reach this row. Use another code, or make ${owner.row.functionName} a 7-bit KnobSlider.`
  );
}

function ccRangeMessage(code: number): string {
  const cc = code & 0xff;
  const head = `KnobSliderHiRes on CC ${cc} (${formatCode(code)}): a 14-bit control names its coarse controller, CC 0–31, and sends the fine value on CC+32.`;
  if (cc <= 63) {
    const msb = formatCode(code - 32);
    return `${head} CC ${cc} is itself the fine half of CC ${cc - 32}: a KnobSliderHiRes row on ${msb} reads both halves. Use KnobSlider for a 7-bit control.`;
  }
  return `${head} CC ${cc} has no 14-bit partner (MIDI pairs CC 0–31 with CC 32–63): use KnobSlider for a 7-bit control.`;
}
