/**
 * Every rule, in the order they run (the order of equal-position diagnostics follows it). The codes
 * the `rekordboxMidi.rules` setting can name, the setting's schema in package.json and the table in
 * docs/diagnostics.md all come from this list: a new rule is one object here (`npm run rules:sync`
 * rewrites the schema and the table; a test fails until it has).
 */
import { appFolderRule } from './appFolder';
import { baseChannelRule } from './baseChannel';
import { cellSyntaxRule } from './cellSyntax';
import { controlTypeRule } from './controlType';
import { duplicateCodesRule } from './duplicateCodes';
import { fieldCountRule } from './fieldCount';
import { fileLineRule } from './fileLine';
import { functionNameRule } from './functionName';
import { hiResRule } from './hiRes';
import { identicalRowsRule } from './identicalRows';
import { lineEndingsRule } from './lineEndings';
import { nonAsciiRule } from './nonAscii';
import { optionsRule } from './options';
import { quotedFieldsRule } from './quotedFields';
import { CodesOf, RuleCodeInfo } from './ruleContext';
import { typeMismatchRule } from './typeMismatch';

export const RULES = [
  fileLineRule,
  fieldCountRule,
  quotedFieldsRule,
  cellSyntaxRule,
  controlTypeRule,
  optionsRule,
  functionNameRule,
  duplicateCodesRule,
  hiResRule,
  typeMismatchRule,
  baseChannelRule,
  identicalRowsRule,
  appFolderRule,
  lineEndingsRule,
  nonAsciiRule,
] as const;

/** A diagnostic code some rule reports; stable, documented in docs/diagnostics.md. */
export type RuleCode = CodesOf<(typeof RULES)[number]>;

/** Every code the rules report, rule by rule: what the `rekordboxMidi.rules` setting can name. */
export const RULE_CODES: readonly RuleCode[] = RULES.flatMap(rule => Object.keys(rule.codes) as RuleCode[]);

/** What each code's rule declares about it (levels, summary, docs section). */
export const RULE_CODE_INFO: ReadonlyMap<RuleCode, RuleCodeInfo> = new Map(
  RULES.flatMap(rule => Object.entries<RuleCodeInfo>(rule.codes) as [RuleCode, RuleCodeInfo][]),
);
