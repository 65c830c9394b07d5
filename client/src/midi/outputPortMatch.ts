/**
 * Which output port belongs to the connected input: a controller shows up as an input and an
 * output with the same name on Windows and macOS, and with direction words or client:port numbers
 * on Linux (`DDJ-FLX4:DDJ-FLX4 MIDI 1 24:0`, JACK's `…:midi_in` / `…:midi_out`). Pure.
 */

export interface OutputPortMatch {
  /** The output to use, when one is clearly the input's twin. */
  port?: string;
  /** When none is clear: the outputs to offer, best first. */
  candidates: string[];
}

/** Words that only say which direction a port goes, and ALSA's client:port numbers. */
const DIRECTION_WORDS = new Set(['in', 'input', 'inputs', 'out', 'output', 'outputs', 'capture', 'playback', 'source', 'sink']);

export function portTokens(name: string): string[] {
  return name
    .toLowerCase()
    .replace(/\b\d+:\d+\b/g, ' ') // ALSA client:port
    .replace(/-\d+:/g, ':') // JACK's client number (`RtMidi Output Client-01:`)
    .split(/[^a-z0-9]+|(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])/)
    .filter(token => token !== '' && !DIRECTION_WORDS.has(token));
}

/** 0–1: how much of the two names is the same once direction words and port numbers are set aside. */
export function portSimilarity(a: string, b: string): number {
  const ta = portTokens(a);
  const tb = portTokens(b);
  if (ta.length === 0 || tb.length === 0) return 0;
  const setB = new Set(tb);
  const shared = new Set(ta.filter(t => setB.has(t))).size;
  const all = new Set([...ta, ...tb]).size;
  return shared / all;
}

export function matchOutputPort(input: string, outputs: readonly string[]): OutputPortMatch {
  if (outputs.includes(input)) return { port: input, candidates: [input] };
  const scored = outputs.map(port => ({ port, score: portSimilarity(input, port) })).sort((a, b) => b.score - a.score);
  const best = scored[0];
  if (!best || best.score === 0) return { candidates: [...outputs] };
  const tied = scored.filter(s => s.score === best.score);
  // One clear twin: the same words (score 1), or the only one sharing most of them.
  if (tied.length === 1 && (best.score === 1 || best.score >= 0.5)) return { port: best.port, candidates: [best.port] };
  return { candidates: scored.filter(s => s.score > 0).map(s => s.port) };
}
