/**
 * The Rekordbox function names the server knows, generated from real files by
 * scripts/generateCatalog.ts and committed as functions.json (docs/catalog.md). No official list is
 * public, so an unknown name is only ever a warning with a "did you mean".
 *
 * Two kinds of knowledge: entries (names seen verbatim in a file or named by the community note)
 * and families (patterns such as `PAD1..16_HotCue[+Shift]`). A family member no file spells out is
 * still known: `get` synthesizes its entry (evidence 'family') on demand, so the JSON never holds
 * the expanded families.
 */
import catalogFile from './functions.json';
import { FamilyData, FamilyMatcher, LooseMatch, repairs, violationText } from './functionFamilies';
import type { Tab } from './tabs';

export type { Tab } from './tabs';
export type { FamilyData as FunctionFamily } from './functionFamilies';

export interface FunctionEntry {
  name: string;
  /** The tab of Rekordbox's MIDI window it is listed under. */
  tab: Tab;
  /**
   * What the tab was derived from: the factory section, a rule on the name, its family (a member no
   * section places, or one not seen at all), the note's group, or nothing (OTHER by default).
   */
  tabFrom: 'section' | 'name' | 'family' | 'note' | 'none';
  /** Factory sections (`# Deck` …) the name sits in. */
  sections: string[];
  /** Control types it is used with. */
  types: string[];
  /** True when some real row gives it a MIDI OUT code (a light). */
  hasLight: boolean;
  description: string;
  /**
   * Where the description comes from: a factory file's comment, the community note, the family's
   * template, or the name itself (`derived`: a reading of the name, not a statement by Rekordbox).
   */
  descriptionFrom?: 'factory' | 'note' | 'family' | 'derived';
  /**
   * `rekordbox`: seen in a file Rekordbox wrote (factory, EXPORT, or a user's edit of a factory file);
   * `handmade`: only in a hand-made file; `note`: only named by a community note (likely, unverified);
   * `family`: seen nowhere verbatim, but a member of a family whose other members real files use.
   */
  evidence: 'rekordbox' | 'handmade' | 'note' | 'family';
  /** The fixture files it was seen in (empty for a family member not seen verbatim). */
  seenIn: string[];
  /** The id (pattern) of the family it belongs to, if any. */
  family?: string;
}

export interface CatalogFile {
  generatedBy: string;
  sources: string[];
  families: FamilyData[];
  functions: FunctionEntry[];
}

/** What the catalog can say about a name it does not know. */
export interface NameHelp {
  /** Known names it may have meant, best first (at most three; empty when nothing is close). */
  suggestions: string[];
  /** Why it is unknown, when the catalog can tell: "names are case-sensitive…", "it looks like PAD1..16_HotCue[+Shift], but pads are 1–16". */
  hint?: string;
  /** The family it nearly fits. */
  family?: FamilyData;
}

interface Candidate {
  name: string;
  lower: string;
  /** Seen names first: rekordbox 0, family 1, note 2, handmade 3. */
  rank: number;
}

/** How members sharing the same choice values (not numbers) behave: tab, types, light. */
interface Variant {
  tabs: Map<Tab, number>;
  types: Set<string>;
  lit: number;
  count: number;
}

const EVIDENCE_RANK: Record<FunctionEntry['evidence'], number> = { rekordbox: 0, family: 1, note: 2, handmade: 3 };
const CACHE_LIMIT = 10_000;
const MAX_NAME = 100;

export class FunctionCatalog {
  private readonly byName: Map<string, FunctionEntry>;
  private readonly byLowerName = new Map<string, string>();
  private matchersCache?: FamilyMatcher[];
  private readonly variants = new Map<FamilyMatcher, Map<string, Variant>>();
  private readonly synthesized = new Map<string, FunctionEntry | null>();
  private readonly helpCache = new Map<string, NameHelp>();
  private pool?: Candidate[];
  private bags?: Map<string, string[]>;

  /**
   * @param entries names seen verbatim (or named by the note), as functions.json lists them
   * @param families the families, as functions.json lists them
   */
  constructor(
    readonly entries: readonly FunctionEntry[],
    readonly families: readonly FamilyData[] = [],
  ) {
    this.byName = new Map(entries.map(e => [e.name, e]));
    for (const e of entries) if (!this.byLowerName.has(e.name.toLowerCase())) this.byLowerName.set(e.name.toLowerCase(), e.name);
  }

  /** The entry of a known name: one seen verbatim, or a family member (synthesized, evidence 'family'). */
  get(name: string): FunctionEntry | undefined {
    const entry = this.byName.get(name);
    if (entry) return entry;
    let made = this.synthesized.get(name);
    if (made === undefined) {
      made = this.synthesize(name) ?? null;
      if (this.synthesized.size > CACHE_LIMIT) this.synthesized.clear();
      this.synthesized.set(name, made);
    }
    return made ?? undefined;
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  /** The family a known name belongs to, with the value of each of its parts. */
  familyOf(name: string): { family: FamilyData; values: Record<string, string> } | undefined {
    for (const matcher of this.matchers()) {
      const values = matcher.match(name);
      if (values) return { family: matcher.family, values };
    }
    return undefined;
  }

  /** Every member of a family (seen or not), in pattern order: for completion. */
  members(family: FamilyData | string): string[] {
    const id = typeof family === 'string' ? family : family.id;
    return this.matchers().find(m => m.family.id === id)?.members() ?? [];
  }

  /** Up to three known names close to an unknown one, closest first (cached: a file repeats its mistakes). */
  suggest(name: string): string[] {
    return this.help(name).suggestions;
  }

  /**
   * What to tell someone who wrote an unknown name: a case-insensitive match first, then a family
   * it nearly fits (with what is wrong: "pads are 1–16"), then names within a few edits or made of
   * the same words. A known name gets no suggestions.
   */
  help(name: string): NameHelp {
    let found = this.helpCache.get(name);
    if (found) return found;
    found = this.has(name) ? { suggestions: [] } : this.computeHelp(name);
    if (this.helpCache.size > CACHE_LIMIT) this.helpCache.clear();
    this.helpCache.set(name, found);
    return found;
  }

  private matchers(): FamilyMatcher[] {
    return (this.matchersCache ??= this.families.map(f => new FamilyMatcher(f)));
  }

  private synthesize(name: string): FunctionEntry | undefined {
    for (const matcher of this.matchers()) {
      const values = matcher.match(name);
      if (!values) continue;
      const family = matcher.family;
      const variant = this.variantsOf(matcher).get(matcher.choiceKey(values));
      const tab = variant ? [...variant.tabs.entries()].sort((a, b) => b[1] - a[1])[0][0] : family.tab;
      return {
        name,
        tab,
        tabFrom: 'family',
        sections: [],
        types: variant ? [...variant.types].sort() : family.types,
        hasLight: variant ? variant.lit * 2 > variant.count : family.hasLight,
        description: matcher.describe(values),
        descriptionFrom: 'family',
        evidence: 'family',
        seenIn: [],
        family: family.id,
      };
    }
    return undefined;
  }

  /** The seen members of a family grouped by their choice values (numbers aside). */
  private variantsOf(matcher: FamilyMatcher): Map<string, Variant> {
    let found = this.variants.get(matcher);
    if (found) return found;
    found = new Map();
    for (const e of this.entries) {
      if (e.family !== matcher.family.id) continue;
      const values = matcher.match(e.name);
      if (!values) continue;
      const key = matcher.choiceKey(values);
      let v = found.get(key);
      if (!v) found.set(key, (v = { tabs: new Map(), types: new Set(), lit: 0, count: 0 }));
      v.tabs.set(e.tab, (v.tabs.get(e.tab) ?? 0) + 1);
      for (const t of e.types) v.types.add(t);
      if (e.hasLight) v.lit++;
      v.count++;
    }
    this.variants.set(matcher, found);
    return found;
  }

  private computeHelp(name: string): NameHelp {
    // Real names are under 40 characters; a longer cell is not a slip of the keyboard (and lazy
    // family patterns must not meet a 100,000-character cell).
    if (name.length > MAX_NAME) return { suggestions: [] };
    const lower = name.toLowerCase();
    const first: string[] = [];
    let hint: string | undefined;
    let family: FamilyData | undefined;

    const sameLetters = this.byLowerName.get(lower);
    const near = sameLetters === undefined ? this.nearestFamily(name) : undefined;
    if (sameLetters !== undefined) {
      first.push(sameLetters);
      hint = `names are case-sensitive: Rekordbox writes '${sameLetters}'`;
    } else if (near) {
      const { matcher, loose } = near;
      family = matcher.family;
      if (loose.violations.length === 0) {
        const canonical = matcher.build(loose.values);
        first.push(canonical);
        hint = canonical.toLowerCase() === lower ? `names are case-sensitive: Rekordbox writes '${canonical}'` : `Rekordbox writes it '${canonical}'`;
      } else {
        hint = `it looks like ${family.id}, but ${loose.violations.map(violationText).join('; ')}`;
        first.push(...this.repaired(matcher, loose));
      }
    }

    // A name only spelled differently has one answer; otherwise add the names close to it.
    const spelledDifferently = hint !== undefined && family === undefined ? true : near !== undefined && near.loose.violations.length === 0;
    const suggestions = spelledDifferently ? first : [...new Set([...first, ...this.closeNames(name)])].slice(0, 3);
    const help: NameHelp = { suggestions };
    if (hint) help.hint = hint;
    if (family) help.family = family;
    return help;
  }

  /**
   * The family whose shape the name has with at most one fault (the most literal text on a tie):
   * one wrong part is worth explaining; more is a typo the close names handle better.
   */
  private nearestFamily(name: string): { matcher: FamilyMatcher; loose: LooseMatch } | undefined {
    let best: { matcher: FamilyMatcher; loose: LooseMatch } | undefined;
    for (const matcher of this.matchers()) {
      const loose = matcher.looseMatch(name);
      if (!loose || loose.violations.length > 1) continue;
      if (
        !best ||
        loose.violations.length < best.loose.violations.length ||
        (loose.violations.length === best.loose.violations.length && matcher.literalLength > best.matcher.literalLength)
      ) {
        best = { matcher, loose };
      }
    }
    return best;
  }

  /** Members made by repairing each faulty part (PAD17 → PAD16, PAD1, PAD7; ECHOO → ECHO). */
  private repaired(matcher: FamilyMatcher, loose: LooseMatch): string[] {
    let combos: Record<string, string>[] = [{ ...loose.values }];
    for (const violation of loose.violations) {
      const next: Record<string, string>[] = [];
      for (const combo of combos) {
        for (const value of repairs(violation, (a, b) => typoDistance(a, b, 99))) next.push({ ...combo, [violation.part.key]: value });
      }
      combos = next.slice(0, 3);
    }
    return combos.map(values => matcher.build(values)).filter(n => this.has(n));
  }

  /** Names within a few typing slips, or made of the same words in another order, or one word apart. */
  private closeNames(name: string): string[] {
    const lower = name.toLowerCase();
    const limit = Math.max(2, Math.floor(name.length / 3));
    const scored = new Map<string, number>();
    const pool = this.candidates();
    for (const c of pool) {
      if (Math.abs(c.lower.length - lower.length) > limit) continue;
      const distance = typoDistance(lower, c.lower, limit);
      if (distance <= limit) scored.set(c.name, distance);
    }
    const words = wordsOf(name);
    if (words.length > 0) {
      const bags = this.wordBags();
      const offer = (key: string, score: number) => {
        for (const n of bags.get(key) ?? []) if ((scored.get(n) ?? Infinity) > score) scored.set(n, score);
      };
      offer('=' + bagKey(words), 1); // the same words in another order: HighEQ → EQHigh
      offer('-' + bagKey(words), 2); // a word missing: HotCue1 → PAD1_HotCue
      for (let i = 0; i < words.length; i++) offer('=' + bagKey(words.filter((_, j) => j !== i)), 2); // a word too many
    }
    const rank = new Map(pool.map(c => [c.name, c.rank]));
    return [...scored.entries()]
      .sort((a, b) => a[1] - b[1] || rank.get(a[0])! - rank.get(b[0])! || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .slice(0, 3)
      .map(([n]) => n);
  }

  /** Every known name: entries, then family members no file spells out (built once, on first need). */
  private candidates(): Candidate[] {
    if (this.pool) return this.pool;
    const pool: Candidate[] = this.entries.map(e => ({ name: e.name, lower: e.name.toLowerCase(), rank: EVIDENCE_RANK[e.evidence] }));
    for (const matcher of this.matchers()) {
      for (const name of matcher.members()) if (!this.byName.has(name)) pool.push({ name, lower: name.toLowerCase(), rank: EVIDENCE_RANK.family });
    }
    return (this.pool = pool);
  }

  /** Word bags of every known name: `=bag` → names made of exactly those words, `-bag` → names with one word more. */
  private wordBags(): Map<string, string[]> {
    if (this.bags) return this.bags;
    const bags = new Map<string, string[]>();
    const add = (key: string, name: string) => {
      const list = bags.get(key);
      if (!list) bags.set(key, [name]);
      else if (list[list.length - 1] !== name) list.push(name);
    };
    for (const c of this.candidates()) {
      const words = wordsOf(c.name);
      add('=' + bagKey(words), c.name);
      if (words.length > 1) for (let i = 0; i < words.length; i++) add('-' + bagKey(words.filter((_, j) => j !== i)), c.name);
    }
    return (this.bags = bags);
  }
}

/** The words of a name, lower-case: `PAD1_HotCue+Shift` → pad, 1, hot, cue, shift. */
function wordsOf(name: string): string[] {
  return (name.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g) ?? []).map(w => w.toLowerCase());
}

function bagKey(words: string[]): string {
  return [...words].sort().join(' ');
}

/**
 * Edit distance counting a swap of two neighbouring letters as one slip (`PlayPuase` → `PlayPause`
 * is 1), giving up (returning limit + 1) once every path is over the limit.
 */
export function typoDistance(a: string, b: string, limit: number): number {
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = current[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) d = Math.min(d, before[j - 2] + 1);
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length];
}

const file = catalogFile as unknown as CatalogFile;
export const defaultCatalog = new FunctionCatalog(file.functions, file.families);
