/**
 * Writes what the rules declare (server/src/service/rules: each code's levels, summary and docs
 * section) into package.json's `rekordboxMidi.rules` schema and the table of codes in
 * docs/diagnostics.md. Run with `npm run rules:sync` (or `node out/scripts/syncRuleDocs.js` after
 * `tsc -p .`); test/unit/repository/ruleDocs.test.ts fails when either file differs from what this
 * writes, so a new rule cannot go undocumented.
 */
import * as fs from 'fs';
import * as path from 'path';
import { RULE_SEVERITY_SETTINGS, RUNNER_CODES } from '../server/src/service/features/diagnostics';
import { RULE_CODE_INFO } from '../server/src/service/rules/index';
import { RuleCodeInfo } from '../server/src/service/rules/ruleContext';

const root = path.resolve(__dirname, '..', '..');
export const PACKAGE_JSON = path.join(root, 'package.json');
export const DIAGNOSTICS_DOC = path.join(root, 'docs', 'diagnostics.md');

/** The lines around the table in docs/diagnostics.md; what lies between them is rewritten. */
export const TABLE_START = '<!-- The table is written by `npm run rules:sync` from what each rule declares (server/src/service/rules). -->';
export const TABLE_END = '<!-- End of the written table. -->';

const DOCS_FILE = 'docs/diagnostics.md#';

/** The section a code's `docs` names, as a link inside docs/diagnostics.md. */
export function docsAnchor(info: RuleCodeInfo): string {
  if (!info.docs.startsWith(DOCS_FILE)) throw new Error(`${info.docs}: a code's docs are a section of docs/diagnostics.md`);
  return info.docs.slice(DOCS_FILE.length);
}

export interface RuleSchemaProperty {
  type: 'string';
  enum: string[];
  markdownDescription: string;
}

/** `rekordboxMidi.rules`' properties: one per rule code, in the rules' order. */
export function rulesSchemaProperties(): Record<string, RuleSchemaProperty> {
  const properties: Record<string, RuleSchemaProperty> = {};
  for (const [code, info] of RULE_CODE_INFO) {
    properties[code] = {
      type: 'string',
      enum: [...RULE_SEVERITY_SETTINGS],
      markdownDescription: `${info.summary[0].toUpperCase()}${info.summary.slice(1)}. Default level: ${info.levels.join(' or ')}.`,
    };
  }
  return properties;
}

/** package.json with the rules' schema properties (the rest of the file as it is). */
export function syncedPackageJson(text: string): string {
  const manifest = JSON.parse(text);
  manifest.contributes.configuration.properties['rekordboxMidi.rules'].properties = rulesSchemaProperties();
  return JSON.stringify(manifest, null, 2) + '\n';
}

/** The table of codes: one row per rule code, then the runner's own. */
export function ruleTable(): string {
  const rows = [...RULE_CODE_INFO, ...Object.entries(RUNNER_CODES)].map(([code, info]) => {
    if (/[|\n]/.test(info.summary)) throw new Error(`${code}: a summary is one line without |`);
    return `| \`${code}\` | ${info.levels.join(' / ')} | ${info.summary} | [details](#${docsAnchor(info)}) |`;
  });
  return ['| code | level | when | section |', '|---|---|---|---|', ...rows].join('\n');
}

/** docs/diagnostics.md with the table between TABLE_START and TABLE_END rewritten. */
export function syncedDiagnosticsDoc(text: string): string {
  const start = text.indexOf(TABLE_START);
  const end = text.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`docs/diagnostics.md needs the lines ${TABLE_START} and ${TABLE_END} around its table`);
  return text.slice(0, start + TABLE_START.length) + '\n' + ruleTable() + '\n' + text.slice(end);
}

function sync(file: string, synced: (text: string) => string): void {
  const text = fs.readFileSync(file, 'utf8');
  const next = synced(text);
  if (next === text) return console.log(`${path.relative(root, file)}: up to date`);
  fs.writeFileSync(file, next);
  console.log(`${path.relative(root, file)}: written`);
}

if (require.main === module) {
  sync(PACKAGE_JSON, syncedPackageJson);
  sync(DIAGNOSTICS_DOC, syncedDiagnosticsDoc);
}
