/**
 * Generates the function catalog the server loads (server/src/service/catalog/functions.json)
 * from the real mapping files in test/fixtures/corpus and the community note's name list.
 * Run with `npm run catalog`; the output is committed.
 *
 * Tab rule: a name's Rekordbox tab comes from the factory section it sits in (see SECTION_TAB and
 * docs/format.md); a name seen only in exports or notes gets its tab from its name's family, or
 * from the note's group, else OTHER.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseMapping, MappingRow, outputCodesOf } from '../server/src/service/model/mappingModel';
import type { CatalogFile, FunctionEntry, Tab } from '../server/src/service/catalog/functionCatalog';

const root = path.resolve(__dirname, '..', '..');
const corpusDir = path.join(root, 'test', 'fixtures', 'corpus');
const notesFile = path.join(root, 'server', 'src', 'service', 'catalog', 'sources', 'function-names-from-notes.tsv');
export const outFile = path.join(root, 'server', 'src', 'service', 'catalog', 'functions.json');

/** Factory section row → Rekordbox MIDI window tab. */
const SECTION_TAB: Record<string, Tab> = {
  Browser: 'BROWSE',
  Deck: 'DECK',
  Scratch: 'DECK',
  Mixer: 'MIXER',
  SoundColorFX: 'MIXER',
  Effect: 'FX',
  Mode: 'PAD',
  Performance: 'PAD',
  Sampler: 'SAMPLER',
  Others: 'OTHER',
  State: 'OTHER',
  illumination: 'OTHER',
  Parameter: 'OTHER',
};

/** Name families whose tab is plain from the name, for names no factory section places. */
const NAME_TAB: [RegExp, Tab][] = [
  [/^PAD\d+_/, 'PAD'],
  [/^(FX|BeatFX|MFX|CFX)/, 'FX'],
  [/^(Sampler|SP\d|SampleVolume)/, 'SAMPLER'],
  [/^(Browse|Load|Back|Forward|Area|TrackList|Playlist)/, 'BROWSE'],
  [/^(ChannelFader|CrossFader|EQ|Gain|HeadphoneCue|Trim|Master)/, 'MIXER'],
];

const NOTE_GROUP_TAB: Record<string, Tab> = {
  'Playback Functions': 'DECK',
  'Tempo Functions': 'DECK',
  'Loop Functions': 'DECK',
  'Grid Functions': 'DECK',
  'Key Shift Functions': 'DECK',
  'DVS Functions': 'DECK',
  'Track Separation Functions': 'DECK',
  Capture: 'SAMPLER',
};

interface Collected {
  sections: Map<string, number>;
  types: Set<string>;
  hasLight: boolean;
  comments: Map<string, number>;
  seenIn: Set<string>;
  noteGroup?: string;
  noteType?: string;
  noteDescription?: string;
}

export function buildCatalog(): CatalogFile {
  const manifest = new Map<string, string>();
  for (const line of fs.readFileSync(path.join(corpusDir, 'MANIFEST.tsv'), 'utf8').split(/\r?\n/).slice(1)) {
    const [file, kind] = line.split('\t');
    if (file) manifest.set(file, kind);
  }

  const byName = new Map<string, Collected>();
  const entryFor = (name: string): Collected => {
    let c = byName.get(name);
    if (!c) {
      c = { sections: new Map(), types: new Set(), hasLight: false, comments: new Map(), seenIn: new Set() };
      byName.set(name, c);
    }
    return c;
  };

  for (const file of fs.readdirSync(corpusDir).filter(f => f.endsWith('.midi.csv')).sort()) {
    const kind = manifest.get(file) ?? '';
    const model = parseMapping(fs.readFileSync(path.join(corpusDir, file), 'latin1'));
    for (const row of model.mappingRows as MappingRow[]) {
      if (row.functionState !== 'assigned' && row.functionState !== 'disabled') continue;
      const name = row.baseFunctionName;
      if (!/^[A-Za-z0-9]/.test(name)) continue;
      const c = entryFor(name);
      c.seenIn.add(file);
      if (row.type) c.types.add(row.type);
      if (outputCodesOf(row).length > 0) c.hasLight = true;
      const comment = row.cells[14]?.value.trim();
      if (comment && kind.startsWith('factory')) c.comments.set(comment, (c.comments.get(comment) ?? 0) + 1);
      if (row.section >= 0 && kind.startsWith('factory')) {
        const section = model.sections[row.section].name;
        c.sections.set(section, (c.sections.get(section) ?? 0) + 1);
      }
    }
  }

  for (const line of fs.readFileSync(notesFile, 'utf8').split(/\r?\n/).slice(1)) {
    const [name, group, type, description] = line.split('\t');
    if (!name) continue;
    const c = entryFor(name);
    c.noteGroup = group;
    c.noteType = type;
    c.noteDescription = description;
  }

  const mostCommon = (m: Map<string, number>): string | undefined =>
    [...m.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0]?.[0];

  function tabFor(name: string, c: Collected): { tab: Tab; tabFrom: FunctionEntry['tabFrom'] } {
    const section = mostCommon(c.sections);
    if (section && SECTION_TAB[section]) return { tab: SECTION_TAB[section], tabFrom: 'section' };
    for (const [pattern, tab] of NAME_TAB) if (pattern.test(name)) return { tab, tabFrom: 'name' };
    if (c.noteGroup && NOTE_GROUP_TAB[c.noteGroup]) return { tab: NOTE_GROUP_TAB[c.noteGroup], tabFrom: 'note' };
    return { tab: 'OTHER', tabFrom: 'none' };
  }

  const functions: FunctionEntry[] = [...byName.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([name, c]) => {
      const { tab, tabFrom } = tabFor(name, c);
      const types = [...c.types].sort();
      if (types.length === 0 && c.noteType && c.noteType !== 'Knob/Fader') types.push(c.noteType);
      const entry: FunctionEntry = {
        name,
        tab,
        tabFrom,
        sections: [...c.sections.keys()].sort(),
        types,
        hasLight: c.hasLight,
        description: mostCommon(c.comments) ?? c.noteDescription ?? '',
        evidence: [...c.seenIn].some(f => !manifest.get(f)?.startsWith('hand-made'))
          ? 'rekordbox'
          : c.seenIn.size > 0
            ? 'handmade'
            : 'note',
        seenIn: [...c.seenIn].sort(),
      };
      return entry;
    });

  return {
  generatedBy: 'scripts/generateCatalog.ts (npm run catalog)',
  sources: [
    'test/fixtures/corpus/*.midi.csv (real files; provenance in MANIFEST.tsv)',
    'server/src/service/catalog/sources/function-names-from-notes.tsv (community note; unverified unless also seen in a file)',
  ],
    functions,
  };
}

/** The catalog file's text, exactly as committed. */
export function catalogText(catalog: CatalogFile): string {
  return JSON.stringify(catalog, null, 1) + '\n';
}

function main(): void {
  const catalog = buildCatalog();
  const functions = catalog.functions;
  fs.writeFileSync(outFile, catalogText(catalog));
  const count = (evidence: FunctionEntry['evidence']) => functions.filter(f => f.evidence === evidence).length;
console.log(
  `wrote ${functions.length} functions to ${path.relative(root, outFile)}: ${count('rekordbox')} seen in files Rekordbox wrote, ` +
    `${count('handmade')} only in hand-made files, ${count('note')} only in the community note`,
  );
}

if (require.main === module) main();
