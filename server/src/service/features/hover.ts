/** Hover: what the cell under the cursor means, and for codes what each deck really receives. */
import { Hover, MarkupKind, Position } from 'vscode-languageserver-types';
import { controlType, HI_RES_TYPE } from '../catalog/controlTypes';
import { defaultCatalog, FunctionCatalog } from '../catalog/functionCatalog';
import { optionInfo } from '../catalog/options';
import { Column, COLUMN_COUNT, COLUMNS, isInputDeckColumn, isOutputDeckColumn } from '../model/columns';
import { DeckCode, parseChannel, readCode } from '../model/expandDeckCodes';
import { cellValue, columnAt, inputCodesOf, MappingModel, MappingRow, optionsOf, outputCodesOf, Row } from '../model/mappingModel';
import { decodeCode, describeCode, formatCode, isChannelMessage } from '../midi/midiCode';
import { fieldRange } from '../util/ranges';

export function computeHover(model: MappingModel, position: Position, catalog: FunctionCatalog = defaultCatalog): Hover | null {
  const row = model.rows[position.line];
  if (!row) return null;
  if (row.kind === 'empty') return null;
  const column = columnAt(row, position.character);
  const field = row.line.fields[column];
  const parts = hoverParts(model, row, column, position.character, catalog);
  if (parts.length === 0) return null;
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n') }, range: fieldRange(row, field) };
}

function columnLine(column: number): string {
  if (column >= COLUMN_COUNT) return `Field ${column + 1}: past the ${COLUMN_COUNT} columns Rekordbox reads.`;
  const info = COLUMNS[column];
  return `*Column ${column + 1} · ${info.title}* (header \`${info.header}\`)`;
}

function hoverParts(model: MappingModel, row: Row, column: number, character: number, catalog: FunctionCatalog): string[] {
  const value = row.line.fields[column]?.value ?? '';
  switch (row.kind) {
    case 'file':
      return [fileLineHover(column, value, model)];
    case 'header':
      return [
        column < COLUMN_COUNT
          ? `**Column header** \`${value}\`: ${COLUMNS[column].title}. ${COLUMNS[column].description}` +
            (column <= 1 ? '\n\nThe factory header names of columns 1 and 2 mislead: column 1 holds the function, column 2 the control label.' : '')
          : columnLine(column),
      ];
    case 'section':
      return [`**Section** ${value.slice(2)}: factory files group rows under section rows; Rekordbox ignores them.`];
    case 'separator':
      return ['Separator row (empty fields): Rekordbox ignores it.'];
    case 'mapping':
      return mappingHover(row as MappingRow, column, character, value, catalog);
    default:
      return [];
  }
}

function fileLineHover(column: number, value: string, model: MappingModel): string {
  if (column === 0) return '**`@file` line**: `@file,1,<device name>` opens every mapping and names the controller it is for.';
  if (column === 1) return `**Format version** \`${value}\` (always 1 in the files seen).`;
  if (column === 2) {
    const dialect = model.dialect === 'factory' ? 'Factory dialect (header row and sections).' : 'EXPORT dialect (no header row).';
    return `**Device** \`${value}\`: the controller's name as Rekordbox lists it. ${dialect}`;
  }
  return 'Padding after the device name: Rekordbox ignores empty fields here.';
}

function mappingHover(row: MappingRow, column: number, character: number, value: string, catalog: FunctionCatalog): string[] {
  const parts: string[] = [];
  if (column === Column.Function) parts.push(functionHover(row, catalog));
  else if (column === Column.Control) parts.push(controlHover(value));
  else if (column === Column.Type) parts.push(typeHover(value));
  else if (column === Column.Input || column === Column.Output) parts.push(...codeHover(row, column === Column.Input));
  else if (isInputDeckColumn(column) || isOutputDeckColumn(column)) parts.push(...deckHover(row, column, value));
  else if (column === Column.Options) parts.push(optionHover(row, character));
  parts.push(columnLine(column));
  return parts.filter(p => p !== '');
}

function functionHover(row: MappingRow, catalog: FunctionCatalog): string {
  switch (row.functionState) {
    case 'none':
      return '**`#`**: no function assigned to this control (Rekordbox ignores the row).';
    case 'noFunction':
      return '**NoFunction**: learned in Rekordbox but not assigned to any function; Rekordbox ignores the row.';
    case 'empty':
      return '**No function**: column 1 is empty.';
    default:
      break;
  }
  const entry = catalog.get(row.baseFunctionName);
  const disabled = row.functionState === 'disabled' ? `\n\nDisabled row (\`#${row.baseFunctionName}\`): Rekordbox does not assign it.` : '';
  if (!entry) return `**${row.baseFunctionName}**: not a function seen in any Rekordbox file so far.${disabled}`;
  const facts = [`${entry.tab} tab`];
  if (entry.types.length) facts.push(`used as ${entry.types.join(', ')}`);
  facts.push(entry.hasLight ? 'has a light (MIDI OUT)' : 'no light seen');
  const evidence = {
    rekordbox: `Seen in ${entry.seenIn.length} real file${entry.seenIn.length === 1 ? '' : 's'}.`,
    family: `Not seen verbatim, but a member of the family \`${entry.family ?? ''}\` whose other members real files use.`,
    handmade: 'Seen only in a hand-made file (unverified).',
    note: 'Named by a community note of Rekordbox’s function table (unverified).',
  }[entry.evidence];
  const description = entry.description
    ? entry.description + (entry.descriptionFrom === 'derived' ? ' *(read from the name; no file describes it)*' : '')
    : 'No description known.';
  return `**${entry.name}** · ${facts.join(' · ')}\n\n${description}\n\n${evidence}${disabled}`;
}

const MODIFIERS: Record<string, string> = {
  Shift: 'with SHIFT held',
  LongPress: 'when held down (long press)',
  Press: 'when the knob or encoder is pushed',
};

function controlHover(value: string): string {
  if (value === '') return '**Control label** (empty: Rekordbox EXPORT writes none).';
  const [label, ...modifiers] = value.split('+');
  const described = modifiers.map(m => (MODIFIERS[m] ? `\`+${m}\` ${MODIFIERS[m]}` : `\`+${m}\``));
  return `**Control** \`${label}\`${described.length ? ', ' + described.join(', ') : ''}: the physical control's label on the controller.`;
}

function typeHover(value: string): string {
  if (value === '') return '**Type**: empty (seen on some factory rows).';
  const info = controlType(value);
  if (!info) return `**${value}**: not a type seen in Rekordbox files.`;
  const roundTrip = info.evidence === 'roundTrip' ? '\n\nNot seen in files; reported to survive an IMPORT/EXPORT round trip.' : '';
  return `**${info.name}**: ${info.description}${roundTrip}`;
}

function codeLine(code: number): string {
  return `\`${formatCode(code)}\` — ${describeCode(decodeCode(code))}`;
}

/** Hover on a base MIDI IN / MIDI OUT cell: the message and the per-deck table. */
function codeHover(row: MappingRow, input: boolean): string[] {
  const cell = row.cells[input ? Column.Input : Column.Output];
  const side = input ? 'MIDI IN' : 'MIDI OUT';
  const parts: string[] = [];
  if (!cell || cell.value === '') {
    parts.push(`**${side}**: no base code${deckCodesOf(row, input).length ? '; each deck has its own full code.' : '.'}`);
  } else {
    const code = readCode(cell.value, !input);
    if (code === undefined) return [`**${side}** \`${cell.value}\`: not a 4-hex MIDI code.`];
    parts.push(`**${side}** ${codeLine(code)}`);
    const hiRes = hiResLsb(row, code);
    if (hiRes) parts.push(hiRes);
  }
  const table = deckTable(deckCodesOf(row, input), input);
  if (table) parts.push(table);
  return parts;
}

function deckCodesOf(row: MappingRow, input: boolean): DeckCode[] {
  return (input ? inputCodesOf(row) : outputCodesOf(row)).filter(c => c.deck > 0);
}

function deckTable(codes: DeckCode[], input: boolean): string {
  if (codes.length === 0) return '';
  const lines = [`| Deck | ${input ? 'receives' : 'is sent'} | Message |`, '|---|---|---|'];
  for (const c of codes) {
    lines.push(`| ${c.deck} | \`${formatCode(c.code)}\` | ${describeCode(decodeCode(c.code))} |`);
  }
  return lines.join('\n');
}

function hiResLsb(row: MappingRow, code: number): string {
  if (row.type !== HI_RES_TYPE) return '';
  const d = decodeCode(code);
  if (d.kind !== 'controlChange') return '';
  if (d.number > 31) return `14-bit control on CC ${d.number}: a KnobSliderHiRes MSB must be CC 0–31 (its LSB is CC+32).`;
  return `14-bit: the controller also sends the LSB on CC ${d.number + 32}, \`${formatCode(code + 32)}\` (on each deck's channel), which no row may use.`;
}

function deckHover(row: MappingRow, column: number, value: string): string[] {
  const input = isInputDeckColumn(column);
  const deck = column - (input ? Column.InputDeck1 : Column.OutputDeck1) + 1;
  const side = input ? 'MIDI IN' : 'MIDI OUT';
  if (value === '') return [`**Deck ${deck} ${side}**: empty (this deck gets no code from this row).`];
  const deckCode = (input ? inputCodesOf(row) : outputCodesOf(row)).find(c => c.deck === deck);
  if (!deckCode) {
    const channel = parseChannel(value);
    return [`**Deck ${deck} ${side}** \`${value}\`: ${channel !== undefined ? 'a channel with no usable base code' : 'not a channel 0–15 or a 4-hex code'}.`];
  }
  const parts = [`**Deck ${deck} ${input ? 'receives' : 'is sent'}** ${codeLine(deckCode.code)}`];
  if (deckCode.baseColumn !== undefined) {
    const baseValue = cellValue(row, deckCode.baseColumn);
    const base = readCode(baseValue, !input)!;
    const baseChannel = isChannelMessage(base) ? (base >> 8) & 0x0f : 0;
    const deckChannel = baseChannel + Number(value);
    const ifReplaced = formatCode((base & 0xf0ff) | (Number(value) << 8));
    parts.push(
      `Base \`${baseValue.toUpperCase()}\` (channel ${baseChannel}) + deck channel ${value} = channel ${deckChannel}, shown as ch ${deckChannel + 1}.` +
        (baseChannel !== 0 ? ` The base channel is not 0: if Rekordbox replaced it instead of adding, this deck would receive \`${ifReplaced}\`.` : ''),
    );
    const hiRes = hiResLsb(row, deckCode.code);
    if (hiRes) parts.push(hiRes);
  }
  return parts;
}

function optionHover(row: MappingRow, character: number): string {
  const options = optionsOf(row);
  const option = options.find(o => character >= o.start && character <= o.end);
  if (!option) return options.length ? `**Options**: ${options.map(o => `\`${o.name}${o.value !== undefined ? '=' + o.value : ''}\``).join(', ')}` : '';
  const info = optionInfo(option.name);
  if (!info) return `**${option.name}**: not an option seen in Rekordbox files (unknown options reportedly survive a round trip).`;
  return `**${info.name}${info.takesValue ? '=' + (option.value ?? 'N') : ''}**: ${info.description}`;
}
