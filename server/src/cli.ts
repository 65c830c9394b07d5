/**
 * `rekordbox-midi`: the command-line tool, on the same engine as the language server.
 *   rekordbox-midi lint <files or folders…>   file:line:col severity code message; exit 1 on errors
 *   rekordbox-midi decode <code…>             what a 4-hex code means
 *   rekordbox-midi import-mixxx <file.midi.xml> [-o FILE] [--force]   a Mixxx mapping as a Rekordbox one
 *   rekordbox-midi export-mixxx <file.midi.csv> [-o FILE] [--force]   the way back (a Mixxx skeleton)
 */
import * as fs from 'fs';
import * as path from 'path';
import { computeDiagnostics, parseRuleSeverity } from './service/features/diagnostics';
import { RULE_CODES } from './service/rules/index';
import { decodeCode, describeCode, parseCode } from './service/midi/midiCode';
import { parseMapping } from './service/model/mappingModel';
import { convertMixxxXml } from './service/mixxx/mixxxToRekordbox';
import { rekordboxToMixxx } from './service/mixxx/rekordboxToMixxx';

const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

const USAGE = `Usage: rekordbox-midi <command> [arguments]

Commands:
  lint <file|folder>...   Check Rekordbox MIDI mappings (*.midi.csv; folders are searched).
                          Prints file:line:col severity code message.
                          Exit status 1 when any file has an error, 2 when a file cannot be read.
      --quiet             Print errors only.
      --rule CODE=LEVEL   Change a rule's level (off, error, warning, information, hint);
                          may be repeated, e.g. --rule identical-rows=off.
  decode <code>...        Explain 4-hex MIDI codes such as 900B or B640.
  import-mixxx <file.midi.xml>
                          Convert a Mixxx controller mapping into a Rekordbox mapping (CSV on
                          standard output, the summary on standard error). Exit status 1 when
                          the XML is malformed (what could be read is still converted).
      -o FILE             Write the mapping to FILE instead (never over an existing file...
      --force             ...unless this is given).
  export-mixxx <file.midi.csv>
                          Write a Mixxx mapping skeleton (XML) for the rows whose functions have a
                          Mixxx equivalent; -o FILE and --force as above.
  help                    Show this text.
`;

function findMappings(target: string, out: string[]): void {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) {
    out.push(target);
    return;
  }
  for (const entry of fs.readdirSync(target, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(target, entry.name);
    if (entry.isDirectory()) findMappings(full, out);
    else if (entry.name.toLowerCase().endsWith('.midi.csv')) out.push(full);
  }
}

function lint(args: string[], write: (line: string) => void, writeError: (line: string) => void): number {
  const quiet = args.includes('--quiet');
  const ruleSeverities: Record<string, string> = {};
  const targets: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--rule') {
      const [code, level] = (args[++i] ?? '').split('=');
      if (!code || !level || !(RULE_CODES as readonly string[]).includes(code) || parseRuleSeverity(level) === undefined) {
        writeError(`rekordbox-midi lint: --rule needs CODE=LEVEL with a known code and off|error|warning|information|hint, not '${args[i] ?? ''}'`);
        return 2;
      }
      ruleSeverities[code] = level;
    } else if (!args[i].startsWith('--')) targets.push(args[i]);
  }
  if (targets.length === 0) {
    writeError('rekordbox-midi lint: name at least one mapping file or folder.');
    return 2;
  }
  let errors = 0;
  let warnings = 0;
  let unreadable = 0;
  let files = 0;
  for (const target of targets) {
    const found: string[] = [];
    try {
      findMappings(target, found);
    } catch (error) {
      writeError(`${target}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      unreadable++;
      continue;
    }
    if (found.length === 0) writeError(`${target}: no *.midi.csv files found`);
    for (const file of found) {
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch (error) {
        writeError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
        unreadable++;
        continue;
      }
      files++;
      for (const d of computeDiagnostics(parseMapping(text), { uri: file, ruleSeverities })) {
        if (d.severity === 1) errors++;
        else if (d.severity === 2) warnings++;
        if (quiet && d.severity !== 1) continue;
        write(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${SEVERITY[d.severity ?? 1]} ${d.code} ${d.message}`);
      }
    }
  }
  writeError(`${files} file${files === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  if (unreadable > 0) return 2;
  return errors > 0 ? 1 : 0;
}

function decode(args: string[], write: (line: string) => void, writeError: (line: string) => void): number {
  if (args.length === 0) {
    writeError('rekordbox-midi decode: name at least one 4-hex code, e.g. 900B.');
    return 2;
  }
  let status = 0;
  for (const arg of args) {
    const value = parseCode(arg);
    if (value === undefined) {
      writeError(`${arg}: not a 4-hex MIDI code such as 900B`);
      status = 2;
      continue;
    }
    const d = decodeCode(value);
    write(`${d.code}  ${describeCode(d)}`);
  }
  return status;
}

interface ConvertArgs {
  input: string;
  output?: string;
  force: boolean;
}

/** `<input> [-o FILE] [--force]`, or a message saying what is wrong. */
function convertArgs(command: string, args: string[]): ConvertArgs | string {
  let input: string | undefined;
  let output: string | undefined;
  let force = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--force' || arg === '-f') force = true;
    else if (arg === '-o' || arg === '--output') {
      output = args[++i];
      if (!output) return `rekordbox-midi ${command}: -o needs a file name.`;
    } else if (arg.startsWith('-')) return `rekordbox-midi ${command}: unknown option '${arg}'.`;
    else if (input === undefined) input = arg;
    else return `rekordbox-midi ${command}: name one input file, not '${input}' and '${arg}'.`;
  }
  if (input === undefined) return `rekordbox-midi ${command}: name the file to convert.`;
  return { input, output, force };
}

/** Writes the result to standard output or, with -o, to a file that does not exist yet (or --force). */
function deliver(command: string, options: ConvertArgs, text: string, writeRaw: (text: string) => void, writeError: (line: string) => void): boolean {
  if (options.output === undefined) {
    writeRaw(text);
    return true;
  }
  try {
    fs.writeFileSync(options.output, text, { flag: options.force ? 'w' : 'wx' });
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    writeError(
      code === 'EEXIST'
        ? `rekordbox-midi ${command}: ${options.output} already exists; add --force to overwrite it.`
        : `rekordbox-midi ${command}: cannot write ${options.output} (${code ?? String(error)}).`,
    );
    return false;
  }
}

function readInput(command: string, file: string, writeError: (line: string) => void): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    writeError(`rekordbox-midi ${command}: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
    return undefined;
  }
}

function importMixxx(args: string[], writeRaw: (text: string) => void, writeError: (line: string) => void): number {
  const options = convertArgs('import-mixxx', args);
  if (typeof options === 'string') {
    writeError(options);
    return 2;
  }
  const xml = readInput('import-mixxx', options.input, writeError);
  if (xml === undefined) return 2;
  const result = convertMixxxXml(xml, { fileName: options.input });
  for (const p of result.problems) {
    const where = p.line !== undefined ? `${options.input}:${p.line}${p.column !== undefined ? `:${p.column}` : ''}` : options.input;
    writeError(`${where} ${p.severity} ${p.message}`);
  }
  if (!deliver('import-mixxx', options, result.csv, writeRaw, writeError)) return 2;
  writeError(result.summary.text);
  return result.problems.some(p => p.severity === 'error') ? 1 : 0;
}

function exportMixxx(args: string[], writeRaw: (text: string) => void, writeError: (line: string) => void): number {
  const options = convertArgs('export-mixxx', args);
  if (typeof options === 'string') {
    writeError(options);
    return 2;
  }
  const text = readInput('export-mixxx', options.input, writeError);
  if (text === undefined) return 2;
  const result = rekordboxToMixxx(parseMapping(text), { fileName: options.input });
  if (!deliver('export-mixxx', options, result.xml, writeRaw, writeError)) return 2;
  writeError(result.summary.text);
  return 0;
}

export function main(
  argv: string[],
  write = (l: string) => process.stdout.write(l + '\n'),
  writeError = (l: string) => process.stderr.write(l + '\n'),
  writeRaw = (text: string) => process.stdout.write(text),
): number {
  const [command, ...args] = argv;
  switch (command) {
    case 'import-mixxx':
      return importMixxx(args, writeRaw, writeError);
    case 'export-mixxx':
      return exportMixxx(args, writeRaw, writeError);
    case 'lint':
      return lint(args, write, writeError);
    case 'decode':
      return decode(args, write, writeError);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      write(USAGE);
      return command === undefined ? 2 : 0;
    default:
      writeError(`rekordbox-midi: unknown command '${command}'\n\n${USAGE}`);
      return 2;
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
