/**
 * The Rekordbox function names the server knows, generated from real files by
 * scripts/generateCatalog.ts and committed as functions.json. No official list is public, so an
 * unknown name is only ever a warning with a "did you mean".
 */
import catalogFile from './functions.json';

export type Tab = 'DECK' | 'PAD' | 'FX' | 'SAMPLER' | 'MIXER' | 'BROWSE' | 'OTHER' | 'VIDEO' | 'LIGHTING' | 'MIXPOINTLINK';

export interface FunctionEntry {
  name: string;
  /** The tab of Rekordbox's MIDI window it is listed under. */
  tab: Tab;
  /** What the tab was derived from: the factory section, the name's family, the note's group. */
  tabFrom: 'section' | 'name' | 'note' | 'none';
  /** Factory sections (`# Deck` …) the name sits in. */
  sections: string[];
  /** Control types it is used with. */
  types: string[];
  /** True when some real row gives it a MIDI OUT code (a light). */
  hasLight: boolean;
  description: string;
  /**
   * `rekordbox`: seen in a file Rekordbox wrote (factory, EXPORT, or a user's edit of a factory file);
   * `handmade`: only in a hand-made file; `note`: only named by a community note (likely, unverified).
   */
  evidence: 'rekordbox' | 'handmade' | 'note';
  /** The fixture files it was seen in. */
  seenIn: string[];
}

export interface CatalogFile {
  generatedBy: string;
  sources: string[];
  functions: FunctionEntry[];
}

export class FunctionCatalog {
  private readonly byName: Map<string, FunctionEntry>;
  private readonly suggestions = new Map<string, string[]>();

  constructor(readonly entries: readonly FunctionEntry[]) {
    this.byName = new Map(entries.map(e => [e.name, e]));
  }

  get(name: string): FunctionEntry | undefined {
    return this.byName.get(name);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** Up to three known names close to an unknown one, closest first (cached: a file repeats its mistakes). */
  suggest(name: string): string[] {
    let found = this.suggestions.get(name);
    if (found) return found;
    const lower = name.toLowerCase();
    const limit = Math.max(2, Math.floor(name.length / 3));
    const scored: [string, number][] = [];
    for (const entry of this.entries) {
      const candidate = entry.name.toLowerCase();
      if (Math.abs(candidate.length - lower.length) > limit) continue;
      const distance = candidate === lower ? 0 : editDistance(lower, candidate, limit);
      if (distance <= limit) scored.push([entry.name, distance]);
    }
    found = scored.sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).slice(0, 3).map(s => s[0]);
    if (this.suggestions.size > 10_000) this.suggestions.clear();
    this.suggestions.set(name, found);
    return found;
  }
}

/** Levenshtein distance, giving up (returning limit + 1) once every path is over the limit. */
export function editDistance(a: string, b: string, limit: number): number {
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = current[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (current[j] < rowMin) rowMin = current[j];
    }
    if (rowMin > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}

export const defaultCatalog = new FunctionCatalog((catalogFile as CatalogFile).functions);
