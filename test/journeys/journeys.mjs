/**
 * User journeys through the real VS Code UI (code-server + Chromium), in the order they run.
 * `id` names the screenshots (NN-<id>.png). Each journey gets a fresh workspace folder holding
 * byte-exact copies of `files` (from test/fixtures/corpus) and a fresh browser window on it;
 * `run(j)` drives it:
 *   j.page          Playwright page with the workbench loaded on the workspace
 *   j.path(name)    the copy's path on disk
 *   j.fixture(name) the fixture's path (to compare bytes)
 *   j.shot(label)   saves an extra screenshot (the runner always saves one at the end)
 *   j.note(text)    a line printed under the journey's result
 */
import * as fs from 'node:fs';
import {
  activeTabDirty,
  expect,
  goTo,
  hoverText,
  languageMode,
  languageStatus,
  lineText,
  openFromExplorer,
  openProblemsPanel,
  problemsPanel,
  statusBarProblems,
  suggestions,
  textRect,
  WAIT,
  waitFor,
} from './ui.mjs';

const FACTORY = 'factory-DDJ-FLX10.midi.csv';
const DAMAGED = 'handmade-DDJ-SX-16-fields.midi.csv';
const PLAY_LINE = 16;
const PLAY_ROW = 'PlayPause,PlayPause,Button,900B,0,1,2,3,900B,0,1,2,3,Fast;Priority=50;Dual,Play/Pause';

/** Opens the file from the Explorer and waits until the language server has checked it. */
async function openMapping(j, name, firstLine) {
  await openFromExplorer(j.page, name, firstLine);
  await waitFor('the status bar language mode', () => languageMode(j.page), m => m === 'Rekordbox MIDI Mapping', WAIT.extension);
  // The language status item ({} next to the mode) says what the server made of the file.
  return waitFor('the language status (server answer)', () => languageStatus(j.page), s => / rows\b/.test(s) && /\d+ errors/.test(s), WAIT.extension);
}

export const journeys = [
  {
    id: 'open-factory',
    name: 'open a factory mapping from the Explorer: no errors',
    files: [FACTORY],
    async run(j) {
      const status = await openMapping(j, FACTORY, '@file,1,DDJ-FLX10');
      j.note(`language status: ${status}`);
      expect(/0 errors, 0 warnings/.test(status), `the language status reports problems: ${status}`);
      expect((await lineText(j.page, PLAY_LINE)) === PLAY_ROW, `line ${PLAY_LINE} is not the PlayPause row`);
      const counts = await statusBarProblems(j.page);
      expect(counts.errors === 0, `the status bar shows ${counts.label}`);
      expect((await j.page.locator('.monaco-editor .squiggly-error').count()) === 0, 'an error squiggle is drawn');
      await openProblemsPanel(j.page);
      const panel = await waitFor('the Problems panel', () => problemsPanel(j.page), p => p.message !== '' || p.rows.length > 0);
      expect(panel.rows.filter(r => r.severity === 'Error').length === 0, `the Problems panel lists errors: ${JSON.stringify(panel.rows.slice(0, 3))}`);
      j.note(`status bar: ${counts.label}; Problems panel: ${panel.message || panel.rows.length + ' rows'}`);
    },
  },
  {
    id: 'open-damaged',
    name: 'open the damaged 16-field mapping: 8 field-count errors',
    files: [DAMAGED],
    async run(j) {
      await openFromExplorer(j.page, DAMAGED, '@file,1,PIONEER DDJ-SX');
      await waitFor('the status bar language mode', () => languageMode(j.page), m => m === 'Rekordbox MIDI Mapping', WAIT.extension);
      await j.page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: WAIT.extension });
      const counts = await waitFor('8 errors in the status bar', () => statusBarProblems(j.page), c => c.errors === 8, WAIT.extension);
      await openProblemsPanel(j.page);
      const panel = await waitFor('8 error rows in the Problems panel', () => problemsPanel(j.page), p => p.rows.filter(r => r.severity === 'Error').length === 8);
      const errors = panel.rows.filter(r => r.severity === 'Error');
      expect(errors.every(r => /rekordbox-midi\W*field-count/.test(r.text)), `not every row is a field-count error: ${JSON.stringify(errors.map(r => r.text.slice(-60)))}`);
      const lines = errors.map(r => Number(/\[Ln (\d+), Col \d+\]/.exec(r.text)?.[1])).sort((a, b) => a - b);
      expect(lines.join() === '8,9,10,11,12,13,14,15', `errors on lines ${lines.join()}, expected 8-15`);
      // The badge counts every problem: the 8 errors and the file's warnings (its line 23 is line 22's 14-bit LSB).
      expect(Number(panel.badge) === counts.errors + counts.warnings, `the Problems tab badge shows '${panel.badge}', the status bar ${counts.label}`);
      const squiggles = await j.page.locator('.monaco-editor .squiggly-error').count();
      j.note(`status bar: ${counts.label}; Problems badge ${panel.badge}; ${errors.length} field-count rows on lines ${lines[0]}-${lines.at(-1)}; ${squiggles} squiggles drawn`);
    },
  },
  {
    id: 'hover-code',
    name: 'hover 900B on the PlayPause row: per-deck table',
    files: [FACTORY],
    async run(j) {
      await openMapping(j, FACTORY, '@file,1,DDJ-FLX10');
      const rect = await textRect(j.page, PLAY_LINE, '900B');
      expect(rect, `'900B' not found on visible line ${PLAY_LINE}`);
      let text = '';
      let attempts = 0;
      for (; attempts < 4 && !/910B/.test(text); attempts++) {
        // Away, then onto the code (a hover needs the mouse to arrive and rest).
        await j.page.mouse.move(rect.x + rect.width / 2, rect.y - 80);
        await j.page.waitForTimeout(300);
        await j.page.mouse.move(rect.x + rect.width / 2 - 2, rect.y + rect.height / 2, { steps: 4 });
        await j.page.mouse.move(rect.x + rect.width / 2, rect.y + rect.height / 2);
        text = await waitFor('the hover widget', () => hoverText(j.page), t => /910B/.test(t), 10_000).catch(() => hoverText(j.page));
      }
      expect(/910B/.test(text) && /930B/.test(text), `the hover does not show the per-deck codes 910B/930B: ${JSON.stringify(text.slice(0, 300))}`);
      expect(/Deck/.test(text) && /receives/.test(text), `the hover has no per-deck table: ${JSON.stringify(text.slice(0, 300))}`);
      j.note(`hover (mouse rested on 900B ${attempts === 1 ? 'once' : attempts + ' times'}): ${text.replace(/\s+/g, ' ').slice(0, 160)}…`);
    },
  },
  {
    id: 'complete-function',
    name: 'complete a function name in column 1 with Ctrl+Space and Enter',
    files: [FACTORY],
    async run(j) {
      await openMapping(j, FACTORY, '@file,1,DDJ-FLX10');
      // A new empty row above the PlayPause row.
      await goTo(j.page, PLAY_LINE, 1);
      await j.page.keyboard.press('Enter');
      await j.page.keyboard.press('ArrowUp');
      await waitFor(`line ${PLAY_LINE} empty`, () => lineText(j.page, PLAY_LINE), t => t === '');
      await j.page.keyboard.press('Control+Space');
      const all = await waitFor('the suggest widget', () => suggestions(j.page), s => s !== null && s.length > 0, WAIT.extension);
      j.note(`Ctrl+Space on the empty row: the suggest widget opens with ${all.slice(0, 3).map(s => s.label).join(', ')}, … (function names)`);
      await j.page.keyboard.type('PlayPa', { delay: 60 });
      await waitFor('PlayPause in the suggest widget', () => suggestions(j.page), s => s !== null && s.some(x => x.label === 'PlayPause'));
      await j.shot('suggest');
      // Arrow down to it if another name has the focus.
      for (let i = 0; i < 10; i++) {
        const s = await suggestions(j.page);
        if (s.find(x => x.focused)?.label === 'PlayPause') break;
        await j.page.keyboard.press('ArrowDown');
        await j.page.waitForTimeout(100);
      }
      const listed = await suggestions(j.page);
      expect(listed.find(x => x.focused)?.label === 'PlayPause', `PlayPause not focused: ${JSON.stringify(listed)}`);
      j.note(`after typing 'PlayPa': ${listed.map(s => s.label + (s.focused ? ' (focused)' : '')).join(', ')}`);
      await j.page.keyboard.press('Enter');
      await waitFor('the suggest widget closed', () => suggestions(j.page), s => s === null);
      const text = await waitFor(`line ${PLAY_LINE} after Enter`, () => lineText(j.page, PLAY_LINE), t => t !== 'PlayPa');
      expect(text === 'PlayPause', `line ${PLAY_LINE} reads ${JSON.stringify(text)} after accepting, expected "PlayPause"`);
      expect((await lineText(j.page, PLAY_LINE + 1)) === PLAY_ROW, `the PlayPause row below changed: ${await lineText(j.page, PLAY_LINE + 1)}`);
      // The status bar's cursor item updates a moment after the edit: wait for it rather than read it once.
      const cursor = await waitFor(`the cursor after PlayPause (Ln ${PLAY_LINE}, Col 10)`,
        () => j.page.locator('#status\\.editor\\.selection').innerText(), c => c.startsWith(`Ln ${PLAY_LINE}, Col 10`));
      j.note(`line ${PLAY_LINE} now reads "${text}", cursor ${cursor}`);
    },
  },
  {
    id: 'edit-save',
    name: 'edit and save: a bad code raises the Problems count, undo and save clears it',
    files: [FACTORY],
    async run(j) {
      const file = j.path(FACTORY);
      const original = fs.readFileSync(j.fixture(FACTORY));
      await openMapping(j, FACTORY, '@file,1,DDJ-FLX10');
      await openProblemsPanel(j.page);
      expect((await statusBarProblems(j.page)).errors === 0, 'errors before the edit');
      // Select the MIDI IN code 900B on the PlayPause row (column 28) and type 90O8 over it.
      await goTo(j.page, PLAY_LINE, 28);
      for (let i = 0; i < 4; i++) await j.page.keyboard.press('Shift+ArrowRight');
      await j.page.keyboard.type('90O8', { delay: 60 });
      const edited = PLAY_ROW.replace('900B', '90O8');
      await waitFor(`line ${PLAY_LINE} edited`, () => lineText(j.page, PLAY_LINE), t => t === edited);
      expect(await activeTabDirty(j.page), 'the tab does not show unsaved changes after typing');
      await j.page.keyboard.press('Control+S');
      await waitFor('the file saved (tab not dirty)', () => activeTabDirty(j.page), d => d === false);
      const onDisk = fs.readFileSync(file, 'latin1');
      expect(onDisk.split('\r\n')[PLAY_LINE - 1] === edited, `line ${PLAY_LINE} on disk: ${onDisk.split('\r\n')[PLAY_LINE - 1]}`);
      const up = await waitFor('1 error in the status bar', () => statusBarProblems(j.page), c => c.errors === 1, WAIT.extension);
      const panel = await waitFor('the bad-hex row in the Problems panel', () => problemsPanel(j.page), p => p.rows.some(r => r.severity === 'Error'));
      const row = panel.rows.find(r => r.severity === 'Error');
      expect(row.text.includes('90O8') && /rekordbox-midi\W*bad-hex/.test(row.text) && row.text.includes(`[Ln ${PLAY_LINE}, Col 28]`), `unexpected Problems row: ${row.text}`);
      await j.page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: WAIT.ui });
      j.note(`after saving 90O8: status bar ${up.label}, Problems badge ${panel.badge}: ${row.text.slice(0, 90)}…`);
      await j.shot('error');

      // Undo until the row is back (typing may take more than one undo step), then save.
      let undos = 0;
      while ((await lineText(j.page, PLAY_LINE)) !== PLAY_ROW && undos < 6) {
        await j.page.keyboard.press('Control+Z');
        undos++;
        await j.page.waitForTimeout(200);
      }
      expect((await lineText(j.page, PLAY_LINE)) === PLAY_ROW, `line ${PLAY_LINE} after ${undos} undos: ${await lineText(j.page, PLAY_LINE)}`);
      await j.page.keyboard.press('Control+S');
      await waitFor('the file saved again (tab not dirty)', () => activeTabDirty(j.page), d => d === false);
      const down = await waitFor('0 errors in the status bar', () => statusBarProblems(j.page), c => c.errors === 0, WAIT.extension);
      await waitFor('the Problems panel empty', () => problemsPanel(j.page), p => p.rows.length === 0);
      expect(fs.readFileSync(file).equals(original), 'after undo and save the file differs from the original bytes (line endings?)');
      expect((await j.page.locator('.monaco-editor .squiggly-error').count()) === 0, 'an error squiggle is still drawn');
      j.note(`${undos} undo(s); after saving: status bar ${down.label}; file bytes identical to the fixture (CRLF kept)`);
    },
  },
];
