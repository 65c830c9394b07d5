/**
 * Runs every rule (rules/index.ts) over a model and returns LSP diagnostics, most severe first when capped.
 * Per-rule severities (the `rekordboxMidi.rules` setting, like eslint's rule levels) are applied to
 * what the rules report: a code set to "off" is dropped, any other level replaces the rule's own.
 */
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { defaultCatalog, FunctionCatalog } from '../catalog/functionCatalog';
import { inputCodesOf, MappingModel } from '../model/mappingModel';
import { isShiftedRow, uniformPaddedCount } from '../rules/fieldCount';
import { RULE_CODES, RuleCode, RULES } from '../rules/index';
import { makeDiagnostic, RuleCodeInfo, RuleContext, SOURCE } from '../rules/ruleContext';

/** More than this many diagnostics help nobody (a binary file would give millions). */
export const MAX_DIAGNOSTICS = 1000;

/** The runner's own code, no rule's (the setting cannot name it): declared like a rule's, for docs/diagnostics.md's table. */
export const RUNNER_CODES: { readonly 'too-many-problems': RuleCodeInfo } = {
  'too-many-problems': {
    levels: ['information'],
    summary: `more than ${MAX_DIAGNOSTICS.toLocaleString('en-US')} diagnostics: the most severe ${MAX_DIAGNOSTICS - 1} are kept`,
    docs: 'docs/diagnostics.md#too-many-problems',
  },
};

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
  const context: RuleContext<RuleCode> = {
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
    // A rule whose every code is off is not run at all.
    if (Object.keys(rule.codes).every(code => levels.get(code) === 'off')) continue;
    rule.check(context);
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
    message:
      `${diagnostics.length - kept.length} more problems are not shown (only the first ${max - 1}, most severe first). ` +
      'Is this really a Rekordbox mapping?',
  });
  return kept;
}
