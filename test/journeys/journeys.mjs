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
 *   j.readmeShot(name, regions)  a cropped screenshot for the README (docs/images/), only when
 *                   the runner has JOURNEYS_README_IMAGES (npm run screenshots)
 *   j.controller(name)  a simulated controller on real JACK ports (journeys marked `midi: true`):
 *                   plug(), probe(), play([{ bytes, delayMs }]); see controller.mjs
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

/** The Rekordbox MIDI sidebar's page: VS Code puts a webview view in an iframe holding another. */
const sidebarPage = page => page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');

/** Drags the sash between the side bar and the editor so the side bar is `width` pixels wide. */
async function widenSideBar(page, width) {
  const sidebarBox = await page.locator('.part.sidebar').boundingBox();
  const edge = sidebarBox.x + sidebarBox.width;
  for (const sash of await page.locator('.monaco-sash.vertical').all()) {
    const box = await sash.boundingBox();
    if (!box || Math.abs(box.x + box.width / 2 - edge) > 6) continue;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(sidebarBox.x + width, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
    return;
  }
}

/** What a DJ's hands do in a few seconds, as the FLX10 would send it. */
function djPerformance() {
  const steps = [];
  const add = (bytes, delayMs = 0) => steps.push({ bytes, delayMs });
  add([0x90, 0x0b, 0x7f]); // Play, deck 1
  add([0x90, 0x0b, 0x00], 120);
  add([0x91, 0x0c, 0x7f], 300); // Cue, deck 2
  add([0x91, 0x0c, 0x00], 150);
  for (let i = 0; i <= 24; i++) {
    // Tempo slider, deck 1: 14-bit, MSB on CC 0, LSB on CC 32.
    const value = 8192 + i * 90;
    add([0xb0, 0x00, value >> 7], i === 0 ? 300 : 12);
    add([0xb0, 0x20, value & 0x7f]);
  }
  for (let i = 0; i <= 30; i++) {
    // EQ Low, deck 2, turned down.
    const value = 12000 - i * 220;
    add([0xb1, 0x0f, value >> 7], i === 0 ? 300 : 15);
    add([0xb1, 0x2f, value & 0x7f]);
  }
  for (let i = 0; i < 90; i++) add([0xb0, 0x22, i % 9 === 4 ? 0x43 : 0x41], i === 0 ? 300 : 3); // jog spun forward, deck 1
  for (let i = 0; i < 4; i++) add([0xb6, 0x40, 0x41], i === 0 ? 500 : 90); // Browse, four detents
  add([0x96, 0x46, 0x7f], 400); // Load to deck 1
  add([0x96, 0x46, 0x00], 100);
  add([0x90, 0x0b, 0x7f], 400); // Play again
  return steps;
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
      await j.readmeShot('hover', [j.page.locator('.monaco-hover', { hasText: '910B' }).first(), rect]);
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
      await j.readmeShot('completion', [j.page.locator('.editor-widget.suggest-widget.visible'), await textRect(j.page, PLAY_LINE, 'PlayPa')]);
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
  {
    id: 'midi-monitor',
    name: 'the Rekordbox MIDI sidebar: connect a controller, watch the monitor name the rows, click one',
    files: [FACTORY],
    midi: true,
    async run(j) {
      await openMapping(j, FACTORY, '@file,1,DDJ-FLX10');
      await goTo(j.page, PLAY_LINE, 1); // the Light section follows the cursor's row
      const controller = j.controller('DDJ-FLX10');
      await controller.plug();
      // The activity bar icon opens the sidebar; showing it starts MIDI.
      await j.page.locator('.activitybar .action-item a[aria-label^="Rekordbox MIDI"]').click();
      const sidebar = sidebarPage(j.page);
      await widenSideBar(j.page, 500);
      const port = sidebar.locator('.inputs li', { hasText: 'DDJ-FLX10' });
      await port.waitFor({ timeout: WAIT.extension });
      await port.getByRole('button', { name: 'Connect' }).click();
      await sidebar.locator('.inputs li.connected', { hasText: 'DDJ-FLX10' }).waitFor({ timeout: WAIT.ui });
      // A connection takes effect a JACK cycle later: probe until the monitor shows it, then clear.
      await controller.probe();
      await sidebar.locator('.line.sysEx').first().waitFor({ timeout: WAIT.ui });
      await controller.play([]);
      const lineCount = () => sidebar.locator('.line').count();
      let last = -1;
      await waitFor('the probes to stop arriving', async () => { const n = await lineCount(); const same = n === last; last = n; return same; }, ok => ok, WAIT.ui, 500);
      await sidebar.getByRole('button', { name: 'Clear' }).click();
      await waitFor('an empty monitor', lineCount, n => n === 0);

      await controller.play(djPerformance());
      const texts = () => sidebar.locator('.line').allInnerTexts();
      const lines = await waitFor('the whole performance in the monitor', texts, t => t.length >= 9 && /PlayPause · deck 1/.test(t[0]) && /Load/.test(t.join('\n')), WAIT.ui);
      const all = lines.join('\n');
      expect(/CC 0\/32 \(14-bit\)[\s\S]*TempoSlider · deck 1/.test(all), `no 14-bit tempo line naming TempoSlider deck 1:\n${all}`);
      expect(/CC 15\/47 \(14-bit\)[\s\S]*EQLow · deck 2/.test(all), `no EQ Low line for deck 2:\n${all}`);
      expect(/\+\d+ steps, clockwise[\s\S]*JogScratch · deck 1/.test(all), `no folded jog line naming #JogScratch:\n${all}`);
      expect(/Cue · deck 2/.test(all), `no Cue deck 2 line:\n${all}`);
      expect((await sidebar.locator('.light-row').innerText()).includes('900B 910B 920B 930B'), 'the Light section does not show the PlayPause row’s MIDI OUT');
      j.note(`monitor, newest first: ${lines.slice(0, 6).map(l => l.replace(/\s+/g, ' ')).join(' | ')}`);
      await j.shot('monitor');
      await j.readmeShot('sidebar-monitor', [j.page.locator('.part.sidebar')], 0);

      // A row chip reveals its row in the editor: Cue is line 18.
      await sidebar.locator('button.row', { hasText: 'Cue · deck 2' }).first().click();
      const cursor = await waitFor('the cursor on the Cue row (Ln 18)', () => j.page.locator('#status\\.editor\\.selection').innerText(), c => c.startsWith('Ln 18,'));
      j.note(`clicking "Cue · deck 2" put the cursor at ${cursor}`);
      await goTo(j.page, PLAY_LINE, 1);
      await waitFor('the Light section back on PlayPause', () => sidebar.locator('.light-row').innerText(), t => t.includes('PlayPause'));
    },
  },
  {
    id: 'mapping-table',
    name: 'the mapping table: open it beside the text, MIXER tab, sort by MIDI IN, filter, click a row to reveal it, Delete and Ctrl+Z from the keyboard',
    files: [FACTORY],
    async run(j) {
      const page = j.page;
      await openMapping(j, FACTORY, '@file,1,DDJ-FLX10');
      // The editor title's table button (icon $(table)).
      await page.locator('.editor-actions .action-label[aria-label^="Open Mapping Table"]').first().click();
      await page.locator('.tab', { hasText: `${FACTORY} — Table` }).waitFor({ timeout: WAIT.extension });
      const table = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
      const tab = id => table.locator(`[role=tab][data-tab="${id}"]`);
      await waitFor('the DECK tab selected with its rows', async () => [await tab('DECK').getAttribute('aria-selected'), await table.locator('tr.row').count()], ([selected, rows]) => selected === 'true' && rows > 0, WAIT.extension);
      const deckBadge = await tab('DECK').locator('.badge').innerText();

      await tab('MIXER').click();
      await waitFor('the MIXER tab selected', () => tab('MIXER').getAttribute('aria-selected'), s => s === 'true');
      const mixerCount = Number(await tab('MIXER').locator('.badge').innerText());
      await waitFor(`the ${mixerCount} MIXER rows`, () => table.locator('tr.row').count(), n => n === mixerCount);
      const names = await table.locator('tr.row .col-function .name').allInnerTexts();
      expect(names.includes('EQHigh') && !names.includes('PlayPause'), `MIXER lists ${names.join(', ')}`);

      await table.getByRole('button', { name: 'MIDI IN' }).click();
      const header = table.locator('th.col-midiIn');
      await waitFor('MIDI IN sorted ascending', () => header.getAttribute('aria-sort'), s => s === 'ascending');
      const codes = (await table.locator('tr.row .col-midiIn code.main').allInnerTexts()).filter(c => /^[0-9A-F]{4}$/.test(c));
      const values = codes.map(c => parseInt(c, 16));
      expect(values.length > 5 && values.every((v, i) => i === 0 || values[i - 1] <= v), `MIDI IN not ascending: ${codes.join(' ')}`);
      await j.shot('mixer-by-midi-in');

      await table.locator('input.filter').fill('eq');
      const filtered = await waitFor('the filtered rows', () => table.locator('tr.row .col-function .name').allInnerTexts(), n => n.length > 0 && n.length < mixerCount);
      expect(filtered.some(n => n === 'EQHigh'), `the filter "eq" keeps ${filtered.join(', ')}`);
      expect(/of \d+ rows/.test(await table.locator('.count').innerText()), 'the count does not say how many rows the filter keeps');

      const row = table.locator('tr.row', { has: table.locator('.name', { hasText: /^EQHigh$/ }) }).first();
      const line = Number(await row.getAttribute('data-line'));
      // The table has the focus: the status bar shows no cursor until a text editor has it again.
      await waitFor('no text editor with the focus before the click (no cursor in the status bar)', () => page.locator('#status\\.editor\\.selection').count(), n => n === 0);
      await row.click();
      const cursor = await waitFor(`the cursor on the EQHigh row (Ln ${line + 1})`, () => page.locator('#status\\.editor\\.selection').innerText(), c => c.startsWith(`Ln ${line + 1}, Col 1`));
      expect((await lineText(page, line + 1)).startsWith('EQHigh,'), `line ${line + 1} is not the EQHigh row`);
      await j.readmeShot?.('mapping-table', [page.locator('.part.editor')], 0);

      // The keyboard: from the filter ↓ to the first row, Delete deletes it (no question), Ctrl+Z in
      // the table brings it back — exactly one step.
      // The table keeps the focus: read the text from its editor, which is not the active group now.
      const textLine = n =>
        page.evaluate(([want]) => {
          const editor = document.querySelector('.part.editor .monaco-editor');
          const numbers = [...editor.querySelectorAll('.margin-view-overlays .line-numbers')].find(el => Number(el.textContent) === want);
          const line = numbers && [...editor.querySelectorAll('.view-lines .view-line')].find(el => el.style.top === numbers.parentElement.style.top);
          return line ? line.textContent.replace(/\u00a0/g, ' ') : '';
        }, [n]);
      // A row has the keyboard only when the page has the focus too (not the text editor beside it).
      const rowFocused = () => table.locator('body').evaluate(() => (document.hasFocus() && document.activeElement?.matches('tr.row') ? 1 : 0));
      await table.locator('input.filter').fill('EQHigh');
      // Sorted by MIDI IN: EQHigh (B007) first, then PartIsolatorInst (control EQHigh, B008)…
      await waitFor('EQHigh first', () => table.locator('tr.row .col-function .name').allInnerTexts(), n => n[0] === 'EQHigh' && n.length < filtered.length);
      await table.locator('input.filter').press('ArrowDown');
      await waitFor('the EQHigh row focused', () => table.locator('tr.row:focus').count(), n => n === 1);
      await page.keyboard.press('Delete');
      await waitFor(`line ${line + 1} deleted`, () => textLine(line + 1), t => t.startsWith('PartIsolatorInst,'));
      await waitFor('the table to say so', () => table.locator('.message').innerText(), t => /^Deleted line \d+ \(EQHigh\)/.test(t));
      // The selection moves to the row now in its place, as in a list: Delete again deletes that one.
      await waitFor('PartIsolatorInst focused', () => table.locator('tr.row:focus .name').allInnerTexts(), n => n.join() === 'PartIsolatorInst');
      await page.keyboard.press('Delete');
      await waitFor(`line ${line + 1} deleted again`, () => textLine(line + 1), t => t.startsWith('EQMid,'));
      await waitFor('the row after it focused', rowFocused, n => n === 1);
      await page.keyboard.press('Control+Z');
      await waitFor(`PartIsolatorInst back on line ${line + 1}`, () => textLine(line + 1), t => t.startsWith('PartIsolatorInst,'));
      expect((await textLine(line)).startsWith('Gain,'), 'Ctrl+Z in the table undid more than the last delete');
      // From the table's rows again, Ctrl+Z undoes the first delete.
      await table.locator('input.filter').press('ArrowDown');
      await waitFor('a row focused again', rowFocused, n => n === 1);
      await page.keyboard.press('Control+Z');
      await waitFor(`EQHigh back on line ${line + 1}`, () => textLine(line + 1), t => t.startsWith('EQHigh,'));
      expect((await textLine(line + 2)).startsWith('PartIsolatorInst,'), 'the two undos did not restore both rows in order');
      // Ctrl+Shift+Z redoes in the text; neither key touches what is typed in the filter.
      // As a user would, the next key only once the table shows its row focused again after the undo.
      await waitFor('the row focused again after the undo', rowFocused, n => n === 1);
      await page.keyboard.press('Control+Shift+Z');
      await waitFor(`EQHigh deleted again by the redo`, () => textLine(line + 1), t => t.startsWith('PartIsolatorInst,'));
      await waitFor('the row focused again after the redo', rowFocused, n => n === 1);
      await page.keyboard.press('Control+Z');
      await waitFor(`EQHigh back again`, () => textLine(line + 1), t => t.startsWith('EQHigh,'));
      await waitFor('the filter untouched by the undos', () => table.locator('input.filter').inputValue(), v => v === 'EQHigh');
      await j.shot('after-delete-and-undo');

      // Developer: Reload Window brings the table back as it was left: VS Code restores the panel and
      // our serializer reopens the mapping with the view the page saved. (Not the browser's reload:
      // that skips the workbench's shutdown, where VS Code for the web stores the webview's state.)
      await page.keyboard.press('F1');
      const palette = page.locator('.quick-input-widget input');
      await palette.waitFor({ state: 'visible', timeout: WAIT.ui });
      await palette.fill('>Developer: Reload Window');
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Reload Window' }).first().waitFor({ timeout: WAIT.ui });
      await Promise.all([page.waitForEvent('load', { timeout: WAIT.workbench }), page.keyboard.press('Enter')]);
      await page.waitForSelector('.monaco-workbench', { timeout: WAIT.workbench });
      await page.locator('.tab', { hasText: `${FACTORY} — Table` }).waitFor({ timeout: WAIT.extension });
      const restored = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
      await waitFor('the MIXER tab selected again after the reload', () => restored.locator('[role=tab][data-tab="MIXER"]').getAttribute('aria-selected'), s => s === 'true', WAIT.extension);
      await waitFor('the filter kept', () => restored.locator('input.filter').inputValue(), v => v === 'EQHigh');
      await waitFor('MIDI IN still sorted ascending', () => restored.locator('th.col-midiIn').getAttribute('aria-sort'), s => s === 'ascending');
      const afterReload = await waitFor('the filtered rows after the reload', () => restored.locator('tr.row .col-function .name').allInnerTexts(), n => n[0] === 'EQHigh');
      j.note(`DECK ${deckBadge} rows, MIXER ${mixerCount}; MIDI IN ascending ${codes.slice(0, 4).join(' ')}…; "eq" keeps ${filtered.length}: ${filtered.join(', ')}; click on EQHigh: the text editor focused, cursor ${cursor}; after a reload: MIXER, "EQHigh", ${afterReload.length} rows`);
    },
  },
  {
    id: 'walkthrough',
    name: 'the walkthrough: Get Started, a hover in the example, the example with mistakes and its fixes',
    files: [FACTORY],
    async run(j) {
      const page = j.page;
      await openMapping(j, FACTORY, '@file,1,DDJ-FLX10');
      await page.keyboard.press('Control+B'); // the side bar closed: room for the walkthrough beside the example
      await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: WAIT.ui });
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: WAIT.ui });
      await input.fill('>Rekordbox MIDI: Get Started');
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Get Started with Rekordbox MIDI Mappings' }).first().waitFor({ timeout: WAIT.extension });
      await page.keyboard.press('Enter');
      const details = page.locator('.gettingStartedSlideDetails');
      await details.getByText('Get started with Rekordbox MIDI mappings').first().waitFor({ timeout: WAIT.ui });
      const steps = await details.locator('button.getting-started-step .step-title').allInnerTexts();
      expect(steps.join('|') === 'Open a mapping|Read a hover|Fix a problem|Learn a control|Install into Rekordbox', `the walkthrough's steps: ${steps.join(' | ')}`);
      // The step's page (a webview) shows its picture once loaded.
      const stepPage = details.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
      await stepPage.locator('img[src*="open-mapping.svg"]').waitFor({ timeout: WAIT.ui });
      await page.waitForTimeout(500);
      await j.readmeShot('walkthrough', [page.locator('.part.editor')], 0);

      // Read a hover: its button opens the example beside the walkthrough with the hover on 900B.
      await details.locator('button.getting-started-step', { hasText: 'Read a hover' }).click();
      await details.getByRole('button', { name: 'Show a Hover in the Example' }).click();
      await page.locator('.tab.active', { hasText: 'DDJ-FLX10.midi.csv' }).waitFor({ timeout: WAIT.extension });
      const hover = await waitFor('the hover on 900B', () => hoverText(page), t => /910B/.test(t), WAIT.extension);
      expect(/930B/.test(hover), `the hover does not decode 900B per deck: ${hover.slice(0, 200)}`);
      const cursor = await waitFor(`the cursor on 900B (Ln ${PLAY_LINE}, Col 28)`, () => page.locator('#status\\.editor\\.selection').innerText(), c => c.startsWith(`Ln ${PLAY_LINE}, Col 28`));
      j.note(`"Show a Hover in the Example": the example beside the walkthrough, cursor ${cursor}, hover ${hover.replace(/\s+/g, ' ').slice(0, 80)}…`);

      // Fix a problem: the example with mistakes, its squiggles and the Problems panel; then its fixes.
      await details.locator('button.getting-started-step', { hasText: 'Fix a problem' }).click();
      await details.getByRole('button', { name: 'Open an Example with Mistakes' }).click();
      await page.locator('.tab.active', { hasText: 'with-mistakes.midi.csv' }).waitFor({ timeout: WAIT.extension });
      // Its 8 errors and 2 warnings (as `rekordbox-midi lint` counts them); the panel draws only the rows in view.
      const panel = await waitFor('the 10 mistakes in the Problems panel', () => problemsPanel(page), p => p.badge === '10' && p.rows.length > 0, WAIT.extension);
      expect(panel.rows.some(r => /bad-hex/.test(r.text)), `no bad-hex row: ${JSON.stringify(panel.rows.map(r => r.text.slice(0, 60)))}`);
      await page.locator(`.monaco-editor .squiggly-error`).first().waitFor({ timeout: WAIT.ui });
      await j.readmeShot('problems', [page.locator('.part.editor .editor-group-container.active'), page.locator('.part.panel')], 0);
      await details.getByRole('button', { name: 'Show Fixes' }).click();
      const fixes = page.locator('.action-widget', { hasText: 'Quick Fix' }).first();
      await fixes.getByText("Replace with '9008'").first().waitFor({ timeout: WAIT.extension });
      j.note(`"Show Fixes": ${(await fixes.innerText()).replace(/\s+/g, ' ').slice(0, 120)}`);
      await j.readmeShot('quick-fix', [fixes, await textRect(page, 7, 'Sync,Sync,Button,90O8')]);
    },
  },
  {
    id: 'npm-start',
    name: 'npm start, as the README says: the examples in VS Code, the one with mistakes shows its 10 problems',
    files: [],
    npmStart: true,
    async run(j) {
      const page = j.page;
      // The examples folder it opened: every example in the Explorer.
      for (const name of ['DDJ-FLX10.midi.csv', 'PartySaver.midi.csv', 'Xone-4D.midi.csv', 'with-mistakes.midi.csv']) {
        await page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first().waitFor({ timeout: WAIT.workbench });
      }
      await openMapping(j, 'with-mistakes.midi.csv', '@file,1,');
      // The status item can show the counts of the moment before the first check lands: wait for them.
      const status = await waitFor('the language status of with-mistakes.midi.csv', () => languageStatus(page), s => /8 errors, 2 warnings/.test(s), WAIT.extension);
      await openProblemsPanel(page);
      const panel = await waitFor('the 10 mistakes in the Problems panel', () => problemsPanel(page), p => p.badge === '10' && p.rows.length > 0, WAIT.extension);
      expect(panel.rows.some(r => /bad-hex/.test(r.text)), `no bad-hex row: ${JSON.stringify(panel.rows.map(r => r.text.slice(0, 60)))}`);
      await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: WAIT.ui });
      const printed = j.npmStartOutput();
      expect(/open with-mistakes\.midi\.csv to see the diagnostics/.test(printed), `npm start did not point at the example with mistakes: ${printed.slice(-300)}`);
      j.note(`npm start printed: ${printed.trim().split('\n').filter(l => l.startsWith('start:') || l.startsWith('http')).join(' | ')}`);
      j.note(`language status: ${status}; Problems badge ${panel.badge}`);
    },
  },
];
