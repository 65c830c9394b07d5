/**
 * `rekordboxMidi/mappingRows`: every mapping row with the codes each deck really receives (MIDI IN)
 * and is sent (MIDI OUT), read exactly as the rules read them (model/expandDeckCodes). The client's
 * MIDI monitor uses it to name the rows a message triggers, and the sidebar to light a row.
 * Pure; never throws.
 */
import type { MappingRowCode, MappingRowInfo, MappingRowsResult } from '../../protocol';
import { Column } from '../model/columns';
import { DeckCode } from '../model/expandDeckCodes';
import { cellValue, inputCodesOf, MappingModel, outputCodesOf } from '../model/mappingModel';
import { formatCode } from '../midi/midiCode';

const HI_RES_TYPE = 'KnobSliderHiRes';

export function computeMappingRows(model: MappingModel, uri: string, version: number): MappingRowsResult {
  const rows: MappingRowInfo[] = [];
  for (const row of model.mappingRows) {
    const input = inputCodesOf(row);
    const info: MappingRowInfo = {
      line: row.line.line,
      functionName: row.functionName,
      control: row.control,
      type: row.type,
      comment: cellValue(row, Column.Comment),
      input: input.map(toRowCode),
      output: outputCodesOf(row).map(toRowCode),
    };
    if (row.type === HI_RES_TYPE) {
      // FORMAT.md: the MSB is CC 0–31 and the controller also sends the fine value on CC n+32.
      const lsb = input.filter(c => isLowController(c.code)).map(c => toRowCode({ ...c, code: c.code + 32 }));
      if (lsb.length) info.lsbInput = lsb;
    }
    rows.push(info);
  }
  return { uri, version, deviceName: model.deviceName ?? null, rows };
}

function toRowCode(deckCode: DeckCode): MappingRowCode {
  return { deck: deckCode.deck === 0 ? null : deckCode.deck, code: formatCode(deckCode.code) };
}

/** A control change on CC 0–31: the only controllers with a 14-bit partner. */
function isLowController(code: number): boolean {
  return (code & 0xf000) === 0xb000 && (code & 0xff) < 32;
}
