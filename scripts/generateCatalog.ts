/**
 * Generates the function catalog the server loads (server/src/service/catalog/functions.json)
 * from the real mapping files in test/fixtures/corpus, the community note's name list and the
 * family specs (server/src/service/catalog/sources/). Run with `npm run catalog` (or
 * `node out/scripts/generateCatalog.js` after `tsc -p .`); the output is committed, and a test
 * fails when it differs from what this makes. docs/catalog.md explains every rule below.
 *
 * Tab rule, in order (the first that applies wins):
 * 1. NAME_OVERRIDES: a few names whose tab is plain from what they act on, whatever factory
 *    section holds them (`MixPoint…` → MIXPOINTLINK, `…Panel` → OTHER, the sampler deck's
 *    `SamplerVolume`/`SamplerCue` → SAMPLER).
 * 2. The factory sections holding the name (SECTION_TAB, catalog/tabs.ts), one vote per file and section; a name
 *    that also sits in a playable section ignores its State/illumination/Parameter rows (those are
 *    LED feedback or device settings for it). Most votes wins; a tie goes to the votes of the
 *    unedited factory files, then to TAB_ORDER.
 * 3. For a name no factory section places: its family's tab, then NAME_TAB, then the note's group.
 * 4. Else OTHER (tabFrom 'none').
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseMapping, MappingRow, outputCodesOf } from '../server/src/service/model/mappingModel';
import type { CatalogFile, FunctionEntry, Tab } from '../server/src/service/catalog/functionCatalog';
import { ChoicePart, FamilyData, FamilyMatcher, FamilyPart, isChoice, isRange, patternText } from '../server/src/service/catalog/functionFamilies';
import { FAMILY_SPECS, FamilySpec } from '../server/src/service/catalog/sources/familySpecs';
import { SECTION_TAB } from '../server/src/service/catalog/tabs';

const root = path.resolve(__dirname, '..', '..');
const corpusDir = path.join(root, 'test', 'fixtures', 'corpus');
const notesFile = path.join(root, 'server', 'src', 'service', 'catalog', 'sources', 'function-names-from-notes.tsv');
export const outFile = path.join(root, 'server', 'src', 'service', 'catalog', 'functions.json');

/** Sections whose rows are feedback or settings: they place a name only when nothing else does. */
const FEEDBACK_SECTIONS = new Set(['State', 'illumination', 'Parameter']);

/** Tie-break order between tabs with equal votes. */
const TAB_ORDER: Tab[] = ['DECK', 'PAD', 'FX', 'SAMPLER', 'MIXER', 'BROWSE', 'MIXPOINTLINK', 'OTHER', 'VIDEO', 'LIGHTING'];

/** Names whose tab is plain from what they act on, before any section. */
export const NAME_OVERRIDES: [RegExp, Tab, string][] = [
  [/^MixPoint/, 'MIXPOINTLINK', 'Mix Point Link has its own tab; the DDJ-FLX10 file keeps these rows in its Deck section'],
  [/Panel$/, 'OTHER', 'panel toggles: FxPanel and SamplerPanel sit in the DDJ-SX file’s Others section'],
  [/^Sampler(Volume|Cue)$/, 'SAMPLER', 'controls of the sampler deck itself (the files keep them with the pads or the mixer)'],
];

/** Name prefixes whose tab is plain, for names no factory section or family places. */
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

/** Factory comments that say nothing about the function (a factory placeholder row). */
const NOT_A_DESCRIPTION = /^(no function( assigned here)?)$/i;

interface Collected {
  /** file → sections the name sits in there (factory and user-edited factory files). */
  sections: Map<string, Set<string>>;
  types: Set<string>;
  /** A row in a file Rekordbox wrote gives it a MIDI OUT code. */
  light: boolean;
  /** A row in a hand-made file gives it a MIDI OUT code. */
  lightHandmade: boolean;
  factoryComments: Map<string, number>;
  editedComments: Map<string, number>;
  seenIn: Set<string>;
  noteGroup?: string;
  noteType?: string;
  noteDescription?: string;
}

type Kind = 'factory' | 'edited' | 'export' | 'handmade';

function kindOf(manifestKind: string | undefined): Kind {
  if (manifestKind === 'factory') return 'factory';
  if (manifestKind?.startsWith('factory')) return 'edited';
  if (manifestKind === 'Rekordbox EXPORT') return 'export';
  return 'handmade';
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function mostCommon(m: Map<string, number>): string | undefined {
  return [...m.entries()].sort((a, b) => b[1] - a[1] || byText(a[0], b[0]))[0]?.[0];
}

function count<T>(m: Map<T, number>, key: T, by = 1): void {
  m.set(key, (m.get(key) ?? 0) + by);
}

export function buildCatalog(): CatalogFile {
  const kinds = new Map<string, Kind>();
  for (const line of fs.readFileSync(path.join(corpusDir, 'MANIFEST.tsv'), 'utf8').split(/\r?\n/).slice(1)) {
    const [file, kind] = line.split('\t');
    if (file) kinds.set(file, kindOf(kind));
  }
  const kind = (file: string): Kind => kinds.get(file) ?? 'handmade';

  // ---- 1. Every column-0 name in the fixtures ----
  const byName = new Map<string, Collected>();
  const entryFor = (name: string): Collected => {
    let c = byName.get(name);
    if (!c) {
      c = {
        sections: new Map(),
        types: new Set(),
        light: false,
        lightHandmade: false,
        factoryComments: new Map(),
        editedComments: new Map(),
        seenIn: new Set(),
      };
      byName.set(name, c);
    }
    return c;
  };

  for (const file of fs.readdirSync(corpusDir).filter(f => f.endsWith('.midi.csv')).sort()) {
    const k = kind(file);
    const model = parseMapping(fs.readFileSync(path.join(corpusDir, file), 'latin1'));
    for (const row of model.mappingRows as MappingRow[]) {
      if (row.functionState !== 'assigned' && row.functionState !== 'disabled') continue;
      const name = row.baseFunctionName;
      if (!/^[A-Za-z0-9]/.test(name)) continue;
      const c = entryFor(name);
      c.seenIn.add(file);
      if (row.type) c.types.add(row.type);
      if (outputCodesOf(row).length > 0) {
        if (k === 'handmade') c.lightHandmade = true;
        else c.light = true;
      }
      const comment = row.cells[14]?.value.trim();
      if (comment && !NOT_A_DESCRIPTION.test(comment)) {
        if (k === 'factory') count(c.factoryComments, comment);
        if (k === 'edited') count(c.editedComments, comment);
      }
      if (row.section >= 0 && (k === 'factory' || k === 'edited')) {
        const section = model.sections[row.section].name;
        let set = c.sections.get(file);
        if (!set) c.sections.set(file, (set = new Set()));
        set.add(section);
      }
    }
  }

  // ---- 2. The community note's names ----
  for (const line of fs.readFileSync(notesFile, 'utf8').split(/\r?\n/).slice(1)) {
    const [name, group, type, description] = line.split('\t');
    if (!name) continue;
    const c = entryFor(name);
    c.noteGroup = group;
    c.noteType = type;
    c.noteDescription = description;
  }

  const evidenceOf = (c: Collected): FunctionEntry['evidence'] =>
    [...c.seenIn].some(f => kind(f) !== 'handmade') ? 'rekordbox' : c.seenIn.size > 0 ? 'handmade' : 'note';
  const names = [...byName.keys()].sort(byText);
  const rekordboxNames = names.filter(n => evidenceOf(byName.get(n)!) === 'rekordbox');

  // ---- 3. Families: specs checked against the names ----
  const families = FAMILY_SPECS.map(spec => compileFamily(spec, rekordboxNames));
  const matchers = families.map(f => new FamilyMatcher(f));
  const familyOf = new Map<string, FamilyMatcher>();
  for (const name of names) {
    for (const matcher of matchers) {
      if (!matcher.match(name)) continue;
      const other = familyOf.get(name);
      if (other) throw new Error(`${name} fits two families: ${other.family.id} and ${matcher.family.id}`);
      familyOf.set(name, matcher);
    }
  }
  for (const matcher of matchers) checkFamily(matcher, names.filter(n => familyOf.get(n) === matcher), n => evidenceOf(byName.get(n)!));

  // ---- 4. Tabs ----
  const tabs = new Map<string, { tab: Tab; tabFrom: FunctionEntry['tabFrom'] }>();
  for (const name of names) {
    const placed = overrideTab(name) ?? sectionTab(byName.get(name)!, kind);
    if (placed) tabs.set(name, placed);
  }
  const familyTab = new Map<FamilyMatcher, Tab>();
  for (const matcher of matchers) {
    const votes = new Map<Tab, number>();
    for (const [name, m] of familyOf) if (m === matcher && tabs.has(name)) count(votes, tabs.get(name)!.tab);
    const tab = pickTab(votes, new Map());
    if (tab) familyTab.set(matcher, tab);
  }
  for (const name of names) {
    if (tabs.has(name)) continue;
    const c = byName.get(name)!;
    const matcher = familyOf.get(name);
    const fromFamily = matcher && familyTab.get(matcher);
    const fromName = NAME_TAB.find(([pattern]) => pattern.test(name))?.[1];
    const fromNote = c.noteGroup ? NOTE_GROUP_TAB[c.noteGroup] : undefined;
    if (fromFamily) tabs.set(name, { tab: fromFamily, tabFrom: 'family' });
    else if (fromName) tabs.set(name, { tab: fromName, tabFrom: 'name' });
    else if (fromNote) tabs.set(name, { tab: fromNote, tabFrom: 'note' });
    else tabs.set(name, { tab: 'OTHER', tabFrom: 'none' });
  }

  // ---- 5. Entries ----
  const functions: FunctionEntry[] = names.map(name => {
    const c = byName.get(name)!;
    const evidence = evidenceOf(c);
    const types = [...c.types].sort(byText);
    if (types.length === 0 && c.noteType && c.noteType !== 'Knob/Fader') types.push(c.noteType);
    const matcher = familyOf.get(name);
    const sections = new Set<string>();
    for (const set of c.sections.values()) for (const s of set) sections.add(s);
    let description = mostCommon(c.factoryComments) ?? mostCommon(c.editedComments);
    let descriptionFrom: FunctionEntry['descriptionFrom'] = 'factory';
    if (description === undefined && c.noteDescription) [description, descriptionFrom] = [c.noteDescription, 'note'];
    if (description === undefined && matcher) [description, descriptionFrom] = [matcher.describe(matcher.match(name)!), 'family'];
    if (description === undefined) [description, descriptionFrom] = [describeName(name, sections), 'derived'];
    const entry: FunctionEntry = {
      name,
      tab: tabs.get(name)!.tab,
      tabFrom: tabs.get(name)!.tabFrom,
      sections: [...sections].sort(byText),
      types,
      hasLight: evidence === 'handmade' ? c.lightHandmade : c.light,
      description,
      descriptionFrom,
      evidence,
      seenIn: [...c.seenIn].sort(byText),
    };
    if (matcher) entry.family = matcher.family.id;
    return entry;
  });

  // ---- 6. Family facts from their seen members ----
  const entryByName = new Map(functions.map(e => [e.name, e]));
  for (const matcher of matchers) {
    const f = matcher.family;
    const members = functions.filter(e => e.family === f.id);
    const types = new Set<string>();
    const seenIn = new Set<string>();
    for (const e of members) {
      for (const t of e.types) types.add(t);
      for (const file of e.seenIn) seenIn.add(file);
    }
    f.tab = familyTab.get(matcher) ?? entryByName.get(members[0].name)!.tab;
    f.types = [...types].sort(byText);
    f.hasLight = members.filter(e => e.hasLight).length * 2 > members.length;
    f.evidence = members.some(e => e.evidence === 'rekordbox') ? 'rekordbox' : members.some(e => e.evidence === 'handmade') ? 'handmade' : 'note';
    f.seen = members.length;
    f.size = matcher.members().length;
    f.seenIn = [...seenIn].sort(byText);
  }

  return {
    generatedBy: 'scripts/generateCatalog.ts (npm run catalog)',
    sources: [
      'test/fixtures/corpus/*.midi.csv (real files; provenance in MANIFEST.tsv)',
      'server/src/service/catalog/sources/function-names-from-notes.tsv (community note; unverified unless also seen in a file)',
      'server/src/service/catalog/sources/familySpecs.ts (families, checked against the names above)',
    ],
    families,
    functions,
  };
}

/** A spec made data: 'seen' choices filled from the Rekordbox-written names, the pattern text as id. */
function compileFamily(spec: FamilySpec, rekordboxNames: string[]): FamilyData {
  const widened = spec.parts.flatMap(p => (typeof p !== 'string' && 'widenedBecause' in p && p.widenedBecause ? [p.widenedBecause] : []));
  let parts: FamilyPart[] = spec.parts.map(p => {
    if (typeof p === 'string') return p;
    if ('from' in p) {
      const range = { key: p.key, from: p.from, to: p.to, noun: p.noun };
      return p.labels ? { ...range, labels: p.labels } : range;
    }
    const choice: ChoicePart = { key: p.key, values: p.values === 'seen' ? [] : [...p.values], noun: p.noun };
    if (p.labels) choice.labels = p.labels;
    return choice;
  });
  const collect = spec.parts.flatMap((p, i) => (typeof p !== 'string' && 'values' in p && p.values === 'seen' ? [i] : []));
  if (collect.length > 0) {
    const probe = new FamilyMatcher(familyData(spec, parts, widened));
    const found = new Map<number, Set<string>>(collect.map(i => [i, new Set()]));
    for (const name of rekordboxNames) {
      const loose = probe.looseMatch(name);
      if (!loose || probe.build(loose.values) !== name) continue;
      if (loose.violations.some(v => !collect.includes(parts.indexOf(v.part)) || !/^[A-Za-z0-9]+$/.test(v.value))) continue;
      for (const v of loose.violations) found.get(parts.indexOf(v.part))!.add(v.value);
    }
    parts = parts.map((p, i) => (found.has(i) ? { ...(p as ChoicePart), values: [...found.get(i)!].sort(byText) } : p));
  }
  return familyData(spec, parts, widened);
}

function familyData(spec: FamilySpec, parts: FamilyPart[], widened: string[]): FamilyData {
  const family: FamilyData = {
    id: spec.id ?? patternText(parts),
    parts,
    tab: 'OTHER',
    types: [],
    hasLight: false,
    description: spec.description,
    evidence: 'rekordbox',
    seen: 0,
    size: 0,
    seenIn: [],
  };
  if (widened.length) family.note = widened.join('; ');
  return family;
}

/**
 * A family never invents: it has a member seen in a Rekordbox-written file, and each of its values
 * and range ends is in a member a Rekordbox file or the note gives (unless the range says why not).
 */
function checkFamily(matcher: FamilyMatcher, members: string[], evidence: (name: string) => FunctionEntry['evidence']): void {
  const f = matcher.family;
  if (!members.some(n => evidence(n) === 'rekordbox')) throw new Error(`family ${f.id}: no member is seen in a file Rekordbox wrote`);
  // Values may come from the note's names too (BeatLoop sizes), never from hand-made files alone.
  const trusted = members.filter(n => evidence(n) !== 'handmade');
  const seen = new Map<string, Set<string>>();
  for (const name of trusted) for (const [key, value] of Object.entries(matcher.match(name)!)) (seen.get(key) ?? seen.set(key, new Set()).get(key)!).add(value);
  for (const part of f.parts) {
    if (typeof part === 'string') continue;
    const values = seen.get(part.key) ?? new Set<string>();
    if (isChoice(part)) {
      if (part.values.length === 0) throw new Error(`family ${f.id}: no value seen for ${part.key}`);
      const missing = part.values.filter(v => !values.has(v));
      if (missing.length) throw new Error(`family ${f.id}: ${part.key} values ${missing.join(', ')} are in no name a Rekordbox file or the note gives`);
    } else if (isRange(part) && !f.note) {
      if (!values.has(String(part.from)) || !values.has(String(part.to))) {
        throw new Error(`family ${f.id}: ${part.key} ${part.from}..${part.to} is wider than the names seen`);
      }
    }
  }
}

function overrideTab(name: string): { tab: Tab; tabFrom: FunctionEntry['tabFrom'] } | undefined {
  const hit = NAME_OVERRIDES.find(([pattern]) => pattern.test(name));
  return hit ? { tab: hit[1], tabFrom: 'name' } : undefined;
}

function sectionTab(c: Collected, kind: (file: string) => Kind): { tab: Tab; tabFrom: FunctionEntry['tabFrom'] } | undefined {
  const playable = [...c.sections.values()].some(set => [...set].some(s => !FEEDBACK_SECTIONS.has(s)));
  const votes = new Map<Tab, number>();
  const factoryVotes = new Map<Tab, number>();
  for (const [file, set] of c.sections) {
    for (const section of set) {
      if (playable && FEEDBACK_SECTIONS.has(section)) continue;
      const tab = SECTION_TAB[section];
      if (!tab) continue;
      count(votes, tab);
      if (kind(file) === 'factory') count(factoryVotes, tab);
    }
  }
  const tab = pickTab(votes, factoryVotes);
  return tab ? { tab, tabFrom: 'section' } : undefined;
}

function pickTab(votes: Map<Tab, number>, tieBreak: Map<Tab, number>): Tab | undefined {
  return [...votes.keys()].sort(
    (a, b) => votes.get(b)! - votes.get(a)! || (tieBreak.get(b) ?? 0) - (tieBreak.get(a) ?? 0) || TAB_ORDER.indexOf(a) - TAB_ORDER.indexOf(b),
  )[0];
}

const ACRONYMS = new Set(['FX', 'CFX', 'MFX', 'DDJ', 'BPM', 'EQ', 'USB', 'CH', 'MIDI', 'OLED', 'LCD']);

/** A description from the name alone, for names with no comment, note or family. */
export function describeName(name: string, sections: Set<string>): string {
  const words = (name.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g) ?? [name]).map((w, i) =>
    ACRONYMS.has(w.toUpperCase()) ? w.toUpperCase() : i === 0 ? w[0].toUpperCase() + w.slice(1).toLowerCase() : w.toLowerCase(),
  );
  const text = words.join(' ').replace(/ \+ ?/g, ' + ');
  const only = (s: string) => sections.size > 0 && [...sections].every(x => x === s);
  if (only('State')) return `Controller state that Rekordbox sends back: ${text}`;
  if (only('illumination')) return `Controller light or setting that Rekordbox sends back: ${text}`;
  if (only('Parameter')) return `Controller timing parameter: ${text}`;
  return text;
}

/** The catalog file's text, exactly as committed: one line per family and per function. */
export function catalogText(catalog: CatalogFile): string {
  const list = (items: unknown[]) => items.map(item => '  ' + JSON.stringify(item)).join(',\n');
  return (
    '{\n' +
    ` "generatedBy": ${JSON.stringify(catalog.generatedBy)},\n` +
    ` "sources": [\n${catalog.sources.map(s => '  ' + JSON.stringify(s)).join(',\n')}\n ],\n` +
    ` "families": [\n${list(catalog.families)}\n ],\n` +
    ` "functions": [\n${list(catalog.functions)}\n ]\n` +
    '}\n'
  );
}

function main(): void {
  const catalog = buildCatalog();
  const functions = catalog.functions;
  fs.writeFileSync(outFile, catalogText(catalog));
  const by = <K extends keyof FunctionEntry>(key: K) => {
    const m = new Map<string, number>();
    for (const f of functions) count(m, String(f[key]));
    return [...m.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');
  };
  const synthesized = catalog.families.reduce((n, f) => n + f.size - f.seen, 0);
  console.log(`wrote ${functions.length} functions and ${catalog.families.length} families to ${path.relative(root, outFile)}`);
  console.log(`  evidence: ${by('evidence')}`);
  console.log(`  tabs: ${by('tab')}`);
  console.log(`  tab from: ${by('tabFrom')}`);
  console.log(`  descriptions from: ${by('descriptionFrom')}`);
  console.log(`  family members known without being seen verbatim: ${synthesized}`);
  for (const f of catalog.families) console.log(`  ${f.id}: ${f.tab}, ${f.seen}/${f.size} seen`);
}

if (require.main === module) main();
