/**
 * The rule registry (rules/index.ts): codes derived from the rules, each declared once, and each
 * reported at exactly the levels its rule declares (what docs/diagnostics.md and the setting's schema show).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { computeDiagnostics } from '../../../../../server/src/service/features/diagnostics';
import { parseMapping } from '../../../../../server/src/service/model/mappingModel';
import { RULE_CODE_INFO, RULE_CODES, RULES } from '../../../../../server/src/service/rules/index';
import { RuleCodeInfo, RuleLevel } from '../../../../../server/src/service/rules/ruleContext';
import { corpusFiles } from '../../../../helpers/fixtures';
import { junkTexts } from '../../../../helpers/junk';
import { FACTORY_HEAD, row } from '../../../../helpers/markers';

const LEVEL_OF: Record<DiagnosticSeverity, RuleLevel> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

const APP_FOLDER_URI = 'file:///Applications/rekordbox%207/rekordbox.app/Contents/Resources/MidiMappings/DDJ-FLX4.midi.csv';
const hiRes = (name: string, code: string) => row({ 0: name, 2: 'KnobSliderHiRes', 3: code });

/** A text that makes each code at each of its levels (the text's other diagnostics do not matter). */
const EXAMPLES: Record<string, Partial<Record<RuleLevel, string>>> = {
  'file-line': { error: row({ 0: 'PlayPause', 2: 'Button', 3: '900B' }), warning: '@file,2,X\n' },
  'field-count': {
    error: FACTORY_HEAD + 'PAD1_HotCue,PAD1.HotCue.Call,Pad,9000,7,8,,,,9000,7,8,,,,Shifted comment',
    warning: FACTORY_HEAD + row({ 0: 'PlayPause', 2: 'Button', 3: '900B' }) + ',,',
  },
  'quoted-field': { warning: FACTORY_HEAD + 'Cue,Cue,Button,900C,,,,,,,,,,,"a comment"', error: FACTORY_HEAD + 'Cue,Cue,Button,900C,,,,,,,,,,,"open' },
  'bad-hex': { error: FACTORY_HEAD + row({ 0: 'Sync', 2: 'Button', 3: '90O8' }) },
  'long-code': { warning: FACTORY_HEAD + row({ 0: 'Sync', 2: 'Button', 3: '9058', 8: '90587F' }) },
  'bad-deck': { error: FACTORY_HEAD + row({ 0: 'PlayPause', 2: 'Button', 3: '900B', 4: '16' }) },
  'channel-overflow': { error: FACTORY_HEAD + row({ 0: 'PlayPause', 2: 'Button', 3: '9E0B', 4: '0', 5: '2' }) },
  'deck-without-base': { warning: FACTORY_HEAD + row({ 0: 'PlayPause', 2: 'Button', 4: '0' }) },
  'unknown-type': { warning: FACTORY_HEAD + row({ 0: 'Cue', 2: 'Buton', 3: '900C' }) },
  'unknown-option': { warning: FACTORY_HEAD + row({ 0: 'Cue', 2: 'Button', 3: '900C', 13: 'Slow' }) },
  'bad-option-value': { error: FACTORY_HEAD + row({ 0: 'Cue', 2: 'Button', 3: '900C', 13: 'Priority=150' }) },
  'unknown-function': { warning: FACTORY_HEAD + row({ 0: 'PlayPuase', 2: 'Button', 3: '900B' }) },
  'duplicate-code': { error: FACTORY_HEAD + [row({ 0: 'PlayPause', 2: 'Button', 3: '900B' }), row({ 0: 'Cue', 2: 'Button', 3: '900B' })].join('\n') },
  'hires-lsb-collision': {
    error: FACTORY_HEAD + [hiRes('ChannelFader', 'B013'), row({ 0: 'EQHigh', 2: 'KnobSlider', 3: 'B033' })].join('\n'),
    warning: FACTORY_HEAD + [hiRes('TempoSlider', 'B000'), row({ 0: 'TempoSlider', 2: 'KnobSlider', 3: 'B020' })].join('\n'),
  },
  'hires-cc-range': { warning: FACTORY_HEAD + hiRes('ChannelFader', 'B040') },
  'type-mismatch': { warning: FACTORY_HEAD + row({ 0: 'TempoSlider', 2: 'KnobSlider', 3: '9000' }) },
  'input-on-indicator': { warning: FACTORY_HEAD + row({ 0: 'LoadedIndicator', 2: 'Indicator', 3: '900B' }) },
  'nonzero-base-channel': { warning: FACTORY_HEAD + row({ 0: 'PlayPause', 2: 'Button', 3: '942E', 4: '2', 5: '3', 6: '0', 7: '1' }) },
  'identical-rows': { warning: FACTORY_HEAD + [row({ 0: 'PlayPause', 2: 'Button', 3: '900B' }), row({ 0: 'PlayPause', 2: 'Button', 3: '900B' })].join('\n') },
  'app-folder': { warning: FACTORY_HEAD + row({ 0: 'PlayPause', 2: 'Button', 3: '900B' }) },
  'mixed-line-endings': { warning: FACTORY_HEAD.replace('\n', '\r\n') + row({ 0: 'PlayPause', 2: 'Button', 3: '900B' }) + '\n' },
  'non-ascii': { warning: FACTORY_HEAD + row({ 0: 'PlayPause', 2: 'Button', 3: '900B', 14: 'café' }) },
};

const reported = (text: string) =>
  computeDiagnostics(parseMapping(text), { uri: APP_FOLDER_URI, maxDiagnostics: 100_000 }).filter(d => d.code !== 'too-many-problems');

describe('rule registry', () => {
  it('lists each rule once, and each code in one rule only, in the order the rules run', () => {
    assert.equal(new Set(RULES).size, RULES.length);
    assert.equal(new Set(RULE_CODES).size, RULE_CODES.length, 'a code declared by two rules');
    assert.deepEqual([...RULE_CODE_INFO.keys()], [...RULE_CODES]);
    assert.deepEqual(RULE_CODES.slice(0, 4), ['file-line', 'field-count', 'quoted-field', 'bad-hex']);
  });

  it('every code declares at least one level, a one-line summary and a docs/diagnostics.md section', () => {
    for (const [code, info] of RULE_CODE_INFO) {
      assert.ok(info.levels.length > 0 && new Set(info.levels).size === info.levels.length, code);
      assert.match(info.summary, /^[^\n|]+$/, code);
      assert.match(info.docs, /^docs\/diagnostics\.md#[a-z0-9-]+$/, code);
    }
  });

  it('reports each code at every level its rule declares', () => {
    for (const [code, info] of RULE_CODE_INFO) {
      for (const level of info.levels) {
        const text = EXAMPLES[code]?.[level];
        assert.ok(text !== undefined, `add an example of ${code} at ${level} to EXAMPLES`);
        const levels = reported(text).filter(d => d.code === code).map(d => LEVEL_OF[d.severity!]);
        assert.ok(levels.includes(level), `${code} at ${level}: ${levels.join(', ') || 'not reported'}`);
      }
    }
  });

  it('reports no code at a level its rule does not declare: examples, every corpus file, junk', () => {
    const texts = [
      ...Object.values(EXAMPLES).flatMap(byLevel => Object.values(byLevel)),
      ...corpusFiles().map(f => f.text),
      ...junkTexts().map(j => j.text),
    ];
    for (const text of texts) {
      for (const d of reported(text)) {
        const info = (RULE_CODE_INFO as ReadonlyMap<string, RuleCodeInfo>).get(String(d.code));
        assert.ok(info, `${d.code} is no rule's code`);
        assert.ok(info.levels.includes(LEVEL_OF[d.severity!]), `${d.code} reported at ${LEVEL_OF[d.severity!]}: ${d.message}`);
      }
    }
  });

  it('turns a rule of two codes off with both, and reports the one left on', () => {
    const text = EXAMPLES['hires-lsb-collision'].error! + '\n' + hiRes('Crossfader', 'B041');
    const codes = (ruleSeverities: Record<string, string>) =>
      [...new Set(computeDiagnostics(parseMapping(text), { ruleSeverities }).map(d => d.code))].filter(c => String(c).startsWith('hires'));
    assert.deepEqual(codes({}), ['hires-lsb-collision', 'hires-cc-range']);
    assert.deepEqual(codes({ 'hires-lsb-collision': 'off' }), ['hires-cc-range']);
    assert.deepEqual(codes({ 'hires-lsb-collision': 'off', 'hires-cc-range': 'off' }), []);
  });
});
