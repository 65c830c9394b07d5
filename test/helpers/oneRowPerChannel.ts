/**
 * A DIY controller's mapping written one row per channel, deck columns empty (CRLF, as Rekordbox
 * writes): what DUPLICATE for the next deck is for. PlayPause has decks 1 and 2 (its copy: deck 3);
 * FX1-1On's copy would take FX2-1On's code; Cue sits on channel 16; `#` assigns nothing.
 */
export const ONE_ROW_PER_CHANNEL = [
  '@file,1,DIY Controller',
  'PlayPause,,Button,900B,,,,,900B,,,,,Fast;,',
  'PlayPause,,Button,910B,,,,,910B,,,,,Fast;,',
  'FX1-1On,,Button,9020,,,,,,,,,,,',
  'FX2-1On,,Button,9120,,,,,,,,,,,',
  'Cue,,Button,9F0C,,,,,,,,,,,',
  '#,,Button,9001,,,,,,,,,,,',
  '',
].join('\r\n');
