/**
 * User journeys through the real VS Code UI (code-server + Chromium), in the order they run.
 * `id` names the screenshots (NN-<id>.png). Each journey gets a fresh workspace folder holding
 * byte-exact copies of `files` (from test/fixtures/corpus) and a fresh browser window on it;
 * `prepare(workspace, { fixture })`, when given, writes more files before the window opens (fixture(name):
 * a corpus file's path) and may return
 * `{ settings }`: user settings for this journey only (the profile's are put back afterwards).
 * `run(j)` drives it:
 *   j.page          Playwright page with the workbench loaded on the workspace
 *   j.path(name)    the copy's path on disk
 *   j.fixture(name) the fixture's path (to compare bytes)
 *   j.shot(label)   saves an extra screenshot (the runner always saves one at the end)
 *   j.note(text)    a line printed under the journey's result
 *   j.consoleLines() what the browser's console said so far, every frame
 *   j.readmeShot(name, regions)  a cropped screenshot for the README (docs/images/), only when
 *                   the runner has JOURNEYS_README_IMAGES (npm run screenshots)
 *   j.controller(name)  a simulated controller on real JACK ports (journeys marked `midi: true`):
 *                   plug(), probe(), play([{ bytes, delayMs }]); see controller.mjs
 */
import * as fs from 'node:fs';
import {
  activeTabDirty,
  expect,
  FIRST_TEXT_EDITOR,
  JourneyError,
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
const OTHER = 'export-Xone-4D.midi.csv';
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

/** Drags the vertical sash that sits on x = `edge` to x = `to`, as a hand on the mouse would. */
async function dragVerticalSash(page, edge, to) {
  for (const sash of await page.locator('.monaco-sash.vertical').all()) {
    const box = await sash.boundingBox();
    if (!box || Math.abs(box.x + box.width / 2 - edge) > 6) continue;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(to, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
    return;
  }
  throw new JourneyError(`no sash at x = ${Math.round(edge)}`);
}

/** Drags the sash between the side bar and the editor so the side bar is `width` pixels wide. */
async function widenSideBar(page, width) {
  const sidebarBox = await page.locator('.part.sidebar').boundingBox();
  await dragVerticalSash(page, sidebarBox.x + sidebarBox.width, sidebarBox.x + width);
}

/** Text of line `n` in the text editor of the first editor group ('' when not in view). */
async function textEditorLine(page, n) {
  return (await lineText(page, n, FIRST_TEXT_EDITOR)) ?? '';
}

/** Runs a command from the palette (F1): types `typed`, waits for an entry holding `listed`, Enter. */
async function runFromPalette(page, typed, listed = typed) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: WAIT.ui });
  await input.fill(`>${typed}`);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: listed }).first().waitFor({ timeout: WAIT.extension });
  await page.keyboard.press('Enter');
}

/** The notification toast holding `text` (a Playwright locator). */
const toast = (page, text) => page.locator('.notifications-toasts .notification-toast', { hasText: text });

/** The mapping table beside the text: the editor title's button, then its tab and its page. */
async function openTable(page, name) {
  await page.locator('.editor-actions .action-label[aria-label^="Open Mapping Table"]').first().click();
  await page.locator('.tab', { hasText: `${name} — Table` }).waitFor({ timeout: WAIT.extension });
  return page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
}

/**
 * A DIY controller's mapping written one row per channel, deck columns empty (CRLF, as Rekordbox
 * writes): what Rekordbox's DUPLICATE (decks 1–4) and DUPLICATE for another deck are for.
 * PlayPause has decks 1 and 2 (its next copy: deck 3); `#` assigns nothing.
 */
const DIY = 'diy-controller.midi.csv';
const DIY_ROWS = [
  '@file,1,DIY Controller',
  'PlayPause,,Button,900B,,,,,900B,,,,,Fast;,',
  'PlayPause,,Button,910B,,,,,910B,,,,,Fast;,',
  'Cue,,Button,900C,,,,,900C,,,,,Fast;,',
  'Sync,,Button,9058,,,,,,,,,,,',
  '#,,Button,9001,,,,,,,,,,,',
];

/** What Rekordbox's store had for the DDJ-FLX10 before an install (CRLF, as Rekordbox writes). */
const STORED_BEFORE = '@file,1,DDJ-FLX10\r\nPlayPause,PlayPause,Button,900B,0,1,2,3,900B,0,1,2,3,Fast;Priority=50;Dual,what Rekordbox had\r\n';

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
      const panel = await waitFor(
        '8 error rows in the Problems panel',
        () => problemsPanel(j.page),
        p => p.rows.filter(r => r.severity === 'Error').length === 8,
      );
      const errors = panel.rows.filter(r => r.severity === 'Error');
      expect(
        errors.every(r => /rekordbox-midi\W*field-count/.test(r.text)),
        `not every row is a field-count error: ${JSON.stringify(errors.map(r => r.text.slice(-60)))}`,
      );
      const lines = errors.map(r => Number(/\[Ln (\d+), Col \d+\]/.exec(r.text)?.[1])).sort((a, b) => a - b);
      expect(lines.join() === '8,9,10,11,12,13,14,15', `errors on lines ${lines.join()}, expected 8-15`);
      // The badge counts every problem: the 8 errors and the file's warnings (its line 23 is line 22's 14-bit LSB).
      expect(Number(panel.badge) === counts.errors + counts.warnings, `the Problems tab badge shows '${panel.badge}', the status bar ${counts.label}`);
      const squiggles = await j.page.locator('.monaco-editor .squiggly-error').count();
      j.note(
        `status bar: ${counts.label}; Problems badge ${panel.badge}; ` +
          `${errors.length} field-count rows on lines ${lines[0]}-${lines.at(-1)}; ${squiggles} squiggles drawn`,
      );
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
      expect(
        row.text.includes('90O8') && /rekordbox-midi\W*bad-hex/.test(row.text) && row.text.includes(`[Ln ${PLAY_LINE}, Col 28]`),
        `unexpected Problems row: ${row.text}`,
      );
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
      await waitFor(
        'the probes to stop arriving',
        async () => {
          const n = await lineCount();
          const same = n === last;
          last = n;
          return same;
        },
        ok => ok,
        WAIT.ui,
        500,
      );
      await sidebar.getByRole('button', { name: 'Clear' }).click();
      await waitFor('an empty monitor', lineCount, n => n === 0);

      await controller.play(djPerformance());
      const texts = () => sidebar.locator('.line').allInnerTexts();
      const lines = await waitFor(
        'the whole performance in the monitor',
        texts,
        t => t.length >= 9 && /PlayPause · deck 1/.test(t[0]) && /Load/.test(t.join('\n')),
        WAIT.ui,
      );
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
      const cursor = await waitFor(
        'the cursor on the Cue row (Ln 18)',
        () => j.page.locator('#status\\.editor\\.selection').innerText(),
        c => c.startsWith('Ln 18,'),
      );
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
      const table = await openTable(page, FACTORY);
      const tab = id => table.locator(`[role=tab][data-tab="${id}"]`);
      await waitFor(
        'the DECK tab selected with its rows',
        async () => [await tab('DECK').getAttribute('aria-selected'), await table.locator('tr.row').count()],
        ([selected, rows]) => selected === 'true' && rows > 0,
        WAIT.extension,
      );
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
      const filtered = await waitFor(
        'the filtered rows',
        () => table.locator('tr.row .col-function .name').allInnerTexts(),
        n => n.length > 0 && n.length < mixerCount,
      );
      expect(filtered.some(n => n === 'EQHigh'), `the filter "eq" keeps ${filtered.join(', ')}`);
      expect(/of \d+ rows/.test(await table.locator('.count').innerText()), 'the count does not say how many rows the filter keeps');

      const row = table.locator('tr.row', { has: table.locator('.name', { hasText: /^EQHigh$/ }) }).first();
      const line = Number(await row.getAttribute('data-line'));
      // The table has the focus: the status bar shows no cursor until a text editor has it again.
      await waitFor(
        'no text editor with the focus before the click (no cursor in the status bar)',
        () => page.locator('#status\\.editor\\.selection').count(),
        n => n === 0,
      );
      await row.click();
      const cursor = await waitFor(
        `the cursor on the EQHigh row (Ln ${line + 1})`,
        () => page.locator('#status\\.editor\\.selection').innerText(),
        c => c.startsWith(`Ln ${line + 1}, Col 1`),
      );
      expect((await lineText(page, line + 1)).startsWith('EQHigh,'), `line ${line + 1} is not the EQHigh row`);
      // The breadcrumbs follow the cursor through the outline: the file, its section, the row.
      const crumbs = await waitFor(
        'the breadcrumbs on the EQHigh row',
        () => page.locator('.part.editor .editor-group-container.active .breadcrumbs-control').innerText(),
        t => /Mixer\s*\S*\s*EQHigh/.test(t),
      );
      j.note(`breadcrumbs: ${crumbs.replace(/\s+/g, ' ')}`);
      // The README's picture: the side bar closed and the table given most of the width, so every
      // column shows (Function to Comment); then the layout as it was.
      await page.keyboard.press('Control+B');
      await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: WAIT.ui });
      const editorPart = await page.locator('.part.editor').boundingBox();
      const textGroup = await page.locator('.part.editor .editor-group-container').first().boundingBox();
      await dragVerticalSash(page, textGroup.x + textGroup.width, editorPart.x + editorPart.width * 0.36);
      const fits = () =>
        table
          .locator('body')
          .evaluate(() => Math.round(document.querySelector('th.col-comment').getBoundingClientRect().right - document.documentElement.clientWidth));
      await waitFor('every column of the table in view (the Comment column\'s right edge inside the page)', fits, over => over <= 0);
      await j.readmeShot('mapping-table', [page.locator('.part.editor')], 0);
      await runFromPalette(page, 'View: Reset Editor Group Sizes');
      await page.keyboard.press('Control+B');
      await page.locator('.part.sidebar').waitFor({ state: 'visible', timeout: WAIT.ui });

      // The keyboard: from the filter ↓ to the first row, Delete deletes it (no question), Ctrl+Z in
      // the table brings it back — exactly one step.
      // The table keeps the focus: read the text from its editor, which is not the active group now.
      const textLine = n => textEditorLine(page, n);
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
      await waitFor(
        'the MIXER tab selected again after the reload',
        () => restored.locator('[role=tab][data-tab="MIXER"]').getAttribute('aria-selected'),
        s => s === 'true',
        WAIT.extension,
      );
      await waitFor('the filter kept', () => restored.locator('input.filter').inputValue(), v => v === 'EQHigh');
      await waitFor('MIDI IN still sorted ascending', () => restored.locator('th.col-midiIn').getAttribute('aria-sort'), s => s === 'ascending');
      const afterReload = await waitFor(
        'the filtered rows after the reload',
        () => restored.locator('tr.row .col-function .name').allInnerTexts(),
        n => n[0] === 'EQHigh',
      );
      j.note(
        `DECK ${deckBadge} rows, MIXER ${mixerCount}; MIDI IN ascending ${codes.slice(0, 4).join(' ')}…; ` +
          `"eq" keeps ${filtered.length}: ${filtered.join(', ')}; click on EQHigh: the text editor focused, cursor ${cursor}; ` +
          `after a reload: MIXER, "EQHigh", ${afterReload.length} rows`,
      );
    },
  },
  {
    id: 'table-actions',
    name:
      'the mapping table on a one-row-per-channel mapping: tabs from the keyboard, Enter, ' +
      'DUPLICATE and DUPLICATE FOR DECK by click and by Ctrl+D / Ctrl+Shift+D, each undone; ' +
      'its colours follow the theme; its page refuses what its security policy forbids',
    files: [],
    prepare(workspace) {
      fs.writeFileSync(`${workspace}/${DIY}`, DIY_ROWS.join('\r\n') + '\r\n');
      return {};
    },
    async run(j) {
      const page = j.page;
      const original = fs.readFileSync(j.path(DIY), 'latin1');
      await openMapping(j, DIY, '@file,1,DIY Controller');
      const table = await openTable(page, DIY);
      const tab = id => table.locator(`[role=tab][data-tab="${id}"]`);
      const names = () => table.locator('tr.row .col-function .name').allInnerTexts();
      await waitFor(
        'the DECK tab with its 4 rows',
        async () => [await tab('DECK').getAttribute('aria-selected'), (await names()).join()],
        ([s, n]) => s === 'true' && n === 'PlayPause,PlayPause,Cue,Sync',
        WAIT.extension,
      );
      const message = () => table.locator('.message').innerText();
      const rowFocused = () =>
        table
          .locator('body')
          .evaluate(() => (document.hasFocus() && document.activeElement?.matches('tr.row') ? document.activeElement.querySelector('.name').textContent : ''));
      const textIsOriginal = async () =>
        (await Promise.all(DIY_ROWS.map((_, i) => textEditorLine(page, i + 1)))).join('\n') === DIY_ROWS.join('\n') &&
        (await textEditorLine(page, DIY_ROWS.length + 1)) === '';

      // Tabs, as the WAI-ARIA tabs pattern has them: → and ← select the next and previous tab, End the last.
      await tab('DECK').focus();
      await page.keyboard.press('ArrowRight');
      await waitFor('PAD selected by →', () => tab('PAD').getAttribute('aria-selected'), s => s === 'true');
      await waitFor('PAD says it has none of these rows', () => table.locator('.empty').innerText(), t => t === 'No row of this mapping is in the PAD tab.');
      await page.keyboard.press('End');
      await waitFor(
        'All selected by End, the disabled row greyed in it',
        async () => [await tab('ALL').getAttribute('aria-selected'), await table.locator('tr.row.disabled .name').allInnerTexts()],
        ([s, d]) => s === 'true' && d.join() === '#',
      );
      await page.keyboard.press('Home');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowLeft');
      await waitFor('DECK selected again by Home, →, ←', () => tab('DECK').getAttribute('aria-selected'), s => s === 'true');

      // ↓ from the tab to the first row, ↓ again, Enter: the text editor shows that row, cursor on it.
      await page.keyboard.press('ArrowDown');
      await waitFor('the first row focused', rowFocused, n => n === 'PlayPause');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await waitFor(
        'Enter: the cursor on line 3 (the second PlayPause row)',
        () => page.locator('#status\\.editor\\.selection').innerText(),
        c => c.startsWith('Ln 3, Col 1'),
      );

      // DUPLICATE by click: the Cue row serves decks 1–4 (deck channels 0,1,2,3, in and out); Ctrl+Z undoes it.
      await table.locator('tr.row', { has: table.locator('.name', { hasText: /^Cue$/ }) }).click();
      await table.getByRole('button', { name: 'DUPLICATE', exact: true }).click();
      await waitFor('line 4 with deck channels 0,1,2,3', () => textEditorLine(page, 4), t => t === 'Cue,,Button,900C,0,1,2,3,900C,0,1,2,3,Fast;,');
      expect(/^Duplicated line 4 \(Cue\) for decks 1–4/.test(await message()), `the table's message: ${await message()}`);
      await waitFor(
        'the table to show Cue on decks 1–4',
        () => table.locator('tr.row', { has: table.locator('.name', { hasText: /^Cue$/ }) }).locator('.col-deck').innerText(),
        d => d === '1–4',
      );
      expect((await page.locator('.tab.dirty', { hasText: DIY }).count()) === 1, 'DUPLICATE saved the file: its tab shows no unsaved changes');
      await page.keyboard.press('Control+Z');
      await waitFor('Ctrl+Z: the text as it was', textIsOriginal, ok => ok);

      // DUPLICATE FOR DECK by click: PlayPause has decks 1 and 2, so the copy is for deck 3 (920B), after the row.
      await table.locator('tr.row[data-line="1"]').click();
      const deckButton = table.getByRole('button', { name: /^DUPLICATE FOR DECK/ });
      await waitFor('the button naming deck 3', () => deckButton.innerText(), t => t === 'DUPLICATE FOR DECK 3');
      await deckButton.click();
      await waitFor(
        'the copy for deck 3 on line 3',
        () => Promise.all([textEditorLine(page, 3), textEditorLine(page, 4)]),
        ([a, b]) => a === 'PlayPause,,Button,920B,,,,,920B,,,,,Fast;,' && b === DIY_ROWS[2],
      );
      expect(/^Duplicated line 2 \(PlayPause\) for deck 3: line 3, MIDI IN 920B\./.test(await message()), `the table's message: ${await message()}`);
      await page.keyboard.press('Control+Z');
      await waitFor('Ctrl+Z: the text as it was', textIsOriginal, ok => ok);

      // From the keyboard: Sync, Ctrl+Shift+D (its copy for deck 2: 9158) — and not VS Code's Run and
      // Debug view, which the same keys open elsewhere — then Ctrl+D (decks 1–4); each undone.
      await table.locator('input.filter').fill('Sync');
      await waitFor('Sync alone', names, n => n.join() === 'Sync');
      await table.locator('input.filter').press('ArrowDown');
      await waitFor('Sync focused', rowFocused, n => n === 'Sync');
      const sideBarTitle = () => page.locator('.part.sidebar .composite.title').innerText().catch(() => '');
      const titleBefore = await sideBarTitle();
      await page.keyboard.press('Control+Shift+D');
      await waitFor('Ctrl+Shift+D: the copy for deck 2 on line 6', () => textEditorLine(page, 6), t => t === 'Sync,,Button,9158,,,,,,,,,,,');
      expect((await sideBarTitle()) === titleBefore, `Ctrl+Shift+D also reached the workbench: the side bar shows ${await sideBarTitle()}`);
      await waitFor('the row focused again', rowFocused, n => n === 'Sync');
      await page.keyboard.press('Control+Z');
      await waitFor('Ctrl+Z: the text as it was', textIsOriginal, ok => ok);
      await waitFor('the row focused again after the undo', rowFocused, n => n === 'Sync');
      await page.keyboard.press('Control+D');
      await waitFor('Ctrl+D: Sync on decks 1–4', () => textEditorLine(page, 5), t => t === 'Sync,,Button,9058,0,1,2,3,,,,,,,');
      await waitFor('the row focused again', rowFocused, n => n === 'Sync');
      await page.keyboard.press('Control+Z');
      await waitFor('Ctrl+Z: the text as it was', textIsOriginal, ok => ok);
      await j.shot('after-duplicates-undone');
      expect(fs.readFileSync(j.path(DIY), 'latin1') === original, 'the file on disk changed: nothing is saved behind the user');

      // The VS Code theme: the page takes its colours from it (the text editor's background), and
      // follows a change of theme at once.
      const pageColours = () =>
        table.locator('body').evaluate(() => ({
          kind: /\bvscode-(light|dark|high-contrast(-light)?)\b/.exec(document.body.className)?.[0] ?? '',
          background: getComputedStyle(document.body).backgroundColor,
        }));
      const editorBackground = () =>
        page.locator('.part.editor .monaco-editor .monaco-editor-background').first().evaluate(e => getComputedStyle(e).backgroundColor);
      const light = await pageColours();
      expect(
        light.kind === 'vscode-light' && light.background === (await editorBackground()),
        `the page's colours ${JSON.stringify(light)}, the text editor's background ${await editorBackground()}`,
      );
      // The theme picker by its keys (Ctrl+K Ctrl+T) from the text editor (in code-server, Enter on
      // "Preferences: Color Theme" in the palette showed no picker here).
      await page.locator('.part.editor .monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+T');
      await page.locator('.quick-input-widget input').fill('Dark Modern');
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Dark Modern' }).first().waitFor({ timeout: WAIT.ui });
      await page.keyboard.press('Enter');
      const dark = await waitFor(
        'the page in the dark theme, on the text editor\'s background',
        async () => [await pageColours(), await editorBackground()],
        ([p, e]) => p.kind === 'vscode-dark' && p.background === e && e !== light.background,
      );

      // The page's Content-Security-Policy: nothing but this load's own script, the extension's styles
      // and images. An inline script, an inline style and a remote image are refused, and the page
      // itself never tripped it (the browser console says so when it does).
      const refusedBefore = j.consoleLines().filter(l => /Content Security Policy/i.test(l));
      const probe = await table.locator('body').evaluate(async () => {
        const violations = [];
        document.addEventListener('securitypolicyviolation', e => violations.push(e.effectiveDirective));
        const script = document.createElement('script');
        script.textContent = 'window.cspProbeRan = true';
        document.body.append(script);
        const style = document.createElement('style');
        style.textContent = 'body { outline: 7px solid rgb(255, 0, 0) }';
        document.head.append(style);
        const image = new Image();
        image.src = 'https://example.com/pixel.png';
        document.body.append(image);
        await new Promise(r => setTimeout(r, 1000));
        return {
          policy: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
          scriptRan: window.cspProbeRan === true,
          outline: getComputedStyle(document.body).outlineWidth,
          violations: [...new Set(violations)].sort(),
        };
      });
      expect(
        /^default-src 'none'; /.test(probe.policy) && /script-src 'nonce-[A-Za-z0-9]{32}'/.test(probe.policy) && !/unsafe/.test(probe.policy),
        `the page's policy: ${probe.policy}`,
      );
      expect(
        !probe.scriptRan && probe.outline !== '7px',
        `the page ran an inline script (${probe.scriptRan}) or applied an inline style (outline ${probe.outline})`,
      );
      expect(probe.violations.join() === 'img-src,script-src-elem,style-src-elem', `violations reported: ${probe.violations.join()}`);
      expect(refusedBefore.length === 0, `the table's own page was refused something: ${refusedBefore.join(' | ').slice(0, 400)}`);
      j.note(`theme: ${light.background} → ${dark[0].background} with Dark Modern`);
      j.note(
        'tabs →/End/Home/←, Enter on row 2, DUPLICATE (decks 1–4), DUPLICATE FOR DECK 3, Ctrl+Shift+D, Ctrl+D, each undone with Ctrl+Z; ' +
          `CSP: ${probe.policy.replace(/nonce-\w+/, 'nonce-…').replace(/https?:\/\/[^ ;]+|vscode-[^ ;]+/g, '<webview>')}; ` +
          `refused: ${probe.violations.join(', ')}`,
      );
    },
  },
  {
    id: 'rekordbox-folders',
    name:
      "Rekordbox's folders: a factory file opened inside the application folder warns, Copy to a Safe Place, " +
      'then Install into Rekordbox… asks to save, shows what it writes, keeps a backup',
    files: [],
    prepare(workspace, { fixture }) {
      // A fake Rekordbox tree (this machine is Linux: nothing is found automatically), given to the
      // extension through its settings. The application folder sits in the workspace, as when a user
      // opens Rekordbox's own folder; the user store, which Install writes, beside it.
      const mappings = `${workspace}/rekordbox 7.1.3/MidiMappings`;
      const store = `${workspace}-store/Pioneer/rekordbox6/MidiMappings`;
      fs.mkdirSync(mappings, { recursive: true });
      fs.mkdirSync(store, { recursive: true });
      fs.copyFileSync(fixture(FACTORY), `${mappings}/DDJ-FLX10.midi.csv`);
      fs.writeFileSync(`${store}/DDJ-FLX10.midi.csv`, STORED_BEFORE);
      return { settings: { 'rekordboxMidi.rekordbox.applicationFolder': `${workspace}/rekordbox 7.1.3`, 'rekordboxMidi.rekordbox.userMappingFolder': store } };
    },
    async run(j) {
      const page = j.page;
      const workspace = j.path('');
      const appFile = `${workspace}/rekordbox 7.1.3/MidiMappings/DDJ-FLX10.midi.csv`;
      const stored = `${workspace}-store/Pioneer/rekordbox6/MidiMappings/DDJ-FLX10.midi.csv`;
      const factoryBytes = fs.readFileSync(j.fixture(FACTORY));

      // Quick Open (Ctrl+P) on the factory file in the application folder: the warning, with its action.
      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: WAIT.ui });
      await input.fill('MidiMappings/DDJ-FLX10.midi.csv');
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'DDJ-FLX10.midi.csv' }).first().waitFor({ timeout: WAIT.ui });
      await page.keyboard.press('Enter');
      const warning = toast(page, "inside Rekordbox's application folder");
      await warning.waitFor({ timeout: WAIT.extension });
      const warned = (await warning.innerText()).replace(/\s+/g, ' ');
      expect(warned.includes(`DDJ-FLX10.midi.csv is inside Rekordbox's application folder (${workspace}/rekordbox 7.1.3).`), `the warning: ${warned}`);
      expect(
        /crashing at launch/.test(warned) && /IMPORT or "Install into Rekordbox…"/.test(warned),
        `the warning does not say why or what to do instead: ${warned}`,
      );
      await j.shot('application-folder-warning');

      // Copy to a Safe Place…: a save dialog on the workspace folder, outside the application folder.
      await warning.getByRole('button', { name: 'Copy to a Safe Place…' }).click();
      await page.locator('.quick-input-widget', { hasText: 'Copy the mapping to a safe place' }).waitFor({ timeout: WAIT.ui });
      const proposed = await waitFor('the proposed place', () => input.inputValue(), v => v.endsWith('DDJ-FLX10.midi.csv'));
      expect(proposed === `${workspace}/DDJ-FLX10.midi.csv`, `Copy to a Safe Place proposed ${proposed}`);
      await page.keyboard.press('Enter');
      const copy = `${workspace}/DDJ-FLX10.midi.csv`;
      await waitFor('the copy on disk, byte for byte', () => fs.existsSync(copy) && fs.readFileSync(copy).equals(factoryBytes), ok => ok);
      await waitFor(
        'the copy opened (its breadcrumbs outside the application folder)',
        () => page.locator('.part.editor .editor-group-container.active .breadcrumbs-control').innerText().catch(() => ''),
        t => t.startsWith('DDJ-FLX10.midi.csv'),
      );
      expect(fs.readFileSync(appFile).equals(factoryBytes), 'the file in the application folder changed');

      // An unsaved edit (PlayPause disabled with #), then Install: it asks first; Cancel leaves all as it was.
      await goTo(page, PLAY_LINE, 1);
      await page.keyboard.type('#');
      const dialog = page.locator('.monaco-dialog-box');
      const dialogText = async () => (await dialog.innerText()).replace(/\s+/g, ' ');
      await runFromPalette(page, 'Rekordbox MIDI: Install into Rekordbox…');
      await dialog.waitFor({ timeout: WAIT.extension });
      const unsaved = await dialogText();
      expect(
        unsaved.includes('DDJ-FLX10.midi.csv has unsaved changes. Rekordbox would get the saved file without them.') &&
          unsaved.includes('Save it and go on installing?'),
        `the unsaved-changes question: ${unsaved}`,
      );
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'hidden', timeout: WAIT.ui });
      expect(fs.readFileSync(copy).equals(factoryBytes) && fs.readFileSync(stored, 'latin1') === STORED_BEFORE, 'Cancel wrote something');
      expect(await activeTabDirty(page), 'Cancel lost the unsaved edit');

      // Again: Save and Continue saves, then the confirmation says exactly what is written and what to
      // know; Cancel there writes nothing into Rekordbox's store.
      await runFromPalette(page, 'Rekordbox MIDI: Install into Rekordbox…');
      await dialog.getByRole('button', { name: 'Save and Continue' }).click();
      await waitFor('the confirmation', dialogText, t => t.includes('Install the mapping for "DDJ-FLX10" into Rekordbox?'), WAIT.extension);
      const confirmation = await dialogText();
      for (const part of [
        `This writes: ${stored}`,
        'The mapping there now is kept beside it as DDJ-FLX10.midi.csv.<date-time>.bak.',
        'Close Rekordbox first: it reads this file when it starts, and a running Rekordbox rewrites it',
        'use IMPORT instead: in Rekordbox open Preferences > Controller > MIDI (or the MIDI button), choose the device and click IMPORT.',
      ]) {
        expect(confirmation.includes(part), `the confirmation does not say "${part}": ${confirmation}`);
      }
      await j.shot('install-confirmation');
      const edited = fs.readFileSync(copy, 'latin1');
      expect(
        edited === factoryBytes.toString('latin1').replace('\r\nPlayPause,PlayPause,', '\r\n#PlayPause,PlayPause,'),
        'Save and Continue did not save exactly the edit',
      );
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'hidden', timeout: WAIT.ui });
      expect(fs.readFileSync(stored, 'latin1') === STORED_BEFORE, 'Cancel on the confirmation wrote into the store');

      // Install: the store gets the saved bytes, what was there is kept as a timestamped backup.
      await runFromPalette(page, 'Rekordbox MIDI: Install into Rekordbox…');
      await waitFor('the confirmation again', dialogText, t => t.includes('Install the mapping for "DDJ-FLX10" into Rekordbox?'), WAIT.extension);
      await dialog.getByRole('button', { name: 'Install' }).click();
      const done = toast(page, 'Installed the mapping for "DDJ-FLX10" into Rekordbox');
      await done.waitFor({ timeout: WAIT.extension });
      const said = (await done.innerText()).replace(/\s+/g, ' ');
      const storeFolder = stored.slice(0, stored.lastIndexOf('/'));
      const backups = fs.readdirSync(storeFolder).filter(f => f !== 'DDJ-FLX10.midi.csv');
      expect(
        backups.length === 1 && /^DDJ-FLX10\.midi\.csv\.\d{8}-\d{6}(-\d+)?\.bak$/.test(backups[0]),
        `the store holds ${fs.readdirSync(storeFolder).join(', ')}`,
      );
      expect(fs.readFileSync(`${storeFolder}/${backups[0]}`, 'latin1') === STORED_BEFORE, 'the backup is not what the store had');
      expect(fs.readFileSync(stored, 'latin1') === edited, 'the store does not hold the saved mapping');
      expect(said.includes(`${stored}. The previous mapping is kept as ${backups[0]}. Start Rekordbox to use it.`), `the message: ${said}`);
      expect(fs.readFileSync(appFile).equals(factoryBytes), 'the file in the application folder changed');
      j.note(`warning: ${warned.slice(0, 90)}…; copy proposed at ${proposed.slice(workspace.length + 1)}; installed with backup ${backups[0]}`);
    },
  },
  {
    id: 'walkthrough',
    name: 'the walkthrough: Get Started, open a mapping through its dialog, a hover in the example, the example with mistakes and its fixes',
    files: [FACTORY, OTHER],
    async run(j) {
      const page = j.page;
      await openMapping(j, FACTORY, '@file,1,DDJ-FLX10');
      await page.keyboard.press('Control+B'); // the side bar closed: room for the walkthrough beside the example
      await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: WAIT.ui });
      await runFromPalette(page, 'Rekordbox MIDI: Get Started', 'Get Started with Rekordbox MIDI Mappings');
      const details = page.locator('.gettingStartedSlideDetails');
      await details.getByText('Get started with Rekordbox MIDI mappings').first().waitFor({ timeout: WAIT.ui });
      const steps = await details.locator('button.getting-started-step .step-title').allInnerTexts();
      expect(
        steps.join('|') === 'Open a mapping|Read a hover|Fix a problem|Learn a control|Install into Rekordbox',
        `the walkthrough's steps: ${steps.join(' | ')}`,
      );
      // The step's page (a webview) shows its picture once loaded.
      const stepPage = details.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
      await stepPage.locator('img[src*="open-mapping.svg"]').waitFor({ timeout: WAIT.ui });
      await page.waitForTimeout(500);
      await j.readmeShot('walkthrough', [page.locator('.part.editor')], 0);

      // Open a mapping: its button asks for a file (code-server's own file dialog) and opens it
      // beside the walkthrough.
      await details.getByRole('button', { name: 'Open a Mapping File…' }).click();
      // As a user does: a click on the file in the listing of the workspace folder opens it (a path
      // typed in one go can be judged "a path that exists?" before the dialog has read the folder).
      const dialog = page.locator('.quick-input-widget', { hasText: 'Open a Rekordbox MIDI mapping' });
      await dialog.waitFor({ timeout: WAIT.ui });
      await dialog.locator('.monaco-list-row', { hasText: OTHER }).click();
      await page.locator('.tab.active', { hasText: OTHER }).waitFor({ timeout: WAIT.extension });
      await waitFor('the chosen mapping as a Rekordbox mapping', () => languageMode(page), m => m === 'Rekordbox MIDI Mapping', WAIT.extension);
      j.note(`"Open a Mapping File…": ${OTHER} opened beside the walkthrough`);

      // Read a hover: its button opens the example beside the walkthrough with the hover on 900B.
      await details.locator('button.getting-started-step', { hasText: 'Read a hover' }).click();
      await details.getByRole('button', { name: 'Show a Hover in the Example' }).click();
      await page.locator('.tab.active', { hasText: 'DDJ-FLX10.midi.csv' }).waitFor({ timeout: WAIT.extension });
      const hover = await waitFor('the hover on 900B', () => hoverText(page), t => /910B/.test(t), WAIT.extension);
      expect(/930B/.test(hover), `the hover does not decode 900B per deck: ${hover.slice(0, 200)}`);
      const cursor = await waitFor(
        `the cursor on 900B (Ln ${PLAY_LINE}, Col 28)`,
        () => page.locator('#status\\.editor\\.selection').innerText(),
        c => c.startsWith(`Ln ${PLAY_LINE}, Col 28`),
      );
      j.note(`"Show a Hover in the Example": the example beside the walkthrough, cursor ${cursor}, hover ${hover.replace(/\s+/g, ' ').slice(0, 80)}…`);

      // Fix a problem: the example with mistakes, its squiggles and the Problems panel; then its fixes.
      await details.locator('button.getting-started-step', { hasText: 'Fix a problem' }).click();
      await details.getByRole('button', { name: 'Open an Example with Mistakes' }).click();
      await page.locator('.tab.active', { hasText: 'with-mistakes.midi.csv' }).waitFor({ timeout: WAIT.extension });
      // Its 8 errors and 2 warnings (as `rekordbox-midi lint` counts them); the panel draws only the rows in view.
      const panel = await waitFor(
        'the 10 mistakes in the Problems panel',
        () => problemsPanel(page),
        p => p.badge === '10' && p.rows.length > 0,
        WAIT.extension,
      );
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
      const status = await waitFor(
        'the language status of with-mistakes.midi.csv',
        () => languageStatus(page),
        s => /8 errors, 2 warnings/.test(s),
        WAIT.extension,
      );
      await openProblemsPanel(page);
      const panel = await waitFor(
        'the 10 mistakes in the Problems panel',
        () => problemsPanel(page),
        p => p.badge === '10' && p.rows.length > 0,
        WAIT.extension,
      );
      expect(panel.rows.some(r => /bad-hex/.test(r.text)), `no bad-hex row: ${JSON.stringify(panel.rows.map(r => r.text.slice(0, 60)))}`);
      await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: WAIT.ui });
      const printed = j.npmStartOutput();
      expect(
        /open with-mistakes\.midi\.csv to see the diagnostics/.test(printed),
        `npm start did not point at the example with mistakes: ${printed.slice(-300)}`,
      );
      j.note(`npm start printed: ${printed.trim().split('\n').filter(l => l.startsWith('start:') || l.startsWith('http')).join(' | ')}`);
      j.note(`language status: ${status}; Problems badge ${panel.badge}`);
    },
  },
];
