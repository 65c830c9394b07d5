/**
 * Mixxx mapping → Rekordbox mapping (factory dialect). Pure; never throws (docs/mixxx.md).
 * mixxxToRekordbox runs these steps in order, one function each:
 *
 * 1. keepOneControlPerCode: two controls on one MIDI code: the one that translates is kept, the
 *    other named in its comment (Rekordbox gives a code one function).
 * 2. pairFourteenBitHalves: 14-bit pairs (`fourteen-bit-msb`/`-lsb`, or script functions named
 *    …MSB/…LSB on CC n and n+32) become one `KnobSliderHiRes` row on the MSB code: Rekordbox reads
 *    the LSB on CC + 32 itself. translateControls then gives each control (or pair) its function
 *    through the control table (mixxxControlMap) unless it is bound to a script.
 * 3. borrowTwinFunctions: a script-bound control whose twin on another deck (same message kind and
 *    number, another channel, same group but for the deck) translates takes that function:
 *    Pioneer-style mappings often script one deck's button and bind the other's directly.
 * 4. draftRows, deck folding: the same function on [Channel1]..[Channel4], one channel per deck,
 *    becomes one row with a base code on channel 0 and the deck channels (`900B,0,1`), as factory
 *    files write it; the same function on different numbers per deck becomes an empty base with full
 *    codes (`,9646,9647`). What cannot be translated stays: a `NoFunction` row (what Rekordbox's own
 *    EXPORT writes for a learned code without a function) whose comment names the Mixxx group, key
 *    and description.
 * 5. placeLights: `<output>` rows give the MIDI OUT codes of the rows whose function they light.
 * 6. writeMapping: the rows as text, in factory sections.
 * 7. summarize: what was translated, left for the user, skipped and lit.
 */
import { defaultCatalog, FunctionCatalog } from '../catalog/functionCatalog';
import { COLUMN_COUNT, FACTORY_HEADER } from '../model/columns';
import { formatCode } from '../midi/midiCode';
import { deckOfGroup, groupTemplate, matchMixxxControl, matchMixxxLight, MixxxMatch } from './mixxxControlMap';
import { hex, MixxxControl, MixxxOutput, MixxxPreset, MixxxProblem, readMixxxXml } from './readMixxxXml';

/** Why a control was not given a function (grouped in the summary). */
export type NeedsUserReason = 'script' | 'noEquivalent';

/** Why a control is in no row at all. */
export type SkippedReason = 'duplicate';

/** What an import did, for people and for the client's report (`ImportMixxxSummary` in protocol/messages.ts). */
export interface MixxxImportSummary {
  /** The device name written on the `@file` line. */
  deviceName: string;
  /** `<control>` elements read (valid ones; malformed ones are in `problems`). */
  controls: number;
  outputs: number;
  /** Mapping rows written. */
  rows: number;
  /** Controls (counting both halves of a 14-bit pair) that now trigger a Rekordbox function. */
  translated: number;
  /** Of those, script-bound controls that took the function of the same control on another deck. */
  fromOtherDeck: number;
  /** Controls kept in `NoFunction` rows for the user to assign. */
  needUser: number;
  /** Why, grouped: how many controls and a few examples (`[Channel1] PioneerDDJ400.shiftPressed`). */
  needUserReasons: { reason: NeedsUserReason; text: string; controls: number; examples: string[] }[];
  /** Controls in no row (their code is already another control's), with the reason. */
  skipped: { reason: SkippedReason; text: string; controls: number; examples: string[] }[];
  /** Outputs that became a row's MIDI OUT code. */
  lightsPlaced: number;
  /** One paragraph for people. */
  text: string;
}

/** `rekordboxMidi/importMixxx`'s answer (`ImportMixxxResult` in protocol/messages.ts). */
export interface MixxxImportResult {
  /** The new mapping, CRLF line endings as Rekordbox writes them. */
  csv: string;
  summary: MixxxImportSummary;
  /** Malformed XML, skipped controls, duplicate codes: each with the XML line when known. */
  problems: MixxxProblem[];
}

const REASON_TEXT: Record<NeedsUserReason, string> = {
  script: 'bound to a Mixxx script function (what it does is in the JavaScript file, not the mapping)',
  noEquivalent: 'no Rekordbox function does what this Mixxx control does',
};
const SKIPPED_TEXT: Record<SkippedReason, string> = {
  duplicate: 'same MIDI code as another control (Rekordbox gives a code one function; named in that row’s comment)',
};

const RELATIVE_OPTIONS = new Set(['spread64', 'selectknob', 'diff', 'rot64', 'rot64inv', 'rot64fast', 'hercjog']);

/** Factory section for each catalog tab, in the order factory files have them. */
const SECTION_OF_TAB: Record<string, string> = {
  BROWSE: 'Browser',
  DECK: 'Deck',
  MIXPOINTLINK: 'Deck',
  MIXER: 'Mixer',
  FX: 'Effect',
  PAD: 'Performance',
  SAMPLER: 'Sampler',
  OTHER: 'Others',
  VIDEO: 'Others',
  LIGHTING: 'Others',
};
const SECTION_ORDER = ['Browser', 'Deck', 'Mixer', 'Effect', 'Performance', 'Sampler', 'Others'];

/** One control after pairing: a 14-bit pair is one item. */
interface Item {
  control: MixxxControl;
  /** The LSB half of a 14-bit pair. */
  lsb?: MixxxControl;
  deck?: number;
  match?: MixxxMatch;
  /** For a script-bound control that took its function from another deck's twin. */
  twin?: MixxxControl;
  reason?: NeedsUserReason;
  /** Other controls on the same code, left out of the mapping. */
  alsoBound: MixxxControl[];
  type: string;
  order: number;
}

/** One row being built: items per deck (deck 0: a row without deck columns). */
interface RowDraft {
  functionName: string;
  type: string;
  section: string;
  items: Map<number, Item>;
  /** Output codes per deck (0: the base MIDI OUT). */
  lights: Map<number, number>;
  deckBound: boolean;
  order: number;
}

const code = (c: MixxxControl | MixxxOutput): number => (c.status << 8) | c.midino;
const kindOf = (status: number): number => status & 0xf0;
const isScript = (c: MixxxControl): boolean => c.options.includes('script-binding');
const isNote = (status: number): boolean => kindOf(status) === 0x90 || kindOf(status) === 0x80;
const describe = (c: MixxxControl): string => `${c.group} ${c.key}`;
/** The control's function from the control table; a script-bound control has none of its own. */
const translate = (c: MixxxControl): MixxxMatch | undefined => (isScript(c) ? undefined : matchMixxxControl(c.group, c.key));

export function convertMixxxXml(xml: string, options: { fileName?: string; catalog?: FunctionCatalog } = {}): MixxxImportResult {
  const preset = readMixxxXml(xml);
  return mixxxToRekordbox(preset, options);
}

export function mixxxToRekordbox(preset: MixxxPreset, options: { fileName?: string; catalog?: FunctionCatalog } = {}): MixxxImportResult {
  const catalog = options.catalog ?? defaultCatalog;
  const problems: MixxxProblem[] = [...preset.problems];
  const deviceName = cleanCell(preset.controllerId || preset.name || deviceNameFromFile(options.fileName) || 'Mixxx controller');
  const { kept, alsoBound, skipped } = keepOneControlPerCode(preset.controls, problems);
  const controls = preset.controls.filter(c => kept.has(c));
  const lsbOf = pairFourteenBitHalves(controls, problems);
  const items = translateControls(controls, lsbOf, alsoBound, problems);
  borrowTwinFunctions(items);
  const drafts = draftRows(items, catalog);
  const lightsPlaced = placeLights(preset.outputs, items, drafts);
  const csv = writeMapping(deviceName, drafts);
  const summary = summarize(preset, deviceName, items, skipped, drafts.length, lightsPlaced);
  summary.text = summaryText(summary, problems);
  return { csv, summary, problems };
}

/** 1. One control per code: the one that translates is kept, the others named in its row's comment. */
function keepOneControlPerCode(
  all: MixxxControl[],
  problems: MixxxProblem[],
): { kept: Set<MixxxControl>; alsoBound: Map<MixxxControl, MixxxControl[]>; skipped: MixxxControl[] } {
  const byCode = new Map<number, MixxxControl[]>();
  for (const c of all) {
    const list = byCode.get(code(c));
    if (list) list.push(c);
    else byCode.set(code(c), [c]);
  }
  const kept = new Set<MixxxControl>();
  const alsoBound = new Map<MixxxControl, MixxxControl[]>();
  const skipped: MixxxControl[] = [];
  for (const [value, list] of byCode) {
    const keeper = list.find(c => translate(c) !== undefined) ?? list[0];
    kept.add(keeper);
    const others = list.filter(c => c !== keeper);
    if (others.length === 0) continue;
    alsoBound.set(keeper, others);
    skipped.push(...others);
    problems.push({
      severity: 'warning',
      line: others[0].line,
      message:
        `Controls at lines ${list.map(c => c.line).join(', ')} all use ${hex(value >> 8)} ${hex(value & 0xff)} ` +
        `(${list.map(describe).join('; ')}): Rekordbox gives one code one function, so the row uses ${describe(keeper)} and names the others in its comment.`,
    });
  }
  return { kept, alsoBound, skipped };
}

/** 2. The LSB half of each 14-bit MSB control (files list the LSB before or after the MSB). */
function pairFourteenBitHalves(controls: MixxxControl[], problems: MixxxProblem[]): Map<MixxxControl, MixxxControl> {
  const lsbOf = new Map<MixxxControl, MixxxControl>();
  const lsbTaken = new Set<MixxxControl>();
  for (const c of controls) {
    let lsb: MixxxControl | undefined;
    if (c.options.includes('fourteen-bit-msb')) {
      const candidates = controls.filter(
        l => l !== c && !lsbTaken.has(l) && l.options.includes('fourteen-bit-lsb') && l.group === c.group && l.key === c.key && l.status === c.status,
      );
      lsb = candidates.find(l => l.midino === c.midino + 0x20) ?? candidates[0];
      if (!lsb) {
        problems.push({
          severity: 'warning',
          line: c.line,
          message: `${describe(c)} at line ${c.line} is a 14-bit MSB without its LSB control: converted as a 7-bit control.`,
        });
      } else if (lsb.midino !== c.midino + 0x20) {
        problems.push({
          severity: 'warning',
          line: lsb.line,
          message:
            `${describe(c)}: its LSB is on ${hex(lsb.midino)}, ` +
            `but Rekordbox reads a KnobSliderHiRes row's LSB on the MSB + 0x20 (${hex(c.midino + 0x20)}).`,
        });
      }
    } else if (isScript(c) && kindOf(c.status) === 0xb0 && c.midino < 0x20 && /msb$/i.test(c.key)) {
      // Scripts often take a fader's halves as two functions (…MSB, …LSB): one physical control.
      const stem = c.key.slice(0, -3).toLowerCase();
      lsb = controls.find(
        l =>
          l !== c &&
          !lsbTaken.has(l) &&
          isScript(l) &&
          l.group === c.group &&
          l.status === c.status &&
          l.midino === c.midino + 0x20 &&
          l.key.toLowerCase() === stem + 'lsb',
      );
    }
    if (!lsb) continue;
    lsbOf.set(c, lsb);
    lsbTaken.add(lsb);
  }
  return lsbOf;
}

/** The controls as items (a 14-bit pair is one), each with its function when the control table has one, in file order. */
function translateControls(
  controls: MixxxControl[],
  lsbOf: Map<MixxxControl, MixxxControl>,
  alsoBound: Map<MixxxControl, MixxxControl[]>,
  problems: MixxxProblem[],
): Item[] {
  const lsbTaken = new Set(lsbOf.values());
  const items: Item[] = [];
  for (const c of controls) {
    if (lsbTaken.has(c)) continue;
    const lsb = lsbOf.get(c);
    if (!lsb && c.options.includes('fourteen-bit-lsb')) {
      problems.push({
        severity: 'warning',
        line: c.line,
        message: `${describe(c)} at line ${c.line} is a 14-bit LSB without its MSB control: converted as a 7-bit control.`,
      });
    }
    const match = translate(c);
    items.push({
      control: c,
      lsb,
      deck: match?.deck ?? deckOfGroup(c.group),
      match,
      reason: match ? undefined : isScript(c) ? 'script' : 'noEquivalent',
      alsoBound: [...(alsoBound.get(c) ?? []), ...(lsb ? (alsoBound.get(lsb) ?? []) : [])],
      type: '',
      order: c.line,
    });
  }
  items.sort((a, b) => a.order - b.order);
  return items;
}

/** 3. Script-bound controls take the function of their twin on another deck. */
function borrowTwinFunctions(items: Item[]): void {
  for (const item of items) {
    if (item.match || item.reason !== 'script' || item.deck === undefined) continue;
    const c = item.control;
    const twins = items.filter(
      other =>
        other.match &&
        !other.twin &&
        !other.match.deckNamed &&
        other.deck !== undefined &&
        other.deck !== item.deck &&
        kindOf(other.control.status) === kindOf(c.status) &&
        other.control.status !== c.status &&
        other.control.midino === c.midino &&
        !!other.lsb === !!item.lsb &&
        groupTemplate(other.control.group) === groupTemplate(c.group) &&
        // When the other deck binds the same script function elsewhere, that is this control's twin.
        !items.some(s => s.deck === other.deck && s.control.key === c.key && groupTemplate(s.control.group) === groupTemplate(c.group)),
    );
    const names = new Set(twins.map(t => t.match!.functionName));
    if (twins.length === 0 || names.size !== 1) continue;
    item.match = { ...twins[0].match!, deck: item.deck };
    item.twin = twins[0].control;
  }
}

/** 4. Types, then rows: the same function on several decks folds into one row. */
function draftRows(items: Item[], catalog: FunctionCatalog): RowDraft[] {
  for (const item of items) item.type = chooseType(item, catalog);
  const drafts: RowDraft[] = [];
  const buckets = new Map<string, RowDraft[]>();
  for (const item of items) {
    const c = item.control;
    const fn = item.match?.functionName ?? 'NoFunction';
    const deckBound = item.deck !== undefined && !item.match?.deckNamed;
    const section = item.match ? (SECTION_OF_TAB[catalog.get(fn)?.tab ?? 'OTHER'] ?? 'Others') : sectionOfGroup(c.group);
    if (!deckBound) {
      drafts.push({ functionName: fn, type: item.type, section, items: new Map([[0, item]]), lights: new Map(), deckBound: false, order: item.order });
      continue;
    }
    // Untranslated controls fold only with the same Mixxx control of the other decks.
    const who = item.match ? fn : `${groupTemplate(c.group)} ${c.key}`;
    const key = `${who}|${item.type}|${kindOf(c.status)}|${c.midino}`;
    const rows = buckets.get(key) ?? [];
    let row = rows.find(r => !r.items.has(item.deck!));
    if (!row) {
      row = { functionName: fn, type: item.type, section, items: new Map(), lights: new Map(), deckBound: true, order: item.order };
      rows.push(row);
      buckets.set(key, rows);
      drafts.push(row);
    }
    row.items.set(item.deck!, item);
  }
  mergeSingleDeckRows(drafts);
  return drafts;
}

/** 5. Lights: each `<output>` gives the MIDI OUT code of a row whose function it lights. Returns how many were placed. */
function placeLights(outputs: MixxxOutput[], items: Item[], drafts: RowDraft[]): number {
  let lightsPlaced = 0;
  const inputCodes = new Set(items.map(i => code(i.control)));
  for (const output of outputs) {
    const match = matchMixxxLight(output.group, output.key);
    if (!match) continue;
    const deck = match.deckNamed ? 0 : (match.deck ?? deckOfGroup(output.group) ?? 0);
    const value = code(output);
    const candidates = drafts.filter(d => d.functionName === match.functionName && (d.deckBound ? d.items.has(deck) : deck === 0 || match.deckNamed));
    const slot = (d: RowDraft) => (d.deckBound ? deck : 0);
    // An LED on another control's code belongs to that control (Pioneer-style LEDs share the button's code).
    const ownedByOther = inputCodes.has(value) && !candidates.some(d => code(d.items.get(slot(d))!.control) === value);
    const target =
      candidates.find(d => !d.lights.has(slot(d)) && code(d.items.get(slot(d))!.control) === value) ??
      (ownedByOther ? undefined : candidates.find(d => !d.lights.has(slot(d))));
    if (!target) continue;
    target.lights.set(slot(target), value);
    lightsPlaced++;
  }
  return lightsPlaced;
}

/** 6. The mapping's text: factory sections in order, assigned rows before the `NoFunction` ones. */
function writeMapping(deviceName: string, drafts: RowDraft[]): string {
  const lines: string[] = [`@file,1,${deviceName}`, FACTORY_HEADER];
  const empty = ','.repeat(COLUMN_COUNT - 1);
  for (const section of SECTION_ORDER) {
    const inSection = drafts.filter(d => d.section === section).sort((a, b) => a.order - b.order);
    if (inSection.length === 0) continue;
    lines.push(empty, `# ${section}` + ','.repeat(COLUMN_COUNT - 1));
    const assigned = inSection.filter(d => d.functionName !== 'NoFunction');
    const open = inSection.filter(d => d.functionName === 'NoFunction');
    for (const d of assigned) lines.push(renderRow(d));
    if (assigned.length && open.length) lines.push(empty);
    for (const d of open) lines.push(renderRow(d));
  }
  return lines.join('\r\n') + '\r\n';
}

/** 7. The summary's counts (its text is written from them and the problems). */
function summarize(preset: MixxxPreset, deviceName: string, items: Item[], skipped: MixxxControl[], rows: number, lightsPlaced: number): MixxxImportSummary {
  const halves = (i: Item) => (i.lsb ? 2 : 1);
  const translatedItems = items.filter(i => i.match);
  const translated = translatedItems.reduce((n, i) => n + halves(i), 0);
  const fromOtherDeck = translatedItems.filter(i => i.twin).reduce((n, i) => n + halves(i), 0);
  const needUserReasons = (['script', 'noEquivalent'] as const)
    .map(reason => {
      const list = items.filter(i => !i.match && i.reason === reason);
      return { reason, text: REASON_TEXT[reason], controls: list.reduce((n, i) => n + halves(i), 0), examples: examples(list.map(i => describe(i.control))) };
    })
    .filter(r => r.controls > 0);
  const needUser = needUserReasons.reduce((n, r) => n + r.controls, 0);
  const skippedSummary = skipped.length
    ? [{ reason: 'duplicate' as const, text: SKIPPED_TEXT.duplicate, controls: skipped.length, examples: examples(skipped.map(describe)) }]
    : [];
  return {
    deviceName,
    controls: preset.controls.length,
    outputs: preset.outputs.length,
    rows,
    translated,
    fromOtherDeck,
    needUser,
    needUserReasons,
    skipped: skippedSummary,
    lightsPlaced,
    text: '',
  };
}

function examples(list: string[]): string[] {
  return [...new Set(list)].slice(0, 3);
}

function summaryText(s: MixxxImportSummary, problems: MixxxProblem[]): string {
  const plural = (n: number, one: string, many = one + 's') => `${n} ${n === 1 ? one : many}`;
  const parts = [
    `${s.deviceName}: ${plural(s.controls, 'Mixxx control')} → ${plural(s.rows, 'row')}.`,
    `${s.translated} became Rekordbox functions` +
      `${s.fromOtherDeck ? ` (${s.fromOtherDeck} of them script-bound, given the function of the same control on the other deck)` : ''}.`,
  ];
  if (s.needUser) {
    parts.push(`${s.needUser} need you to choose a function (NoFunction rows): ${s.needUserReasons.map(r => `${r.controls} ${r.text}`).join('; ')}.`);
  }
  for (const k of s.skipped) parts.push(`${plural(k.controls, 'control')} left out: ${k.text}.`);
  parts.push(`${s.lightsPlaced} of ${plural(s.outputs, 'Mixxx output')} became MIDI OUT codes.`);
  const errors = problems.filter(p => p.severity === 'error');
  if (errors.length) parts.push(`${plural(errors.length, 'error')} in the XML: ${errors[0].message}${errors.length > 1 ? ' …' : ''}`);
  return parts.join(' ');
}

/**
 * Options choose the type; the catalog's types for the function break ties (Mixxx binds encoders
 * like `MoveVertical` or `jog` without options when the key itself expects relative values).
 */
function chooseType(item: Item, catalog: FunctionCatalog): string {
  const c = item.control;
  if (item.lsb || c.options.includes('fourteen-bit-msb') || c.options.includes('fourteen-bit-lsb')) return item.lsb ? 'KnobSliderHiRes' : 'KnobSlider';
  const types = item.match ? (catalog.get(item.match.functionName)?.types ?? []) : [];
  const only = (t: string) => types.length > 0 && types.every(x => x === t);
  const relative = c.options.some(o => RELATIVE_OPTIONS.has(o));
  if (only('JogTouch') && isNote(c.status)) return 'JogTouch';
  if (relative) return types.includes('JogRotate') ? 'JogRotate' : 'Rotary';
  if (isNote(c.status)) {
    if (types.length === 0 || types.includes('Button')) return 'Button';
    if (types.includes('Pad')) return 'Pad';
    return 'Button';
  }
  if (kindOf(c.status) === 0xb0) {
    if (c.options.includes('button') || c.options.includes('switch')) return 'Button';
    if (types.includes('KnobSlider') || types.includes('KnobSliderHiRes')) return 'KnobSlider';
    for (const t of ['Rotary', 'JogRotate', 'Difference']) if (types.includes(t)) return t;
    if (types.includes('Button')) return 'Button';
  }
  return 'KnobSlider';
}

/**
 * One function on different numbers per deck (LOAD: `9646` deck 1, `9647` deck 2) is one row with
 * a full code per deck, as factory files write it.
 */
function mergeSingleDeckRows(drafts: RowDraft[]): void {
  const groups = new Map<string, RowDraft[]>();
  for (const d of drafts) {
    if (!d.deckBound || d.items.size !== 1) continue;
    const item = [...d.items.values()][0];
    const who = d.functionName === 'NoFunction' ? `${groupTemplate(item.control.group)} ${item.control.key}` : d.functionName;
    const key = `${who}|${d.type}`;
    const list = groups.get(key);
    if (list) list.push(d);
    else groups.set(key, [d]);
  }
  for (const list of groups.values()) {
    if (list.length < 2) continue;
    const decks = list.map(d => [...d.items.keys()][0]);
    if (new Set(decks).size !== decks.length) continue;
    const [first, ...rest] = list;
    for (const d of rest) {
      for (const [deck, item] of d.items) first.items.set(deck, item);
      drafts.splice(drafts.indexOf(d), 1);
    }
  }
}

function renderRow(d: RowDraft): string {
  const cells: string[] = new Array<string>(COLUMN_COUNT).fill('');
  cells[0] = d.functionName;
  cells[2] = d.type;
  const items = [...d.items.entries()].sort((a, b) => a[0] - b[0]);
  if (!d.deckBound) {
    cells[3] = formatCode(code(items[0][1].control));
    const light = d.lights.get(0);
    if (light !== undefined) cells[8] = formatCode(light);
  } else {
    writeDecks(cells, 3, new Map(items.map(([deck, item]) => [deck, code(item.control)])));
    if (d.lights.size) writeDecks(cells, 8, d.lights);
  }
  cells[14] = comment(d, items.map(([, item]) => item));
  return cells.join(',');
}

/** Base code on channel 0 plus deck channels when every deck has the same message and number; else full codes. */
function writeDecks(cells: string[], baseColumn: number, codes: Map<number, number>): void {
  const values = [...codes.values()];
  const shared = values.every(v => (v & 0xf0ff) === (values[0] & 0xf0ff));
  if (shared) cells[baseColumn] = formatCode(values[0] & 0xf0ff);
  for (const [deck, value] of codes) cells[baseColumn + deck] = shared ? String((value >> 8) & 0x0f) : formatCode(value);
}

function comment(d: RowDraft, items: Item[]): string {
  const first = items[0];
  const c = first.control;
  const groups = [...new Set(items.map(i => i.control.group))];
  const keys = [...new Set(items.map(i => i.control.key))];
  const where = `${groups.join('/')} ${keys.join('/')}`;
  const notes: string[] = [];
  if (d.functionName === 'NoFunction') {
    notes.push(first.reason === 'script' ? `Mixxx script ${where}` : `Mixxx ${where} (no Rekordbox equivalent)`);
  } else {
    notes.push(`Mixxx ${where}`);
    for (const i of items) if (i.twin) notes.push(`${i.control.group} is a script (${i.control.key}): function taken from ${i.twin.group} ${i.twin.key}`);
  }
  if (c.description) notes.push(c.description);
  const others = items.flatMap(i => i.alsoBound);
  if (others.length) notes.push(`also bound in Mixxx: ${others.map(describe).join('/')}`);
  return cleanCell(notes.join(' - '));
}

/** A cell Rekordbox reads as one field: no commas or quotes, ASCII, one line. */
function cleanCell(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[,]/g, ';')
    .replace(/"/g, "'")
    .replace(/[^\x20-\x7e]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function sectionOfGroup(group: string): string {
  if (/^\[(Library|Playlist|AutoDJ|PreviewDeck\d*)\]$/.test(group)) return 'Browser';
  if (/^\[(Master|Main|Mixer|Headphone|Microphone\d*|Auxiliary\d*)\]$/.test(group) || group.startsWith('[EqualizerRack')) return 'Mixer';
  if (group.startsWith('[EffectRack') || group.startsWith('[QuickEffectRack')) return 'Effect';
  if (/^\[Sampler\d+\]$/.test(group)) return 'Sampler';
  if (/^\[Channel\d+\]$/.test(group)) return 'Deck';
  return 'Others';
}

function deviceNameFromFile(fileName: string | undefined): string | undefined {
  if (!fileName) return undefined;
  const base = fileName.split(/[\\/]/).pop() ?? '';
  return base.replace(/\.midi\.xml$/i, '').replace(/\.xml$/i, '') || undefined;
}
