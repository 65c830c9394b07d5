/**
 * Texts no feature may throw on: empty, a lone `@`, binary junk, huge lines, stray quotes, mixed
 * line endings, and deterministic random damage to a real-looking mapping.
 */

/** A small deterministic PRNG (mulberry32), so failures reproduce. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const SAMPLE = [
  '@file,1,Test Device',
  '#name,function,type,input,deck1,deck2,deck3,deck4,output,deck1,deck2,deck3,deck4,option,comment',
  ',,,,,,,,,,,,,,',
  '# Deck,,,,,,,,,,,,,,',
  'PlayPause,PlayPause,Button,900B,0,1,2,3,900B,0,1,2,3,Fast,Play/Pause',
  'Cue,Cue,Button,900C,0,1,2,3,900C,0,1,2,3,Fast,Cue',
  '#JogScratch,JogScratch,JogRotate,B022,0,1,2,3,,,,,,RO;Dual,Scratch',
  'Load,Browse+Press,Button,,9646,9647,9648,9649,,,,,,,',
  '#,Browse+Press+Shift,Button,,9669,966D,966E,966F,,,,,,,No function assigned here',
  'NoFunction,,Button,,8924,,,,,,,,,,',
  'Unheard,Unheard,Button,900B,,,,,,,,,,,',
  '',
  '# Mixer,,,,,,,,,,,,,,',
  'TempoSlider,TempoSlider,KnobSliderHiRes,b000,0,1,2,3,,,,,,Fast,Tempo',
  'Param,,Parameter,FFF1,,,,,,,,,,Value=2,',
  '',
].join('\r\n');

/** Damages a text: deletes, duplicates and inserts commas, quotes, blanks, line endings, case. */
export function damage(text: string, rnd: () => number, edits = 12): string {
  const pieces = [',', ',,,', '"', '""', ' ', '\t', '\r', '\n', '\r\n', 'a', 'f', '9', 'FF', '\u0000', 'é', '#', '@'];
  let out = text;
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(rnd() * (out.length + 1));
    const r = rnd();
    if (r < 0.35) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(rnd() * 4));
    else if (r < 0.8) out = out.slice(0, at) + pieces[Math.floor(rnd() * pieces.length)] + out.slice(at);
    else out = out.slice(0, at) + out.slice(at, at + 8).toLowerCase() + out.slice(at + 8);
  }
  return out;
}

export function junkTexts(): { name: string; text: string }[] {
  const rnd = random(42);
  let binary = '';
  for (let i = 0; i < 4000; i++) binary += String.fromCharCode(Math.floor(rnd() * 65536));
  let bytes = '';
  for (let i = 0; i < 4000; i++) bytes += String.fromCharCode(Math.floor(rnd() * 256));
  const texts = [
    { name: 'empty', text: '' },
    { name: 'lone @', text: '@' },
    { name: 'lone newline', text: '\n' },
    { name: 'lone CR', text: '\r' },
    { name: 'binary (UTF-16 junk)', text: binary },
    { name: 'binary (byte junk)', text: bytes },
    { name: 'stray quotes', text: '@file,1,"X\n"a,b\n""",900B,"\r\n,"\n' },
    { name: 'huge line of commas', text: '@file,1,X\n' + ','.repeat(200_000) },
    {
      name: 'huge line of codes',
      text: '@file,1,X\nPlayPause,PlayPause,Button,900B,0,1,2,3,900B,0,1,2,3,' + 'Fast;'.repeat(40_000) + ',' + 'x'.repeat(100_000),
    },
    { name: 'huge cell', text: 'A'.repeat(300_000) + ',,Button,900B\n' },
    { name: 'mixed endings', text: '@file,1,X\r\nA,,Button,900b\rB,,Button,900b\n\r\n\n' },
    { name: 'sections only', text: '# A,,\n# B\n# C,,,,,,,,,,,,,,\n' },
  ];
  for (let i = 0; i < 40; i++) texts.push({ name: `damaged sample ${i}`, text: damage(SAMPLE, rnd, 1 + (i % 20)) });
  return texts;
}
