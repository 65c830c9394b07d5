/**
 * Function families: names that come in numbered or enumerated sets (`PAD1..16_HotCue[+Shift]`,
 * `FX1-1Select.<EFFECT>`, `BeatLoop1_64..BeatLoop512`). A family is data — a name pattern made of
 * literal text, number ranges and closed choices — written to functions.json by the generator
 * (scripts/generateCatalog.ts, specs in sources/familySpecs.ts). The catalog uses it to know members
 * no file spells out verbatim, to list members for completion, and to explain a near miss
 * (`PAD17_HotCue`: "pads are 1–16").
 */
import type { Tab } from './tabs';

/** A number range: every integer from..to, written without leading zeros. */
export interface RangePart {
  key: string;
  from: number;
  to: number;
  /** Plural noun for messages: "pads" → "pads are 1–16". */
  noun: string;
  /** Plain-English labels of some values, for descriptions (`{mode.label}`). */
  labels?: Record<string, string>;
}

/** A closed choice; '' as a value makes the part optional (`[+Shift]`). */
export interface ChoicePart {
  key: string;
  values: string[];
  /** Plural noun for messages: "effects" → "'ECHOO' is not one of the effects seen". */
  noun: string;
  /** Plain-English labels of some values, for descriptions (`{mode.label}`). */
  labels?: Record<string, string>;
}

/** A part of a family's name pattern: literal text, a range or a choice. */
export type FamilyPart = string | RangePart | ChoicePart;

/** One family as functions.json holds it. */
export interface FamilyData {
  /** The pattern people read, unique: `PAD1..16_HotCue[+Shift]`. Entries name it in `family`. */
  id: string;
  parts: FamilyPart[];
  /** The tab most of its seen members sit under. */
  tab: Tab;
  /** Control types its seen members are used with. */
  types: string[];
  /** True when most of its seen members have a light. */
  hasLight: boolean;
  /**
   * Description template: `{key}` is the part's value, `{key.label}` its label (or value),
   * `{key?text}` is `text` when the part's value is not empty.
   */
  description: string;
  /** The best evidence among its seen members (a family needs at least one seen in a Rekordbox file). */
  evidence: 'rekordbox' | 'handmade' | 'note';
  /** How many of its members are seen verbatim (they are ordinary catalog entries with `family` set). */
  seen: number;
  /** How many names it has in all. */
  size: number;
  /** The fixture files its members were seen in. */
  seenIn: string[];
  /** Why the ranges are what they are, when a range is wider than the members seen. */
  note?: string;
}

export const isRange = (part: FamilyPart): part is RangePart => typeof part !== 'string' && 'from' in part;
export const isChoice = (part: FamilyPart): part is ChoicePart => typeof part !== 'string' && 'values' in part;

/** The pattern people read: `PAD1..16_HotCue[+Shift]`, `FX1-1Select.<EFFECT>`, `Jump{4|16}{Fwd|Prev}`. */
export function patternText(parts: readonly FamilyPart[]): string {
  return parts
    .map(part => {
      if (typeof part === 'string') return part;
      if (isRange(part)) return `${part.from}..${part.to}`;
      const present = part.values.filter(v => v !== '');
      if (present.length < part.values.length) return `[${present.join('|')}]`;
      if (present.length <= 4) return `{${present.join('|')}}`;
      return `<${part.key.toUpperCase()}>`;
    })
    .join('');
}

/** What is wrong with one part of a name that has a family's shape. */
export interface Violation {
  part: RangePart | ChoicePart;
  /** The text found where the part should be. */
  value: string;
}

export interface LooseMatch {
  /** The value of each non-literal part, in canonical spelling where it is a valid value. */
  values: Record<string, string>;
  violations: Violation[];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');

/** Matching, building and describing one family's names. Built once per family, on first use. */
export class FamilyMatcher {
  private readonly tight: RegExp;
  private readonly loose: RegExp;
  private readonly variables: (RangePart | ChoicePart)[];
  /** Literal characters in the pattern: the more, the more specific a loose match is. */
  readonly literalLength: number;

  constructor(readonly family: FamilyData) {
    this.variables = family.parts.filter((p): p is RangePart | ChoicePart => typeof p !== 'string');
    this.literalLength = family.parts.reduce((n, p) => n + (typeof p === 'string' ? p.length : 0), 0);
    const tight = family.parts.map(part => {
      if (typeof part === 'string') return escape(part);
      if (isRange(part)) return '([1-9]\\d*|0)';
      const values = [...part.values].sort((a, b) => b.length - a.length).map(escape);
      return `(${values.join('|')})`;
    });
    // Valid values first, then any text: `DrumRoll1_16` reads as Roll + '1_16', not 'R' + 'oll1_16'.
    const loose = family.parts.map(part => {
      if (typeof part === 'string') return escape(part);
      if (isRange(part)) return '(\\d+)';
      const values = part.values.filter(v => v !== '').sort((a, b) => b.length - a.length).map(escape);
      return `(${[...values, part.values.includes('') ? '.*?' : '.+?'].join('|')})`;
    });
    this.tight = new RegExp(`^${tight.join('')}$`);
    this.loose = new RegExp(`^${loose.join('')}$`, 'i');
  }

  /** The part values when the name is a member (exact spelling), else undefined. */
  match(name: string): Record<string, string> | undefined {
    const m = this.tight.exec(name);
    if (!m) return undefined;
    const values: Record<string, string> = {};
    for (let i = 0; i < this.variables.length; i++) {
      const part = this.variables[i];
      const value = m[i + 1];
      if (isRange(part)) {
        const n = Number(value);
        if (n < part.from || n > part.to) return undefined;
      }
      values[part.key] = value;
    }
    return values;
  }

  /**
   * The name read against the family's shape, ignoring case and checking nothing: undefined when it
   * does not have the shape at all, else its values (canonical where valid) and what is wrong.
   */
  looseMatch(name: string): LooseMatch | undefined {
    const m = this.loose.exec(name);
    if (!m) return undefined;
    const values: Record<string, string> = {};
    const violations: Violation[] = [];
    for (let i = 0; i < this.variables.length; i++) {
      const part = this.variables[i];
      const raw = m[i + 1];
      if (isRange(part)) {
        const n = Number(raw);
        if (n < part.from || n > part.to) violations.push({ part, value: raw });
        values[part.key] = String(n);
      } else {
        const canonical = part.values.find(v => v.toLowerCase() === raw.toLowerCase());
        if (canonical === undefined) violations.push({ part, value: raw });
        values[part.key] = canonical ?? raw;
      }
    }
    return { values, violations };
  }

  /** The member with these values. */
  build(values: Record<string, string>): string {
    return this.family.parts.map(p => (typeof p === 'string' ? p : values[p.key])).join('');
  }

  /** Every member, in pattern order (first part slowest). */
  members(): string[] {
    let names = [''];
    for (const part of this.family.parts) {
      const options = typeof part === 'string' ? [part] : isRange(part) ? rangeValues(part) : part.values;
      const next: string[] = [];
      for (const prefix of names) for (const option of options) next.push(prefix + option);
      names = next;
    }
    return names;
  }

  /** The values of the choice parts only: members that share them behave alike (`+Velocity` rows are Values). */
  choiceKey(values: Record<string, string>): string {
    return this.variables
      .filter(isChoice)
      .map(p => values[p.key])
      .join('\u0000');
  }

  /** The description of one member, from the family's template. */
  describe(values: Record<string, string>): string {
    return renderTemplate(this.family, values);
  }
}

function rangeValues(part: RangePart): string[] {
  const values: string[] = [];
  for (let n = part.from; n <= part.to; n++) values.push(String(n));
  return values;
}

/** Fills a description template (see FamilyData.description). */
export function renderTemplate(family: FamilyData, values: Record<string, string>): string {
  return family.description.replace(/\{(\w+)(\.label)?(?:\?([^}]*))?\}/g, (_, key: string, label: string | undefined, text: string | undefined) => {
    const value = values[key] ?? '';
    if (text !== undefined) return value === '' ? '' : text;
    if (label) {
      const part = family.parts.find(p => typeof p !== 'string' && p.key === key);
      return (part && typeof part !== 'string' && part.labels?.[value]) || value;
    }
    return value;
  });
}

/** Ways to repair one bad part: the nearest valid values, best first. */
export function repairs(violation: Violation, distance: (a: string, b: string) => number): string[] {
  const { part, value } = violation;
  if (isRange(part)) {
    const n = Number(value);
    const found = [String(Math.min(part.to, Math.max(part.from, n)))];
    // A digit too many (PAD17 → PAD1, PAD7) is the other usual slip.
    for (let i = 0; i < value.length; i++) {
      const shorter = value.slice(0, i) + value.slice(i + 1);
      const m = Number(shorter);
      if (shorter !== '' && String(m) === shorter && m >= part.from && m <= part.to && !found.includes(shorter)) found.push(shorter);
    }
    return found;
  }
  const lower = value.toLowerCase();
  return [...part.values]
    .map(v => [v, distance(lower, v.toLowerCase())] as const)
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .slice(0, 3)
    .map(([v]) => v);
}

/** "pads are 1–16", "'ECHOO' is not one of the effects seen (DELAY, ECHO, …)". */
export function violationText(violation: Violation): string {
  const { part, value } = violation;
  if (isRange(part)) return `${part.noun} are ${part.from}–${part.to}`;
  const present = part.values.filter(v => v !== '');
  const shown = present.slice(0, 8).join(', ') + (present.length > 8 ? `, … (${present.length} in all)` : '');
  if (value === '') return `it needs one of the ${part.noun}: ${shown}`;
  return `'${value}' is not one of the ${part.noun} seen (${shown})`;
}
