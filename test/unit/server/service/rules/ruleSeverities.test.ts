/** Per-rule severities: the `rekordboxMidi.rules` setting, passed as `computeDiagnostics(model, { ruleSeverities })`. */
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import {
  computeDiagnostics,
  DEFAULT_RULE_SEVERITIES,
  parseRuleSeverity,
  resolveRuleSeverities,
  RULE_SEVERITY_SETTINGS,
} from '../../../../../server/src/service/features/diagnostics';
import { parseMapping } from '../../../../../server/src/service/model/mappingModel';
import { RULE_CODES } from '../../../../../server/src/service/rules/index';
import { corpusFiles, REPO_ROOT, writtenByRekordbox } from '../../../../helpers/fixtures';
import { FACTORY_HEAD, row } from '../../../../helpers/markers';

const { Error: E, Warning: W, Information: I, Hint: H } = DiagnosticSeverity;

// One bad-hex error, one unknown-option warning, one duplicate-code pair (errors).
const TEXT =
  FACTORY_HEAD +
  [
    row({ 0: 'Sync', 2: 'Button', 3: '90O8' }),
    row({ 0: 'Cue', 2: 'Button', 3: '900C', 13: 'Slow' }),
    row({ 0: 'PlayPause', 2: 'Button', 3: '900B' }),
    row({ 0: 'LoopIn', 2: 'Button', 3: '900B' }),
  ].join('\n');

const levels = (ruleSeverities?: unknown) =>
  computeDiagnostics(parseMapping(TEXT), { ruleSeverities: ruleSeverities as Record<string, unknown> }).map(d => [d.code, d.severity]);

describe('rule severities (rekordboxMidi.rules)', () => {
  it('reports every rule at its own level by default', () => {
    assert.deepEqual(levels(), [
      ['bad-hex', E],
      ['unknown-option', W],
      ['duplicate-code', E],
      ['duplicate-code', E],
    ]);
  });

  it('"off" removes a rule; any other level replaces the rule’s own, up or down', () => {
    assert.deepEqual(levels({ 'duplicate-code': 'off', 'bad-hex': 'warning', 'unknown-option': 'error' }), [
      ['bad-hex', W],
      ['unknown-option', E],
    ]);
    assert.deepEqual(levels({ 'bad-hex': 'information', 'unknown-option': 'hint', 'duplicate-code': 'off' }), [
      ['bad-hex', I],
      ['unknown-option', H],
    ]);
  });

  it('reads levels in any case, and warn / info as eslint spells them', () => {
    assert.deepEqual(parseRuleSeverity('WARN'), W);
    assert.deepEqual(parseRuleSeverity('Info'), I);
    assert.deepEqual(parseRuleSeverity('Off'), 'off');
    assert.deepEqual(levels({ 'bad-hex': 'Hint', 'duplicate-code': 'OFF' }), [
      ['bad-hex', H],
      ['unknown-option', W],
    ]);
  });

  it('ignores unknown codes, unknown values and settings that are not an object (never throws)', () => {
    const defaults = levels();
    const ignored = [
      null, undefined, 'off', 42, ['off'], { 'no-such-rule': 'off' }, { 'bad-hex': 'loud' }, { 'bad-hex': 2 }, { 'bad-hex': null },
      { 'too-many-problems': 'off' }, JSON.parse('{"__proto__":"off"}'),
    ];
    for (const settings of ignored) {
      assert.deepEqual(levels(settings), defaults, JSON.stringify(settings));
    }
    assert.equal(parseRuleSeverity('constructor'), undefined);
    assert.equal(parseRuleSeverity('toString'), undefined);
  });

  it('changes the level of a rule that is on by default, or turns it off', () => {
    assert.deepEqual(DEFAULT_RULE_SEVERITIES, {});
    const text = FACTORY_HEAD + [row({ 0: 'PlayPause', 2: 'Button', 3: '900B' }), row({ 0: 'PlayPause', 2: 'Button', 3: '900B' })].join('\n');
    assert.deepEqual(computeDiagnostics(parseMapping(text)).map(d => [d.code, d.severity]), [['identical-rows', W]]);
    assert.deepEqual(computeDiagnostics(parseMapping(text), { ruleSeverities: { 'identical-rows': 'off' } }), []);
    assert.deepEqual(
      computeDiagnostics(parseMapping(text), { ruleSeverities: { 'identical-rows': 'hint' } }).map(d => [d.code, d.severity]),
      [['identical-rows', H]],
    );
    assert.equal(resolveRuleSeverities({ 'identical-rows': 'warning' }).get('identical-rows'), W);
  });

  it('caps by the levels as set: the most severe kept are the overridden ones', () => {
    const rows = Array.from({ length: 20 }, (_, i) => row({ 0: 'Cue', 2: 'Button', 3: `90${(i + 16).toString(16)}`, 13: 'Slow' }));
    rows.push(row({ 0: 'Cue', 2: 'Button', 3: 'ZZZZ' }));
    const diagnostics = computeDiagnostics(parseMapping(FACTORY_HEAD + rows.join('\n')), {
      maxDiagnostics: 5,
      ruleSeverities: { 'unknown-option': 'hint', 'bad-hex': 'error' },
    });
    assert.deepEqual(
      diagnostics.map(d => [d.code, d.severity]),
      [['unknown-option', H], ['unknown-option', H], ['unknown-option', H], ['bad-hex', E], ['too-many-problems', I]],
    );
  });

  it('offers exactly the five levels the setting allows', () => {
    assert.deepEqual(RULE_SEVERITY_SETTINGS, ['off', 'error', 'warning', 'information', 'hint']);
  });

  it('every rule code is documented in docs/diagnostics.md', () => {
    const docs = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'diagnostics.md'), 'utf8');
    for (const code of RULE_CODES) assert.ok(docs.includes(`| \`${code}\` |`), `${code} has no row in the table`);
  });

  it('no rule, on or off, errs on a file Rekordbox wrote; all rules on survive junk', () => {
    const allOn = Object.fromEntries(RULE_CODES.map(c => [c, 'warning']));
    for (const f of corpusFiles()) {
      const found = computeDiagnostics(parseMapping(f.text));
      if (writtenByRekordbox(f)) assert.deepEqual(found.filter(d => d.severity === E).map(d => d.message), [], f.file);
      const everything = computeDiagnostics(parseMapping(f.text), { ruleSeverities: allOn });
      assert.ok(everything.every(d => d.severity === W || d.code === 'too-many-problems'));
    }
    const junk = Buffer.from(Array.from({ length: 20_000 }, (_, i) => (i * 7919 + (i >> 3)) % 256)).toString('latin1');
    for (const text of [junk, '\ufeff', '\r\r\n\n\r', 'é\r\n'.repeat(500), '@file,1,X\n' + 'KnobSliderHiRes,,KnobSliderHiRes,B000,0,1,2,3\n'.repeat(300)]) {
      assert.ok(Array.isArray(computeDiagnostics(parseMapping(text), { ruleSeverities: allOn, uri: 'file:///Applications/rekordbox.app/Contents/Resources/MidiMappings/x' })));
    }
  });
});
