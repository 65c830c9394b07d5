/**
 * The function families, as found in the real names (test/fixtures/corpus) — input of
 * scripts/generateCatalog.ts, which checks each one against the names and writes the result into
 * functions.json. Rules the generator enforces, so a family never invents names:
 * - every choice value is seen in at least one member a Rekordbox-written file uses;
 * - every range's ends are seen, unless the range says why it is wider (`widenedBecause`);
 * - `values: 'seen'` collects the values from the names seen in Rekordbox-written files;
 * - every family has a member seen in a Rekordbox-written file, and no name fits two families.
 * Only the generator reads this file; the server reads the families from functions.json.
 */
import type { ChoicePart, RangePart } from '../functionFamilies';

export interface RangeSpec extends RangePart {
  /** Why the range is wider than the members seen (the generator then skips its check of the ends). */
  widenedBecause?: string;
}

export interface ChoiceSpec extends Omit<ChoicePart, 'values'> {
  /** The values, or 'seen': every value the Rekordbox-written names show at this place. */
  values: string[] | 'seen';
}

export interface FamilySpec {
  parts: (string | RangeSpec | ChoiceSpec)[];
  /** Template: `{key}`, `{key.label}`, `{key?text}` (see FamilyData.description). */
  description: string;
  /** The pattern people read, when the generated one reads badly (`BeatLoop1_64..BeatLoop512`). */
  id?: string;
}

/** Pads 1–16: every pad family, though some were seen with pads 1–8 only. */
const pad: RangeSpec = {
  key: 'pad',
  from: 1,
  to: 16,
  noun: 'pads',
  widenedBecause:
    'Rekordbox’s own files number pads 1–16 in every pad mode: PAD1..16_PadMode1..8 (DDJ-FLX10, all eight modes), ' +
    'PAD1..16_PadFx1 and PAD5..12_BeatLoop (DDJ-GRV6); 8-pad controllers use 1–8',
};
const shift: ChoiceSpec = { key: 'shift', values: ['', '+Shift'], noun: 'modifiers' };
const unit: RangeSpec = { key: 'unit', from: 1, to: 2, noun: 'FX units' };
const slot: RangeSpec = { key: 'slot', from: 1, to: 3, noun: 'FX slots' };
const side: ChoiceSpec = { key: 'side', values: ['Left', 'Right'], noun: 'sides' };
/** Pad modes 1–8 as the DDJ-FLX10 factory file's comments name them (PadMode1..8 rows). */
const padMode: RangeSpec = {
  key: 'mode',
  from: 1,
  to: 8,
  noun: 'pad modes',
  labels: {
    '1': 'HOT CUE',
    '2': 'PAD FX1',
    '3': 'BEAT JUMP',
    '4': 'SAMPLER',
    '5': 'KEYBOARD',
    '6': 'PAD FX2',
    '7': 'BEAT LOOP',
    '8': 'KEY SHIFT',
  },
};
const part3: ChoiceSpec = { key: 'part', values: ['Drums', 'Inst', 'Vocal'], noun: 'stem parts' };

export const FAMILY_SPECS: FamilySpec[] = [
  // ---- Pads: PAD<n>_<mode>, one family per mode (each keeps the modifiers seen with it) ----
  {
    parts: ['PAD', pad, '_PadMode', padMode, shift],
    description: 'Pad {pad} in pad mode {mode} ({mode.label} on the DDJ-FLX10){shift? with SHIFT held}',
  },
  {
    parts: ['PAD', pad, '_HotCue', shift],
    description: 'Pad {pad} in HOT CUE mode: set or call hot cue {pad}{shift?; with SHIFT: delete it}',
  },
  { parts: ['PAD', pad, '_BeatJump', shift], description: 'Pad {pad} in BEAT JUMP mode{shift? with SHIFT held}' },
  { parts: ['PAD', pad, '_BeatLoop'], description: 'Pad {pad} in BEAT LOOP mode: a beat loop' },
  { parts: ['PAD', pad, '_KeyShift'], description: 'Pad {pad} in KEY SHIFT mode: shift the key' },
  { parts: ['PAD', pad, '_Keyboard', shift], description: 'Pad {pad} in KEYBOARD mode: play the hot cue at a pitch{shift? (with SHIFT held)}' },
  {
    parts: ['PAD', pad, '_PadFx', { key: 'fx', from: 1, to: 2, noun: 'PAD FX modes' }, shift],
    description: 'Pad {pad} in PAD FX{fx} mode: effect slot {pad}, momentary{shift? (with SHIFT held)}',
  },
  { parts: ['PAD', pad, '_SampleScratch', shift], description: 'Pad {pad} in SAMPLE SCRATCH mode{shift? with SHIFT held}' },
  { parts: ['PAD', pad, '_Sampler', shift], description: 'Pad {pad} in SAMPLER mode: play a sampler slot{shift?; with SHIFT: stop it}' },
  { parts: ['PAD', pad, '_Slicer', shift], description: 'Pad {pad} in SLICER mode: play slice {pad}{shift? (with SHIFT held)}' },
  { parts: ['PAD', pad, '_SlicerLoop', shift], description: 'Pad {pad} in SLICER LOOP mode{shift? (with SHIFT held)}' },
  {
    parts: [
      'PAD',
      pad,
      '_VelocitySampler',
      {
        key: 'mod',
        values: ['', '+Shift', '+Velocity'],
        noun: 'modifiers',
        labels: { '+Shift': ': stop the sampler slot', '+Velocity': ': the slot level from the pad velocity (a Value row)' },
      },
    ],
    description: 'Pad {pad} in VELOCITY SAMPLER mode{mod.label}',
  },
  {
    parts: ['Parameter', { key: 'page', from: 1, to: 2, noun: 'parameter buttons' }, side, '_', { key: 'mode', values: 'seen', noun: 'pad modes' }],
    description: 'Parameter button {page} ({side}) of the {mode} pad mode: changes its page, bank or range',
  },
  { parts: ['PadMode', padMode], description: 'Pad mode {mode} button ({mode.label} on the DDJ-FLX10)' },
  { parts: ['Page', side, '_PadMode', padMode], description: 'Page {side} in pad mode {mode} ({mode.label} on the DDJ-FLX10)' },
  { parts: ['Permission_PadMode', padMode], description: 'Controller state: whether pad mode {mode} may change page (read-only)' },
  { parts: ['PadFx', { key: 'fx', from: 1, to: 2, noun: 'PAD FX modes' }], description: 'PAD FX{fx} mode on/off' },

  // ---- Loops and drum functions ----
  {
    id: 'BeatLoop1_64..BeatLoop512',
    parts: [
      'BeatLoop',
      {
        key: 'size',
        values: ['1_64', '1_32', '1_16', '1_8', '1_4', '1_2', '1', '2', '4', '8', '16', '32', '64', '128', '256', '512'],
        noun: 'loop sizes',
        labels: { '1_64': '1/64', '1_32': '1/32', '1_16': '1/16', '1_8': '1/8', '1_4': '1/4', '1_2': '1/2' },
      },
    ],
    description: 'Beat loop of {size.label} beat(s)',
  },
  {
    parts: ['Jump', { key: 'beats', values: ['4', '16'], noun: 'jump sizes' }, { key: 'dir', values: ['Fwd', 'Prev'], noun: 'directions' }],
    description: '{beats}-beat jump ({dir})',
  },
  {
    parts: [
      'Drum',
      { key: 'fx', values: ['Roll', 'Trans'], noun: 'drum effects' },
      { key: 'div', values: ['1_8', '1_4', '1_2', '1'], noun: 'beat divisions', labels: { '1_8': '1/8', '1_4': '1/4', '1_2': '1/2' } },
    ],
    description: 'Drum {fx} at {div.label} beat',
  },
  { parts: ['DrumSwap', { key: 'n', from: 1, to: 4, noun: 'drum swap slots' }], description: 'Play / stop drum swap {n}' },

  // ---- Beat FX units ----
  { parts: ['FX', unit, '-', slot], description: 'FX{unit}-{slot} effect depth' },
  { parts: ['FX', unit, '-', slot, 'On'], description: 'FX{unit}-{slot} effect on/off' },
  { parts: ['FX', unit, '-', slot, 'Select'], description: 'FX{unit}-{slot} effect select' },
  { parts: ['FX1-1Select.', { key: 'effect', values: 'seen', noun: 'effects' }], description: 'Select the {effect} effect for FX1-1' },
  { parts: ['Fx', unit, '-', slot, '_BeatTarget'], description: 'FX{unit}-{slot} beat target' },
  { parts: ['DDJFX1-', slot, 'State'], description: 'Controller state: Beat FX1-{slot} on/off (read-only)' },
  { parts: ['FX', unit, 'Assign', { key: 'ch', from: 1, to: 4, noun: 'channels' }], description: 'Assign FX{unit} to channel {ch}' },
  {
    parts: ['FX', unit, 'Assign.', { key: 'target', values: ['CH1', 'CH2', 'CH3', 'CH4', 'MASTER', 'MIC', 'SAMPLER'], noun: 'FX assign targets' }],
    description: 'Assign FX{unit} to {target}',
  },
  {
    parts: [
      'FX',
      unit,
      {
        key: 'op',
        values: ['AutoBeat', 'BeatDown', 'BeatMultiplier', 'BeatUp', 'BeatUpDown', 'FXMode', 'ReleaseFXOn', 'ReleaseFXType', 'TapBeat', 'TapBeatWithLongPress'],
        noun: 'FX unit controls',
      },
    ],
    description: 'FX{unit} {op}',
  },
  {
    parts: ['MFX', unit, { key: 'op', values: ['', 'Abort', 'Illumi', 'On', 'SelectDown', 'SelectUp'], noun: 'merge FX controls' }],
    description: 'Merge FX {unit}{op? }{op}',
  },
  { parts: ['MFX', unit, 'Illumi.PRESET', { key: 'preset', from: 1, to: 4, noun: 'presets' }], description: 'Merge FX {unit} preset {preset} light' },

  // ---- Sound Color FX, mixer, stems ----
  {
    parts: [
      'CFX',
      {
        key: 'n',
        from: 1,
        to: 6,
        noun: 'Sound Color FX buttons',
        labels: { '1': 'SPACE', '2': 'D-ECHO', '3': 'CRUSH', '4': 'PITCH', '5': 'NOISE', '6': 'FILTER' },
      },
      'On',
    ],
    description: 'Sound Color FX {n} ({n.label} on the DDJ-FLX10) on/off',
  },
  {
    parts: ['CFXParameterCH', { key: 'ch', from: 1, to: 4, noun: 'channels' }, { key: 'center', values: ['', 'Center'], noun: 'suffixes' }],
    description: 'Channel {ch} Sound Color FX depth{center? (centre position)}',
  },
  { parts: ['EQ', { key: 'band', values: ['High', 'Mid', 'Low'], noun: 'EQ bands' }], description: 'EQ {band}' },
  { parts: ['ActivePart', { key: 'part', values: ['Bass', 'Drums', 'Inst', 'Vocal'], noun: 'stem parts' }], description: 'Stem {part}: active part on/off' },
  { parts: ['ActivePartButton', part3], description: 'Stem {part}: active part button' },
  { parts: ['PartIsolator', part3], description: 'Part isolator: {part} level' },
  { parts: [part3, 'PartInstDoubles'], description: '{part} part instant doubles' },
  { parts: ['FXPartSelect', part3], description: 'FX part select: {part} on/off' },
  { parts: ['FXPartSelect', { key: 'part', values: ['Bass', 'Drums', 'Inst', 'Vocal'], noun: 'stem parts' }, 'On'], description: 'FX part select: {part}' },
  { parts: ['CrossfaderAssign.', { key: 'to', values: ['A', 'B', 'Thru'], noun: 'crossfader assignments' }], description: 'Crossfader assign: {to}' },
  {
    parts: [
      'CrossFaderStart',
      { key: 'action', values: ['Cue', 'Play'], noun: 'fader start actions' },
      '.',
      { key: 'side', values: ['A', 'B'], noun: 'crossfader sides' },
    ],
    description: 'Crossfader start ({action}) on side {side}',
  },
  { parts: ['InputSelect.', { key: 'input', values: 'seen', noun: 'inputs' }], description: 'Select the channel input: {input}' },

  // ---- Browser ----
  { parts: ['Sort', { key: 'key', values: 'seen', noun: 'sort keys' }], description: 'Sort the track list by {key}' },
];
