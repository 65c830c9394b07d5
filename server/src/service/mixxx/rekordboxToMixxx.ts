/**
 * Rekordbox mapping → Mixxx mapping skeleton: every row whose function has a Mixxx control in the
 * table (mixxxControlMap) becomes one `<control>` per deck code (decks expanded back to
 * `[ChannelN]`), a `KnobSliderHiRes` row an MSB/LSB pair, and its MIDI OUT codes `<output>` rows for
 * the control's light. Rows without a Mixxx equivalent are counted, not guessed. Pure; never throws.
 */
import { Column } from '../model/columns';
import { DeckCode } from '../model/expandDeckCodes';
import { cellValue, inputCodesOf, MappingModel, outputCodesOf } from '../model/mappingModel';
import { isChannelMessage } from '../midi/midiCode';
import { mixxxControlFor } from './mixxxControlMap';
import { hex } from './readMixxxXml';

/** What an export wrote and left out (`ExportMixxxSummary` in protocol/messages.ts). */
export interface MixxxExportSummary {
  /** Rows that assign a function (not `#`, `#Name`, `NoFunction`). */
  functionRows: number;
  /** Of those, rows written as Mixxx controls. */
  exportedRows: number;
  controls: number;
  outputs: number;
  /** Functions with no Mixxx control in the table, with how many rows each. */
  withoutEquivalent: { functionName: string; rows: number }[];
  text: string;
}

/** `rekordboxMidi/exportMixxx`'s answer for an open mapping (`ExportMixxxResult` in protocol/messages.ts). */
export interface MixxxExportResult {
  xml: string;
  summary: MixxxExportSummary;
}

/** Mixxx options for a Rekordbox type (the reverse of the import's choice). */
function optionsFor(type: string): string[] {
  switch (type) {
    case 'Rotary':
      return ['SelectKnob'];
    case 'JogRotate':
      return ['Spread64'];
    default:
      return ['Normal'];
  }
}

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function rekordboxToMixxx(model: MappingModel, options: { fileName?: string } = {}): MixxxExportResult {
  const device = model.deviceName?.trim() || 'Rekordbox controller';
  const controls: string[] = [];
  const outputs: string[] = [];
  const without = new Map<string, number>();
  let functionRows = 0;
  let exportedRows = 0;
  const seen = new Set<string>();

  const control = (group: string, key: string, status: number, midino: number, opts: string[], description: string): void => {
    const id = `${status}:${midino}`;
    if (seen.has(id)) return; // one code, one Mixxx control (rows may repeat a code on purpose: Rekordbox's own files do)
    seen.add(id);
    controls.push(
      [
        '            <control>',
        `                <description>${escapeXml(description)}</description>`,
        `                <group>${escapeXml(group)}</group>`,
        `                <key>${escapeXml(key)}</key>`,
        `                <status>${hex(status)}</status>`,
        `                <midino>${hex(midino)}</midino>`,
        `                <options>${opts.map(o => `<${o}/>`).join('')}</options>`,
        '            </control>',
      ].join('\n'),
    );
  };

  for (const row of model.mappingRows) {
    if (row.functionState !== 'assigned') continue;
    functionRows++;
    const fn = row.functionName;
    const type = row.type;
    const comment = cellValue(row, Column.Comment);
    const inputs = inputCodesOf(row).filter((c: DeckCode) => isChannelMessage(c.code));
    const lights = outputCodesOf(row).filter((c: DeckCode) => isChannelMessage(c.code));
    let any = false;
    for (const input of inputs) {
      const target = mixxxControlFor(fn, input.deck);
      if (!target) continue;
      any = true;
      const status = input.code >> 8;
      const midino = input.code & 0xff;
      const description = `${fn}${input.deck ? ` (deck ${input.deck})` : ''}${comment ? ` - ${comment}` : ''}`;
      if (type === 'KnobSliderHiRes' && (status & 0xf0) === 0xb0 && midino < 0x20) {
        control(target.group, target.key, status, midino, ['fourteen-bit-msb'], description);
        control(target.group, target.key, status, midino + 0x20, ['fourteen-bit-lsb'], description);
      } else {
        control(target.group, target.key, status, midino, optionsFor(type), description);
      }
    }
    for (const light of lights) {
      const target = mixxxControlFor(fn, light.deck);
      if (!target?.light) continue;
      any = true;
      outputs.push(
        [
          '            <output>',
          `                <group>${escapeXml(target.group)}</group>`,
          `                <key>${escapeXml(target.light)}</key>`,
          `                <status>${hex(light.code >> 8)}</status>`,
          `                <midino>${hex(light.code & 0xff)}</midino>`,
          '                <on>0x7F</on>',
          '                <off>0x00</off>',
          '                <minimum>0.5</minimum>',
          '            </output>',
        ].join('\n'),
      );
    }
    if (any) exportedRows++;
    else without.set(fn, (without.get(fn) ?? 0) + 1);
  }

  const source = options.fileName ? options.fileName.split(/[\\/]/).pop() : undefined;
  const presetDescription =
    `A skeleton converted from the Rekordbox mapping${source ? ` ${source}` : ''}: ` +
    'the controls whose Rekordbox functions have a Mixxx equivalent.';
  const xml = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<MixxxControllerPreset schemaVersion="1" mixxxVersion="2.4">',
    '    <info>',
    `        <name>${escapeXml(device)}</name>`,
    '        <author>rekordbox-midi export-mixxx</author>',
    `        <description>${escapeXml(presetDescription)}</description>`,
    '    </info>',
    `    <controller id="${escapeXml(device)}">`,
    '        <scriptfiles/>',
    '        <controls>',
    ...controls,
    '        </controls>',
    '        <outputs>',
    ...outputs,
    '        </outputs>',
    '    </controller>',
    '</MixxxControllerPreset>',
    '',
  ].join('\n');

  const withoutEquivalent = [...without.entries()]
    .map(([functionName, rows]) => ({ functionName, rows }))
    .sort((a, b) => b.rows - a.rows || a.functionName.localeCompare(b.functionName));
  const summary: MixxxExportSummary = { functionRows, exportedRows, controls: controls.length, outputs: outputs.length, withoutEquivalent, text: '' };
  const missingNames = withoutEquivalent.slice(0, 5).map(w => w.functionName).join(', ') + (withoutEquivalent.length > 5 ? ', …' : '');
  const missing = withoutEquivalent.length ? ` ${functionRows - exportedRows} rows have no Mixxx equivalent (${missingNames}).` : '';
  summary.text = `${device}: ${exportedRows} of ${functionRows} function rows → ${controls.length} Mixxx controls and ${outputs.length} outputs.${missing}`;
  return { xml, summary };
}
