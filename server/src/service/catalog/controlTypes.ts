/** Control types (column 2), with what the evidence says of each (docs/format.md#types-unknown-type). */

export interface ControlTypeInfo {
  name: string;
  description: string;
  /** `files`: seen in real mapping files; `roundTrip`: reported to survive an IMPORT/EXPORT round trip. */
  evidence: 'files' | 'roundTrip';
  /** Rows of this type only send (lights, parameters): they never receive, so they cannot collide on MIDI IN. */
  outputOnly: boolean;
}

const t = (name: string, evidence: ControlTypeInfo['evidence'], outputOnly: boolean, description: string): ControlTypeInfo => ({
  name,
  evidence,
  outputOnly,
  description,
});

/** The 14-bit type: its MSB row names CC 0–31 and the controller also sends the LSB on CC+32. */
export const HI_RES_TYPE = 'KnobSliderHiRes';

export const CONTROL_TYPES: readonly ControlTypeInfo[] = [
  t('Button', 'files', false, 'A button: note on when pressed, note off (or velocity 0) when released.'),
  t('Pad', 'files', false, 'A performance pad (comes back from an IMPORT as `DdjSxPad`).'),
  t('KnobSlider', 'files', false, 'A knob or fader sending one 7-bit control change, 0h–7Fh (the UI’s “Knob/Slider (0h-7Fh)”).'),
  t(
    'KnobSliderHiRes',
    'files',
    false,
    'A 14-bit knob or fader, 0h–3FFFh: the row names the MSB controller (CC 0–31); the controller also sends the LSB on CC+32, which no row names.',
  ),
  t('Rotary', 'files', false, 'An endless encoder sending relative steps (values around 64).'),
  t('RotaryAsKnob', 'files', false, 'An endless encoder read as an absolute knob.'),
  t('JogRotate', 'files', false, 'A jog wheel’s rotation, relative steps.'),
  t('JogTouch', 'files', false, 'A jog wheel’s touch sensor (note on/off).'),
  t('Difference', 'files', false, 'A control read as the difference between successive values (jog search).'),
  t('Indicator', 'files', true, 'A light Rekordbox drives: MIDI OUT only; cannot be learned by moving a control (type its code).'),
  t('JogIndicator', 'files', true, 'The jog ring’s light or display, driven by Rekordbox (MIDI OUT only).'),
  t('Value', 'files', false, 'A value exchanged with the controller (settings such as brightness); cannot be learned by moving a control.'),
  t('Parameter', 'files', true, 'A Rekordbox-internal parameter on an `FFF1`–`FFF3` code with its `Value=N` option; not a MIDI message.'),
  t('DdjSxPad', 'files', false, 'A pad as Rekordbox writes `Pad` back on EXPORT.'),
  t('Toggle', 'roundTrip', false, 'A latching button (reported to survive an IMPORT/EXPORT round trip).'),
  t('RawValue', 'roundTrip', false, 'A raw value (reported to survive a round trip).'),
  t('JogRotateAbsPos', 'roundTrip', false, 'A jog wheel reporting its absolute position (reported to survive a round trip).'),
  t('JogTimestamp', 'roundTrip', false, 'Jog wheel timing data (reported to survive a round trip).'),
  t('IndicatorHiRes', 'roundTrip', true, 'A 14-bit light or meter Rekordbox drives (reported to survive a round trip).'),
  t('JogIndicatorHiRes', 'roundTrip', true, 'A 14-bit jog display Rekordbox drives (reported to survive a round trip).'),
  t('DdjSx2Pad', 'roundTrip', false, 'A DDJ-SX2-style pad (reported to survive a round trip).'),
  t('DdjSzPad', 'roundTrip', false, 'A DDJ-SZ-style pad (reported to survive a round trip).'),
  t('DdjRxPad', 'roundTrip', false, 'A DDJ-RX-style pad (reported to survive a round trip).'),
  t('DdjRzPad', 'roundTrip', false, 'A DDJ-RZ-style pad (reported to survive a round trip).'),
];

const BY_NAME = new Map(CONTROL_TYPES.map(info => [info.name, info]));

export function controlType(name: string): ControlTypeInfo | undefined {
  return BY_NAME.get(name);
}
