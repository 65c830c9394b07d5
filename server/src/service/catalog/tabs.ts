/**
 * The tabs of Rekordbox's MIDI window and which tab each factory section's rows belong to. The
 * catalog generator (scripts/generateCatalog.ts) places functions with this table; the mapping rows
 * (features/mappingRows.ts) place rows whose function the catalog does not know with it too.
 */

/** The tabs of Rekordbox's MIDI window. */
export type Tab = 'DECK' | 'PAD' | 'FX' | 'SAMPLER' | 'MIXER' | 'BROWSE' | 'OTHER' | 'VIDEO' | 'LIGHTING' | 'MIXPOINTLINK';

/** Factory section row → Rekordbox MIDI window tab. */
export const SECTION_TAB: Readonly<Record<string, Tab>> = {
  Browser: 'BROWSE',
  Deck: 'DECK',
  // Only in the DDJ-FLX6 user edit; every name in it sits in Deck in the factory files.
  Scratch: 'DECK',
  Mixer: 'MIXER',
  // DDJ-FLX10 only. The CFXParameterCH1..4 knobs it holds sit in Effect in the DDJ-GRV6 and DDJ-SX
  // files, and the GRV6's CFXOn/CFXSelect sit in Effect too: Sound Color FX are FX-tab functions.
  SoundColorFX: 'FX',
  Effect: 'FX',
  // Only in the DDJ-FLX6 user edit; its names (HotCue, BeatJump, PadFx1…) sit in Performance elsewhere.
  Mode: 'PAD',
  Performance: 'PAD',
  // Named by the format note; no file in the corpus has it.
  Sampler: 'SAMPLER',
  Others: 'OTHER',
  // State, illumination, Parameter: read-only rows Rekordbox sends back to the controller (LED
  // states, device settings) and timing parameters. Rekordbox's LIGHTING tab is for its DMX lighting
  // mode, not controller LEDs, so these are OTHER.
  State: 'OTHER',
  illumination: 'OTHER',
  Parameter: 'OTHER',
};
