/**
 * Reads a Mixxx controller mapping (`*.midi.xml`, root `MixxxControllerPreset` or the older
 * `MixxxMIDIPreset`): the controller id, the `<control>` rows (group, key, status, midino, options,
 * description) and the `<output>` rows (LEDs). Pure; never throws.
 *
 * Malformed XML is reported with its line and column, and everything the parser could still read is
 * kept: saxes (a strict streaming parser) goes on after an error, so the controls before the damage
 * — and usually after it — survive.
 */
import { SaxesParser } from 'saxes';

/** Malformed XML or a control that could not be read as written (`MixxxProblemInfo` in protocol/messages.ts). */
export interface MixxxProblem {
  severity: 'error' | 'warning';
  message: string;
  /** 1-based line and column in the XML, when known. */
  line?: number;
  column?: number;
}

interface MixxxBinding {
  /** `[Channel1]`, `[Master]`, `[EqualizerRack1_[Channel2]_Effect1]` … */
  group: string;
  /** A Mixxx control (`play`) or, for script bindings, a script function (`PioneerDDJ400.playButton`). */
  key: string;
  status: number;
  midino: number;
  description: string;
  /** 1-based line of the element's start tag. */
  line: number;
}

export interface MixxxControl extends MixxxBinding {
  /** Option element names, lower-cased (`normal`, `script-binding`, `fourteen-bit-msb`, `selectknob` …). */
  options: string[];
}

export interface MixxxOutput extends MixxxBinding {
  on?: number;
  off?: number;
  minimum?: number;
  maximum?: number;
}

export interface MixxxPreset {
  /** The root element's name (`MixxxControllerPreset` or `MixxxMIDIPreset`), when there is one. */
  root?: string;
  controllerId?: string;
  name?: string;
  author?: string;
  description?: string;
  scriptFiles: { filename: string; functionPrefix: string }[];
  /** Whether a `<controls>` element was seen at all. */
  hasControls: boolean;
  controls: MixxxControl[];
  outputs: MixxxOutput[];
  problems: MixxxProblem[];
}

/** A MIDI byte as Mixxx writes it: `0x90`, `0X0b` or decimal `144`. */
export function parseMidiByte(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const t = text.trim();
  let value: number;
  if (/^0x[0-9a-f]{1,2}$/i.test(t)) value = parseInt(t.slice(2), 16);
  else if (/^\d{1,3}$/.test(t)) value = parseInt(t, 10);
  else return undefined;
  return value <= 0xff ? value : undefined;
}

function parseNumber(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const t = text.trim();
  if (/^0x[0-9a-f]+$/i.test(t)) return parseInt(t.slice(2), 16);
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/** Children of `<control>`/`<output>` whose text is read. */
const FIELDS = new Set(['group', 'key', 'status', 'midino', 'description', 'on', 'off', 'minimum', 'maximum']);

/**
 * A `&` that starts no entity or character reference would make the parser swallow text up to the
 * next `;` (XML has no recovery for it). Such a `&` is read as `&amp;` — what the author meant — and
 * reported where it stands.
 */
function escapeStrayAmpersands(xml: string, problems: MixxxProblem[]): string {
  // Comments, CDATA sections and processing instructions may hold a bare `&`: they are matched whole and kept.
  const pattern = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<\?[\s\S]*?(?:\?>|$)|&(?!(?:#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z_][\w.-]*);)/g;
  if (!xml.includes('&')) return xml;
  return xml.replace(pattern, (match: string, offset: number) => {
    if (match !== '&') return match;
    const before = xml.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    problems.push({
      severity: 'error',
      line,
      column,
      message: `Malformed XML at line ${line}, column ${column}: '&' must be written '&amp;' (read as '&').`,
    });
    return '&amp;';
  });
}

export function readMixxxXml(xml: string): MixxxPreset {
  const problems: MixxxProblem[] = [];
  const preset: MixxxPreset = { scriptFiles: [], hasControls: false, controls: [], outputs: [], problems };
  const text = escapeStrayAmpersands(xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml, problems);
  const parser = new SaxesParser({ position: true });

  /** Open element names, outermost first. */
  const stack: string[] = [];
  let fields: Record<string, string> | undefined;
  let options: string[] | undefined;
  let itemLine = 0;
  let textBuffer = '';
  let lastErrorAt = '';
  let xmlErrors = 0;
  let firstError: MixxxProblem | undefined;
  let firstWhat = '';

  const parentIs = (name: string): boolean => stack[stack.length - 1] === name;

  parser.on('error', error => {
    // saxes prefixes its message with "line:column: ".
    const match = /^(\d+):(\d+): (.*)$/s.exec(error.message);
    const line = match ? Number(match[1]) : parser.line;
    const column = match ? Number(match[2]) : parser.column;
    const what = (match ? match[3] : error.message).replace(/\.$/, '');
    // Only the first is reported: the errors after it mostly follow from it (an unmatched end tag
    // closes every open element, so each later end tag is "unmatched" too).
    lastErrorAt = `${line}:${column}`;
    xmlErrors++;
    if (xmlErrors === 1) {
      firstError = { severity: 'error', line, column, message: `Malformed XML at line ${line}, column ${column}: ${what}.` };
      problems.push(firstError);
    } else {
      firstError!.message =
        `Malformed XML at line ${firstError!.line}, column ${firstError!.column}: ${firstWhat}. ` +
        'The XML errors after it, which may follow from it, are not listed.';
    }
    if (xmlErrors === 1) firstWhat = what;
  });

  parser.on('opentag', tag => {
    const name = tag.name;
    const tagLine = parser.line;
    if ((name === 'control' && parentIs('controls')) || (name === 'output' && parentIs('outputs'))) {
      fields = {};
      options = name === 'control' ? [] : undefined;
      itemLine = tagLine;
    } else if (parentIs('options') && options && fields) {
      options.push(name.toLowerCase());
    } else if (name === 'controls' && parentIs('controller')) {
      preset.hasControls = true;
    } else if (name === 'controller' && stack.length === 1) {
      const id = tag.attributes.id;
      if (typeof id === 'string' && id.trim() !== '') preset.controllerId = id.trim();
    } else if (name === 'file' && parentIs('scriptfiles')) {
      const a = tag.attributes;
      preset.scriptFiles.push({ filename: String(a.filename ?? ''), functionPrefix: String(a.functionprefix ?? '') });
    } else if (stack.length === 0 && preset.root === undefined) {
      preset.root = name;
    }
    stack.push(name);
    textBuffer = '';
  });

  parser.on('text', t => {
    textBuffer += t;
  });

  parser.on('closetag', tag => {
    const name = tag.name;
    stack.pop();
    const value = textBuffer.trim();
    textBuffer = '';
    if (fields && FIELDS.has(name) && (parentIs('control') || parentIs('output'))) {
      fields[name] = value;
    } else if (parentIs('info') && stack.length === 2) {
      if (name === 'name') preset.name = value;
      else if (name === 'author') preset.author = value;
      else if (name === 'description') preset.description = value;
    } else if (fields && ((name === 'control' && parentIs('controls')) || (name === 'output' && parentIs('outputs')))) {
      finishItem(name, fields, options, itemLine);
      fields = undefined;
      options = undefined;
    }
  });

  function finishItem(kind: string, f: Record<string, string>, opts: string[] | undefined, line: number): void {
    const what = `<${kind}> at line ${line}${f.group || f.key ? ` (${[f.group, f.key].filter(Boolean).join(' ')})` : ''}`;
    const missing = ['group', 'key', 'status', 'midino'].filter(n => !f[n]);
    if (missing.length) {
      problems.push({ severity: 'warning', line, message: `${what} has no ${missing.map(m => `<${m}>`).join(', ')}: skipped.` });
      return;
    }
    const status = parseMidiByte(f.status);
    const midino = parseMidiByte(f.midino);
    if (status === undefined || midino === undefined || midino > 0x7f) {
      const bad = status === undefined ? `status '${f.status}'` : `midino '${f.midino}'`;
      problems.push({ severity: 'warning', line, message: `${what}: ${bad} is not a MIDI byte (0x00–0x7F for midino, 0x80–0xEF for status): skipped.` });
      return;
    }
    if (status < 0x80 || status >= 0xf0) {
      problems.push({
        severity: 'warning',
        line,
        message: `${what}: status ${hex(status)} is not a MIDI channel message (0x80–0xEF): Rekordbox codes are channel messages, so it is skipped.`,
      });
      return;
    }
    const base: MixxxBinding = { group: f.group, key: f.key, status, midino, description: f.description ?? '', line };
    if (kind === 'control') preset.controls.push({ ...base, options: opts ?? [] });
    else
      preset.outputs.push({
        ...base,
        on: parseNumber(f.on),
        off: parseNumber(f.off),
        minimum: parseNumber(f.minimum),
        maximum: parseNumber(f.maximum),
      });
  }

  try {
    parser.write(text).close();
  } catch (error) {
    // Only a failing handler could throw here; keep what was read.
    problems.push({ severity: 'error', message: `Reading the XML stopped: ${error instanceof Error ? error.message : String(error)}.` });
  }

  // After an error saxes may close every open element (an unmatched end tag does that), so what
  // follows is no longer inside <controls>. Every intact <control>/<output> block is then read on
  // its own; the broken ones were reported above.
  if (lastErrorAt !== '') {
    const read = new Set([...preset.controls, ...preset.outputs].map(i => i.line));
    const block = /<(control|output)>((?:(?!<\1>)[\s\S])*?)<\/\1>/g;
    let line = 1;
    let counted = 0;
    for (let m = block.exec(text); m; m = block.exec(text)) {
      for (let i = counted; i < m.index; i++) if (text.charCodeAt(i) === 10) line++;
      counted = m.index;
      if (read.has(line)) continue;
      const item = readBlock(m[0]);
      if (item) finishItem(m[1], item.fields, m[1] === 'control' ? item.options : undefined, line);
    }
    preset.controls.sort((a, b) => a.line - b.line);
    preset.outputs.sort((a, b) => a.line - b.line);
  }

  if (preset.root === undefined) {
    // Not XML at all: the parser's complaint ("text data outside of root node") says less than this.
    if (firstError) problems.splice(problems.indexOf(firstError), 1);
    problems.push({ severity: 'error', message: 'No XML element found: this is not a Mixxx mapping (*.midi.xml).' });
  } else if (preset.root !== 'MixxxControllerPreset' && preset.root !== 'MixxxMIDIPreset') {
    problems.push({ severity: 'warning', message: `The root element is <${preset.root}>, not <MixxxControllerPreset>: read as a Mixxx mapping anyway.` });
  }
  if (preset.root !== undefined && !preset.hasControls) {
    problems.push({ severity: 'error', message: 'The mapping has no <controls> element (inside <controller>): there are no controls to convert.' });
  }
  problems.sort(
    (a, b) =>
      (a.line ?? Infinity) - (b.line ?? Infinity) ||
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
      (a.column ?? 0) - (b.column ?? 0),
  );
  return preset;
}

/** The fields and options of one `<control>`/`<output>` block, or undefined when it is not well-formed. */
function readBlock(xml: string): { fields: Record<string, string>; options: string[] } | undefined {
  const parser = new SaxesParser();
  const fields: Record<string, string> = {};
  const options: string[] = [];
  const stack: string[] = [];
  let buffer = '';
  let failed = false;
  parser.on('error', () => {
    failed = true;
  });
  parser.on('opentag', tag => {
    if (stack[stack.length - 1] === 'options') options.push(tag.name.toLowerCase());
    stack.push(tag.name);
    buffer = '';
  });
  parser.on('text', t => {
    buffer += t;
  });
  parser.on('closetag', tag => {
    stack.pop();
    if (stack.length === 1 && FIELDS.has(tag.name)) fields[tag.name] = buffer.trim();
    buffer = '';
  });
  try {
    parser.write(xml).close();
  } catch {
    return undefined;
  }
  return failed ? undefined : { fields, options };
}

export function hex(byte: number): string {
  return '0x' + byte.toString(16).toUpperCase().padStart(2, '0');
}
