/**
 * What the rules declare (server/src/service/rules) and what package.json and docs/diagnostics.md say
 * about them cannot drift: both files are what `npm run rules:sync` (scripts/syncRuleDocs.ts) writes,
 * and every code's docs section exists.
 */
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import {
  docsAnchor,
  ruleTable,
  rulesSchemaProperties,
  syncedDiagnosticsDoc,
  syncedPackageJson,
  TABLE_END,
  TABLE_START,
} from '../../../scripts/syncRuleDocs';
import { RUNNER_CODES } from '../../../server/src/service/features/diagnostics';
import { RULE_CODE_INFO, RULE_CODES } from '../../../server/src/service/rules/index';
import { REPO_ROOT } from '../../helpers/fixtures';
import { headingAnchors, slug, withoutCodeBlocks } from '../../helpers/markdownAnchors';

const read = (file: string) => fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');
const SYNC = 'run `npm run rules:sync`';

describe('rule docs: package.json and docs/diagnostics.md as the rules declare them', () => {
  const packageJson = read('package.json');
  const docs = read('docs/diagnostics.md');

  it('package.json’s rekordboxMidi.rules schema is what rules:sync writes', () => {
    const schema = JSON.parse(packageJson).contributes.configuration.properties['rekordboxMidi.rules'];
    assert.deepEqual(schema.properties, rulesSchemaProperties(), SYNC);
    assert.deepEqual(Object.keys(schema.properties), [...RULE_CODES]);
    assert.equal(syncedPackageJson(packageJson), packageJson, SYNC);
  });

  it('docs/diagnostics.md’s table is what rules:sync writes: one row per code, its levels, summary and section', () => {
    assert.equal(syncedDiagnosticsDoc(docs), docs, SYNC);
    const table = docs.slice(docs.indexOf(TABLE_START), docs.indexOf(TABLE_END));
    for (const [code, info] of [...RULE_CODE_INFO, ...Object.entries(RUNNER_CODES)]) {
      assert.ok(table.includes(`| \`${code}\` | ${info.levels.join(' / ')} | ${info.summary} | [`), code);
    }
    assert.equal(ruleTable().split('\n').length, 2 + RULE_CODES.length + Object.keys(RUNNER_CODES).length);
  });

  it('every code declares a docs/diagnostics.md anchor that is its own ### section', () => {
    const anchors = headingAnchors(docs);
    const sections = new Map<string, string>();
    for (const line of withoutCodeBlocks(docs).split('\n')) {
      const heading = /^### (.*)$/.exec(line);
      if (heading) sections.set(slug(heading[1]), heading[1]);
    }
    const declared = [...RULE_CODE_INFO, ...Object.entries(RUNNER_CODES)];
    for (const [code, info] of declared) {
      const anchor = docsAnchor(info);
      assert.ok(anchors.has(anchor), `${code}: docs/diagnostics.md has no #${anchor}`);
      assert.equal(sections.get(anchor), `\`${code}\``, `${code}: #${anchor} is not the ### section of ${code}`);
    }
    assert.equal(new Set(declared.map(([, info]) => info.docs)).size, declared.length, 'two codes share a section');
  });

  it('fails when a file drifts: a changed summary or a missing code shows in both outputs', () => {
    const schema = JSON.parse(packageJson);
    delete schema.contributes.configuration.properties['rekordboxMidi.rules'].properties['non-ascii'];
    const drifted = JSON.stringify(schema, null, 2) + '\n';
    assert.notEqual(syncedPackageJson(drifted), drifted);
    const edited = docs.replace('| `non-ascii` | warning |', '| `non-ascii` | error |');
    assert.notEqual(edited, docs);
    assert.notEqual(syncedDiagnosticsDoc(edited), edited);
    assert.throws(() => syncedDiagnosticsDoc(docs.replace(TABLE_START, '')), /needs the lines/);
  });

  it('names no issue numbers: things are named by what they do', () => {
    assert.doesNotMatch(docs, /\bissues? #?\d+|(^|\s)#\d+\b/im);
  });
});
