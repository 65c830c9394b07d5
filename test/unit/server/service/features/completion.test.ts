import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { OPTIONS } from '../../../../../server/src/service/catalog/options';
import { computeCompletion, resolveCompletionItem } from '../../../../../server/src/service/features/completion';
import { parseMapping } from '../../../../../server/src/service/model/mappingModel';
import { FACTORY_HEAD, marked } from '../../../../helpers/markers';

function completeAt(source: string): { items: CompletionItem[]; ranges: ReturnType<typeof marked>['ranges'] } {
  const { text, cursor, ranges } = marked(FACTORY_HEAD + source);
  return { items: computeCompletion(parseMapping(text), cursor!).items, ranges };
}

const labels = (items: CompletionItem[]) => items.map(i => i.label);

describe('completion', () => {
  it('offers function names in column 1, with tab and types, replacing the whole cell', () => {
    const { items, ranges } = completeAt('[[|PlayP]],PlayPause,Button,900B,,,,,,,,,,,');
    const item = items.find(i => i.label === 'PlayPause');
    assert.ok(item);
    assert.equal(item.detail, 'DECK · Button');
    assert.deepEqual((item.textEdit as TextEdit).range, ranges[0]);
    assert.ok(labels(items).includes('#'));
    assert.ok(labels(items).includes('NoFunction'));
    assert.ok(items.length > 800);
  });

  it('with itemDefaults, gives the edit range once for the whole function list', () => {
    const { text, cursor, ranges } = marked(FACTORY_HEAD + '[[Play|P]],PlayPause,Button,900B,,,,,,,,,,,');
    const list = computeCompletion(parseMapping(text), cursor!, undefined, { itemDefaultsEditRange: true });
    assert.deepEqual(list.itemDefaults?.editRange, ranges[0]);
    assert.ok(list.items.every(i => i.textEdit === undefined));
  });

  it('resolves a function item’s documentation from the catalog', () => {
    const item = completeAt('|').items.find(i => i.label === 'PlayPause')!;
    assert.equal(item.documentation, undefined, 'the list carries no documentation');
    const resolved = resolveCompletionItem(item);
    assert.match((resolved.documentation as { value: string }).value, /Play\/Pause[\s\S]*DECK tab · has a light/);
  });

  it('once letters are typed, sends only the names containing them in order, marked incomplete', () => {
    const { text, cursor } = marked(FACTORY_HEAD + 'PlPs|,PlayPause,Button,900B,,,,,,,,,,,');
    const list = computeCompletion(parseMapping(text), cursor!);
    assert.equal(list.isIncomplete, true);
    assert.ok(list.items.some(i => i.label === 'PlayPause'));
    assert.ok(list.items.every(i => /p.*l.*p.*s/i.test(i.label)));
    assert.ok(list.items.length < 50, `${list.items.length} items`);
    const empty = computeCompletion(parseMapping(marked(FACTORY_HEAD + '|').text), marked(FACTORY_HEAD + '|').cursor!);
    assert.equal(empty.isIncomplete, false);
  });

  it('sorts names seen in Rekordbox files before unverified ones, then # and NoFunction', () => {
    const items = completeAt('|').items;
    const key = (label: string) => {
      const item = items.find(i => i.label === label)!;
      return item.sortText ?? item.label;
    };
    assert.ok(key('PlayPause') < key('TrackNext'), 'TrackNext is only named by a note');
    assert.ok(key('TrackNext') < key('#'));
    assert.equal(items.find(i => i.label === 'PlayPause')!.sortText, undefined, 'no sortText where the label sorts right');
  });

  it('offers function names on an empty line and on the last line after the final newline', () => {
    assert.ok(labels(completeAt('|').items).includes('Cue'));
    const { text } = marked(FACTORY_HEAD);
    assert.ok(labels(computeCompletion(parseMapping(text), { line: 2, character: 0 }).items).includes('Cue'));
  });

  it('offers modifiers after + in the control column, replacing only the modifier', () => {
    const { items, ranges } = completeAt('Cue,Cue+[[Sh|]],Button,900C,,,,,,,,,,,');
    assert.deepEqual(labels(items), ['Shift', 'LongPress', 'Press']);
    assert.deepEqual((items[0].textEdit as TextEdit).range, ranges[0]);
  });

  it('offers types in column 3', () => {
    const items = completeAt('Cue,Cue,|,900C,,,,,,,,,,,').items;
    assert.deepEqual(labels(items).slice(0, 4), ['Button', 'Pad', 'KnobSlider', 'KnobSliderHiRes']);
  });

  it('offers options after ; too, with snippets for valued ones', () => {
    const { items, ranges } = completeAt('Cue,Cue,Button,900C,,,,,,,,,,Fast;[[P|]],');
    const priority = items.find(i => i.label === 'Priority=')!;
    assert.equal((priority.textEdit as TextEdit).newText, 'Priority=${1:50}');
    assert.equal(priority.insertTextFormat, 2);
    assert.deepEqual((priority.textEdit as TextEdit).range, ranges[0]);
    assert.ok(labels(items).includes('Fast'));
  });

  it('offers every option in an empty column 13, replacing nothing, valued ones as snippets', () => {
    const wanted = OPTIONS.map(o => (o.takesValue ? `${o.name}=` : o.name));
    // Between the two commas of an empty option cell, with a comment after it, and at the end of a
    // 14-field row (an export that ends with the option column).
    for (const source of ['Cue,Cue,Button,900C,,,,,,,,,,[[|]],Cue', 'Cue,Cue,Button,900C,,,,,,,,,,[[|]]']) {
      const { items, ranges } = completeAt(source);
      assert.deepEqual(labels(items), wanted, source);
      for (const label of ['Fast', 'RO', 'Dual', 'Priority=', 'Blink=', 'Value=']) assert.ok(labels(items).includes(label), `${label} in ${source}`);
      for (const item of items) assert.deepEqual((item.textEdit as TextEdit).range, ranges[0], `${item.label} replaces the empty cell`);
      const priority = items.find(i => i.label === 'Priority=')!;
      assert.equal((priority.textEdit as TextEdit).newText, 'Priority=${1:50}');
      assert.equal(priority.insertTextFormat, 2);
      const fast = items.find(i => i.label === 'Fast')!;
      assert.equal((fast.textEdit as TextEdit).newText, 'Fast');
      assert.equal(fast.insertTextFormat, 1);
    }
  });

  it('offers channels in deck columns with the code they make', () => {
    const items = completeAt('PlayPause,PlayPause,Button,900B,0,|,,,,,,,,,').items;
    assert.equal(items.length, 16);
    assert.equal(items[1].detail, 'deck 2 → 910B: note on, ch 2, note 11 (B-1)');
  });

  it('stops channels at 15 once added to a non-zero base channel', () => {
    const items = completeAt('PlayPause,PlayPause,Button,9C0B,0,|,,,,,,,,,').items;
    assert.deepEqual(labels(items), ['0', '1', '2', '3']);
  });

  it('offers nothing in the comment column or on the @file line', () => {
    assert.deepEqual(completeAt('Cue,Cue,Button,900C,,,,,,,,,,,Cu|e').items, []);
    assert.deepEqual(computeCompletion(parseMapping('@file,1,X'), { line: 0, character: 3 }).items, []);
  });
});
