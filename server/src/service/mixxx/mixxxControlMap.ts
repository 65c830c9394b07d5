/**
 * Which Mixxx control does what which Rekordbox function does — as data, one entry per pair, with
 * the reason (docs/mixxx.md explains each). Only pairs whose effect truly matches are listed; every
 * Rekordbox name is one the function catalog knows (a unit test checks each).
 *
 * Templates: `{deck}` is a deck 1–4 (`[Channel{deck}]`), `{n}` a hot cue or pad 1–16, `{unit}` an
 * effect unit 1–2, `{slot}` an effect slot 1–3, `{size}` a beat-loop size (Mixxx `0.25` ↔ Rekordbox
 * `1_4`). A function template with `{deck}` names the deck itself (`CFXParameterCH{deck}`): such rows
 * are never folded across decks. A group may list alternatives with `|` (Mixxx 2.4 renamed `[Master]`
 * to `[Main]`); the first is written on the way back. When several entries give one function, the
 * first is the one written on the way back.
 */

export interface ControlMapEntry {
  group: string;
  key: string;
  function: string;
  /** Mixxx `<output>` keys that light this control (its LED). */
  lights?: string[];
  why: string;
}

export const CONTROL_MAP: readonly ControlMapEntry[] = [
  // ---- Deck: transport
  {
    group: '[Channel{deck}]', key: 'play', function: 'PlayPause', lights: ['play_indicator', 'play'],
    why: 'play toggles playback on a button, as PLAY/PAUSE does.',
  },
  {
    group: '[Channel{deck}]', key: 'cue_default', function: 'Cue', lights: ['cue_indicator'],
    why: "cue_default is the deck's CUE button in the mixer's cue mode: set, call, back-cue.",
  },
  { group: '[Channel{deck}]', key: 'start', function: 'JumpToTrackStart', why: 'start jumps to the beginning of the track.' },
  {
    group: '[Channel{deck}]', key: 'start_play', function: 'JumpToTrackStart',
    why: 'start_play jumps to the beginning and plays; Rekordbox jumps and keeps the play state (the same button, SHIFT+CUE, on Pioneer controllers).',
  },
  {
    group: '[Channel{deck}]', key: 'start_stop', function: 'JumpToTrackStart',
    why: 'start_stop jumps to the beginning and stops; Rekordbox jumps and keeps the play state (the same SHIFT+CUE button).',
  },
  { group: '[Channel{deck}]', key: 'sync_enabled', function: 'Sync', lights: ['sync_enabled'], why: 'sync_enabled turns sync on and off, as SYNC does.' },
  { group: '[Channel{deck}]', key: 'beatsync', function: 'Sync', why: 'beatsync syncs once; Rekordbox SYNC turns sync on (the same button).' },
  {
    group: '[Channel{deck}]', key: 'sync_leader', function: 'Master', lights: ['sync_leader'],
    why: 'sync_leader makes the deck the sync leader: Rekordbox calls it MASTER.',
  },
  { group: '[Channel{deck}]', key: 'sync_master', function: 'Master', lights: ['sync_master'], why: 'sync_master is the older name of sync_leader.' },
  {
    group: '[Channel{deck}]', key: 'keylock', function: 'MasterTempo', lights: ['keylock'],
    why: 'keylock keeps the key when the tempo changes: Rekordbox calls it MASTER TEMPO.',
  },
  { group: '[Channel{deck}]', key: 'sync_key', function: 'KeySync', why: "sync_key matches the key to the other deck's, as KEY SYNC does." },
  { group: '[Channel{deck}]', key: 'reset_key', function: 'KeyReset', why: 'reset_key returns to the original key.' },
  { group: '[Channel{deck}]', key: 'pitch_up', function: 'SemitoneUp', why: 'pitch_up raises the key by a semitone.' },
  { group: '[Channel{deck}]', key: 'pitch_down', function: 'SemitoneDown', why: 'pitch_down lowers the key by a semitone.' },
  { group: '[Channel{deck}]', key: 'bpm_tap', function: 'TapBpm', why: 'bpm_tap sets the BPM from taps.' },
  { group: '[Channel{deck}]', key: 'quantize', function: 'Quantize', lights: ['quantize'], why: 'quantize turns quantize on and off.' },
  { group: '[Channel{deck}]', key: 'slip_enabled', function: 'Slip', lights: ['slip_enabled'], why: 'slip_enabled turns slip mode on and off.' },
  { group: '[Channel{deck}]', key: 'reverse', function: 'Reverse', lights: ['reverse'], why: 'reverse plays backwards while on.' },
  {
    group: '[Channel{deck}]', key: 'reverseroll', function: 'SlipReverse', lights: ['reverseroll'],
    why: 'reverseroll plays backwards in slip mode while held: SLIP REVERSE.',
  },
  { group: '[Channel{deck}]', key: 'back', function: 'SearchRev', why: 'back searches backwards while held.' },
  { group: '[Channel{deck}]', key: 'fwd', function: 'SearchFwd', why: 'fwd searches forwards while held.' },
  // ---- Deck: tempo
  { group: '[Channel{deck}]', key: 'rate', function: 'TempoSlider', why: 'rate is the tempo fader.' },
  { group: '[Channel{deck}]', key: 'rate_perm_up', function: 'TempoUp', why: 'rate_perm_up raises the tempo by a step.' },
  { group: '[Channel{deck}]', key: 'rate_perm_down', function: 'TempoDown', why: 'rate_perm_down lowers the tempo by a step.' },
  { group: '[Channel{deck}]', key: 'rate_temp_up', function: 'PitchBendUp', why: 'rate_temp_up speeds up while held: a pitch bend.' },
  { group: '[Channel{deck}]', key: 'rate_temp_down', function: 'PitchBendDown', why: 'rate_temp_down slows down while held: a pitch bend.' },
  // ---- Deck: jog
  {
    group: '[Channel{deck}]', key: 'jog', function: 'JogPitchBend',
    why: 'jog nudges the playback speed (pitch bend), as the jog wheel does with vinyl mode off.',
  },
  { group: '[Channel{deck}]', key: 'scratch2', function: 'JogScratch', why: 'scratch2 moves the track with the platter: scratching.' },
  { group: '[Channel{deck}]', key: 'scratch2_enable', function: 'JogTouch', why: 'scratch2_enable is set while the platter is touched: the jog touch sensor.' },
  // ---- Deck: loops
  { group: '[Channel{deck}]', key: 'loop_in', function: 'LoopIn', why: 'loop_in sets the loop start.' },
  { group: '[Channel{deck}]', key: 'loop_out', function: 'LoopOut', why: 'loop_out sets the loop end.' },
  {
    group: '[Channel{deck}]', key: 'reloop_toggle', function: 'ReloopExit', lights: ['loop_enabled'],
    why: 'reloop_toggle re-enters the last loop or exits the active one: RELOOP/EXIT.',
  },
  { group: '[Channel{deck}]', key: 'reloop_exit', function: 'ReloopExit', why: 'reloop_exit is the older name of reloop_toggle.' },
  { group: '[Channel{deck}]', key: 'loop_halve', function: 'LoopHalf', why: 'loop_halve halves the loop.' },
  { group: '[Channel{deck}]', key: 'loop_double', function: 'LoopDouble', why: 'loop_double doubles the loop.' },
  {
    group: '[Channel{deck}]', key: 'beatloop_{size}_toggle', function: 'BeatLoop{size}', lights: ['beatloop_{size}_enabled'],
    why: 'a beat loop of that many beats, on and off.',
  },
  {
    group: '[Channel{deck}]', key: 'beatloop_{size}_activate', function: 'BeatLoop{size}', lights: ['beatloop_{size}_enabled'],
    why: 'a beat loop of that many beats.',
  },
  { group: '[Channel{deck}]', key: 'beatjump_4_forward', function: 'Jump4Fwd', why: 'jumps 4 beats forward.' },
  { group: '[Channel{deck}]', key: 'beatjump_4_backward', function: 'Jump4Prev', why: 'jumps 4 beats back.' },
  { group: '[Channel{deck}]', key: 'beatjump_16_forward', function: 'Jump16Fwd', why: 'jumps 16 beats forward.' },
  { group: '[Channel{deck}]', key: 'beatjump_16_backward', function: 'Jump16Prev', why: 'jumps 16 beats back.' },
  // ---- Pads: hot cues
  {
    group: '[Channel{deck}]', key: 'hotcue_{n}_activate', function: 'PAD{n}_HotCue', lights: ['hotcue_{n}_enabled', 'hotcue_{n}_status'],
    why: 'hot cue n: set it, or jump to it once set — a pad in HOT CUE mode.',
  },
  { group: '[Channel{deck}]', key: 'hotcue_{n}_clear', function: 'PAD{n}_HotCue+Shift', why: 'deletes hot cue n: the pad with SHIFT in HOT CUE mode.' },
  // ---- Browser
  { group: '[Library]', key: 'MoveVertical', function: 'Browse', why: 'MoveVertical scrolls the library list: the BROWSE encoder.' },
  { group: '[Playlist]', key: 'SelectTrackKnob', function: 'Browse', why: 'SelectTrackKnob (before Mixxx 2.4) scrolls the track list.' },
  { group: '[Channel{deck}]', key: 'LoadSelectedTrack', function: 'Load', lights: ['track_loaded'], why: 'loads the selected track into the deck: LOAD.' },
  // ---- Mixer
  { group: '[Channel{deck}]', key: 'volume', function: 'ChannelFader', why: 'volume is the channel fader.' },
  { group: '[Channel{deck}]', key: 'pregain', function: 'Gain', why: 'pregain is the channel TRIM (gain).' },
  { group: '[EqualizerRack1_[Channel{deck}]_Effect1]', key: 'parameter3', function: 'EQHigh', why: "the deck equalizer's third parameter is HI." },
  { group: '[EqualizerRack1_[Channel{deck}]_Effect1]', key: 'parameter2', function: 'EQMid', why: "the deck equalizer's second parameter is MID." },
  { group: '[EqualizerRack1_[Channel{deck}]_Effect1]', key: 'parameter1', function: 'EQLow', why: "the deck equalizer's first parameter is LOW." },
  { group: '[Channel{deck}]', key: 'pfl', function: 'HeadphoneCue', lights: ['pfl'], why: 'pfl sends the channel to the headphones: headphone CUE.' },
  { group: '[Master]|[Main]', key: 'crossfader', function: 'CrossFader', why: 'the crossfader.' },
  { group: '[Master]|[Main]', key: 'headMix', function: 'HeadphonesMix', why: 'headMix blends cue and master in the headphones.' },
  { group: '[Master]|[Main]', key: 'headGain', function: 'HeadphonesVolume', why: 'headGain is the headphone level.' },
  { group: '[Master]|[Main]', key: 'gain', function: 'MasterLevel', why: 'the master output level.' },
  // ---- Sound colour FX and effects
  {
    group: '[QuickEffectRack1_[Channel{deck}]]', key: 'super1', function: 'CFXParameterCH{deck}',
    why: "the deck's quick effect (a filter by default) knob: the channel's COLOR FX knob; Rekordbox names the channel in the function.",
  },
  {
    group: '[EffectRack1_EffectUnit{unit}_Effect{slot}]', key: 'enabled', function: 'FX{unit}-{slot}On', lights: ['enabled'],
    why: 'turns effect slot m of unit u on and off.',
  },
  { group: '[EffectRack1_EffectUnit{unit}_Effect{slot}]', key: 'meta', function: 'FX{unit}-{slot}', why: "the effect slot's metaknob: its depth." },
  {
    group: '[EffectRack1_EffectUnit{unit}]', key: 'group_[Channel{deck}]_enable', function: 'FX{unit}Assign.CH{deck}',
    why: 'assigns effect unit u to channel n.',
  },
];

/** Beat-loop sizes: Mixxx writes beats as a number, Rekordbox as a fraction with `_`. */
export const LOOP_SIZES: readonly (readonly [mixxx: string, rekordbox: string])[] = [
  ['0.03125', '1_32'],
  ['0.0625', '1_16'],
  ['0.125', '1_8'],
  ['0.25', '1_4'],
  ['0.5', '1_2'],
  ['1', '1'],
  ['2', '2'],
  ['4', '4'],
  ['8', '8'],
  ['16', '16'],
  ['32', '32'],
  ['64', '64'],
  ['128', '128'],
  ['256', '256'],
  ['512', '512'],
];

type Placeholder = 'deck' | 'n' | 'unit' | 'slot' | 'size';

const RANGES: Record<Exclude<Placeholder, 'size'>, [number, number]> = { deck: [1, 4], n: [1, 16], unit: [1, 2], slot: [1, 3] };

/** What a placeholder may be in Mixxx's text and in Rekordbox's. */
function placeholderPattern(name: Placeholder, side: 'mixxx' | 'rekordbox'): string {
  if (name === 'size') return `(?<size>${LOOP_SIZES.map(s => (side === 'mixxx' ? s[0] : s[1]).replace('.', '\\.')).join('|')})`;
  return `(?<${name}>[1-9][0-9]?)`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function templateRegExp(template: string, side: 'mixxx' | 'rekordbox'): string {
  return template
    .split(/(\{(?:deck|n|unit|slot|size)\})/)
    .map(part => {
      const m = /^\{(\w+)\}$/.exec(part);
      return m ? placeholderPattern(m[1] as Placeholder, side) : escapeRegExp(part);
    })
    .join('');
}

/** Fills a template's placeholders with values read on the other side (sizes converted). */
function fill(template: string, values: Record<string, string>, side: 'mixxx' | 'rekordbox'): string {
  return template.replace(/\{(deck|n|unit|slot|size)\}/g, (_m, name: Placeholder) => {
    const value = values[name];
    if (name !== 'size') return value;
    const pair = LOOP_SIZES.find(s => s[side === 'mixxx' ? 1 : 0] === value);
    return pair ? pair[side === 'mixxx' ? 0 : 1] : value;
  });
}

function inRange(values: Record<string, string>): boolean {
  for (const [name, value] of Object.entries(values)) {
    if (name === 'size' || value === undefined) continue;
    const [from, to] = RANGES[name as Exclude<Placeholder, 'size'>];
    const n = Number(value);
    if (!(n >= from && n <= to)) return false;
  }
  return true;
}

interface CompiledEntry {
  entry: ControlMapEntry;
  /** Matches `group key` on the Mixxx side, one regexp per group alternative. */
  mixxx: RegExp[];
  lights: RegExp[][];
  /** Matches the Rekordbox function. */
  rekordbox: RegExp;
}

let compiled: CompiledEntry[] | undefined;

function entries(): CompiledEntry[] {
  return (compiled ??= CONTROL_MAP.map(entry => {
    const groups = entry.group.split('|');
    const both = (key: string) => groups.map(g => new RegExp(`^${templateRegExp(g, 'mixxx')} ${templateRegExp(key, 'mixxx')}$`));
    return {
      entry,
      mixxx: both(entry.key),
      lights: (entry.lights ?? []).map(both),
      rekordbox: new RegExp(`^${templateRegExp(entry.function, 'rekordbox')}$`),
    };
  }));
}

export interface MixxxMatch {
  /** The Rekordbox function. */
  functionName: string;
  /** The deck the group or key names (1–4), if any. */
  deck?: number;
  /** True when the function itself names the deck (`CFXParameterCH1`): one row per deck. */
  deckNamed: boolean;
  entry: ControlMapEntry;
}

function matchWith(group: string, key: string, pick: (c: CompiledEntry) => RegExp[][]): MixxxMatch | undefined {
  const text = `${group} ${key}`;
  for (const c of entries()) {
    for (const alternatives of pick(c)) {
      for (const re of alternatives) {
        const m = re.exec(text);
        if (!m) continue;
        const values = { ...(m.groups ?? {}) };
        if (!inRange(values)) continue;
        const deck = values.deck !== undefined ? Number(values.deck) : undefined;
        return { functionName: fill(c.entry.function, values, 'rekordbox'), deck, deckNamed: c.entry.function.includes('{deck}'), entry: c.entry };
      }
    }
  }
  return undefined;
}

/** The Rekordbox function a Mixxx control (group and key) does, if one truly matches. */
export function matchMixxxControl(group: string, key: string): MixxxMatch | undefined {
  return matchWith(group, key, c => [c.mixxx]);
}

/** The Rekordbox function whose light a Mixxx output (group and key) is. */
export function matchMixxxLight(group: string, key: string): MixxxMatch | undefined {
  return matchWith(group, key, c => c.lights);
}

/** The deck a Mixxx group names (`[Channel2]`, `[EqualizerRack1_[Channel2]_Effect1]` → 2), 1–4. */
export function deckOfGroup(group: string): number | undefined {
  const m = /\[Channel([1-4])\]/.exec(group);
  return m ? Number(m[1]) : undefined;
}

/** The group with its deck made a placeholder, to tell the same control of two decks. */
export function groupTemplate(group: string): string {
  return group.replace(/\[Channel[1-4]\]/, '[Channel{deck}]');
}

export interface MixxxTarget {
  group: string;
  key: string;
  /** The output key for its light, when Mixxx has one. */
  light?: string;
  entry: ControlMapEntry;
}

/**
 * The way back: the Mixxx control for a Rekordbox function on a deck (1–4; 0 when the row has no
 * deck columns). The first entry giving the function wins.
 */
export function mixxxControlFor(functionName: string, deck: number): MixxxTarget | undefined {
  for (const c of entries()) {
    const m = c.rekordbox.exec(functionName);
    if (!m) continue;
    const values: Record<string, string> = { ...(m.groups ?? {}) };
    const needsDeck = `${c.entry.group} ${c.entry.key}`.includes('{deck}');
    if (needsDeck && values.deck === undefined) {
      if (deck < 1 || deck > 4) continue;
      values.deck = String(deck);
    }
    if (!inRange(values)) continue;
    const group = fill(c.entry.group.split('|')[0], values, 'mixxx');
    const key = fill(c.entry.key, values, 'mixxx');
    const light = c.entry.lights?.[0] !== undefined ? fill(c.entry.lights[0], values, 'mixxx') : undefined;
    return { group, key, ...(light ? { light } : {}), entry: c.entry };
  }
  return undefined;
}

/** Every Rekordbox function the table can produce (placeholders expanded), for tests and docs. */
export function mappedFunctionNames(): string[] {
  const names = new Set<string>();
  for (const { function: template } of CONTROL_MAP) {
    let variants = [template];
    for (const name of ['deck', 'n', 'unit', 'slot'] as const) {
      if (!template.includes(`{${name}}`)) continue;
      const [from, to] = RANGES[name];
      variants = variants.flatMap(v => Array.from({ length: to - from + 1 }, (_, i) => v.split(`{${name}}`).join(String(from + i))));
    }
    if (template.includes('{size}')) variants = variants.flatMap(v => LOOP_SIZES.map(s => v.split('{size}').join(s[1])));
    for (const v of variants) names.add(v);
  }
  return [...names];
}
