/**
 * Runs every rule over a model and returns LSP diagnostics, most severe first when capped.
 * Per-rule severities (the `rekordboxMidi.rules` setting, like eslint's rule levels) are applied to
 * what the rules report: a code set to "off" is dropped, any other level replaces the rule's own.
 */
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { defaultCatalog, FunctionCatalog } from '../catalog/functionCatalog';
import { MappingModel } from '../model/mappingModel';
import { checkAppFolder } from '../rules/appFolder';
import { checkBaseChannel } from '../rules/baseChannel';
import { checkCellSyntax } from '../rules/cellSyntax';
import { checkControlType } from '../rules/controlType';
import { checkDuplicateCodes } from '../rules/duplicateCodes';
import { checkFieldCount, isShiftedRow, uniformPaddedCount } from '../rules/fieldCount';
import { inputCodesOf } from '../model/mappingModel';
import { checkFileLine } from '../rules/fileLine';
import { checkFunctionName } from '../rules/functionName';
import { checkHiRes } from '../rules/hiRes';
import { checkIdenticalRows } from '../rules/identicalRows';
import { checkLineEndings } from '../rules/lineEndings';
import { checkNonAscii } from '../rules/nonAscii';
import { checkOptions } from '../rules/options';
import { checkQuotedFields } from '../rules/quotedFields';
import { Rule, RULE_CODES, RuleCode, RuleContext, makeDiagnostic, SOURCE } from '../rules/ruleContext';
import { checkTypeMismatch } from '../rules/typeMismatch';

export const RULES: readonly Rule[] = [
  checkFileLine,
  checkFieldCount,
  checkQuotedFields,
  checkCellSyntax,
  checkControlType,
  checkOptions,
  checkFunctionName,
  checkDuplicateCodes,
  checkHiRes,
  checkTypeMismatch,
  checkBaseChannel,
  checkIdenticalRows,
  checkAppFolder,
  checkLineEndings,
  checkNonAscii,
];

/** The codes some rules report: a rule whose every code is set to "off" is not run at all. */
const CODES_OF_RULE = new Map<Rule, readonly RuleCode[]>([
  [checkHiRes, ['hires-lsb-collision', 'hires-cc-range']],
  [checkTypeMismatch, ['type-mismatch', 'input-on-indicator']],
  [checkBaseChannel, ['nonzero-base-channel']],
  [checkIdenticalRows, ['identical-rows']],
  [checkAppFolder, ['app-folder']],
  [checkLineEndings, ['mixed-line-endings']],
  [checkNonAscii, ['non-ascii']],
]);

/** More than this many diagnostics help nobody (a binary file would give millions). */
export const MAX_DIAGNOSTICS = 1000;

/** What `rekordboxMidi.rules` may set a rule code to. */
export type RuleSeveritySetting = 'off' | 'error' | 'warning' | 'information' | 'hint';

export const RULE_SEVERITY_SETTINGS: readonly RuleSeveritySetting[] = ['off', 'error', 'warning', 'information', 'hint'];

/**
 * Levels that apply when the setting does not name a code, for rules that should not report at
 * their own severity by default. Empty today: every rule reports at the level docs/diagnostics.md
 * gives it (the place to turn a noisy new rule off by default).
 */
export const DEFAULT_RULE_SEVERITIES: Readonly<Partial<Record<RuleCode, RuleSeveritySetting>>> = {};

const LEVELS: Record<string, DiagnosticSeverity | 'off'> = {
  off: 'off',
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  warn: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A setting's value as a level: "off", "error", "warning" (or "warn"), "information" (or "info"), "hint"; any case. */
export function parseRuleSeverity(value: unknown): DiagnosticSeverity | 'off' | undefined {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(LEVELS, value.toLowerCase()) ? LEVELS[value.toLowerCase()] : undefined;
}

const KNOWN_CODES: ReadonlySet<string> = new Set(RULE_CODES);

/** The level each code is reported at, when not its rule's own: defaults, then the setting (unknown codes and values ignored). */
export function resolveRuleSeverities(settings: unknown): Map<string, DiagnosticSeverity | 'off'> {
  const levels = new Map<string, DiagnosticSeverity | 'off'>();
  for (const [code, value] of Object.entries(DEFAULT_RULE_SEVERITIES)) levels.set(code, parseRuleSeverity(value)!);
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) return levels;
  for (const [code, value] of Object.entries(settings)) {
    const level = parseRuleSeverity(value);
    if (level !== undefined && KNOWN_CODES.has(code)) levels.set(code, level);
  }
  return levels;
}

export interface DiagnosticsOptions {
  uri?: string;
  catalog?: FunctionCatalog;
  maxDiagnostics?: number;
  /**
   * The `rekordboxMidi.rules` setting: rule code → "off" | "error" | "warning" | "information" | "hint".
   * Codes it does not name keep their default; unknown codes and values are ignored (never throws).
   */
  ruleSeverities?: Readonly<Record<string, unknown>>;
}

export function computeDiagnostics(model: MappingModel, options: DiagnosticsOptions = {}): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const paddedCount = uniformPaddedCount(model);
  const levels = resolveRuleSeverities(options.ruleSeverities);
  const context: RuleContext = {
    model,
    paddedCount,
    isShifted: row => isShiftedRow(row, paddedCount),
    // Expanded again whenever a rule asks: kept for the whole check, every row's codes outlived
    // the young generation, which cost more than expanding twice.
    inputCodes: inputCodesOf,
    uri: options.uri ?? 'untitled:mapping.midi.csv',
    catalog: options.catalog ?? defaultCatalog,
    report: (code, severity, range, message, extra) => {
      const level = levels.get(code);
      if (level === 'off') return;
      diagnostics.push(makeDiagnostic(code, level ?? severity, range, message, extra));
    },
  };
  for (const rule of RULES) {
    const codes = CODES_OF_RULE.get(rule);
    if (codes && codes.every(code => levels.get(code) === 'off')) continue;
    rule(context);
  }
  diagnostics.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (a.severity ?? 1) - (b.severity ?? 1),
  );
  const max = options.maxDiagnostics ?? MAX_DIAGNOSTICS;
  if (diagnostics.length <= max) return diagnostics;
  const kept = [...diagnostics].sort((a, b) => (a.severity ?? 1) - (b.severity ?? 1)).slice(0, max - 1);
  kept.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  kept.push({
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: SOURCE,
    code: 'too-many-problems',
    message: `${diagnostics.length - kept.length} more problems are not shown (only the first ${max - 1}, most severe first). Is this really a Rekordbox mapping?`,
  });
  return kept;
}
