/**
 * What a user does and sees in the VS Code workbench (code-server in Chromium), as Playwright steps.
 * Only the DOM a person looks at is read: the Explorer tree, the tabs, the editor's visible lines,
 * the status bar, the Problems panel, the hover and suggest widgets. Waits are generous (the machine
 * may be busy with another VS Code); nothing asserts on speed.
 */

export const WAIT = {
  workbench: 120_000, // first load of the workbench
  extension: 90_000, // the extension activates and the language server answers
  ui: 30_000, // a widget or panel appears after a key press
};

/** The active editor (not the Problems filter, not a widget). */
export const EDITOR = '.part.editor .editor-group-container.active .monaco-editor';

export class JourneyError extends Error {}

export function expect(condition, message) {
  if (!condition) throw new JourneyError(message);
}

/** Polls `read` until `ok(value)`; throws with the last value seen. */
export async function waitFor(what, read, ok, timeout = WAIT.ui, interval = 250) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await read();
    if (ok(last)) return last;
    if (Date.now() > deadline) throw new JourneyError(`${what}: still ${JSON.stringify(last)} after ${Math.round(timeout / 1000)} s`);
    await new Promise(r => setTimeout(r, interval));
  }
}

export async function openWorkbench(page, url) {
  await page.goto(url, { timeout: WAIT.workbench });
  await page.waitForSelector('.monaco-workbench', { timeout: WAIT.workbench });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: WAIT.workbench });
}

/** Double-clicks the file in the Explorer tree and waits for its tab and its first line. */
export async function openFromExplorer(page, name, firstLineText) {
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: name });
  await row.first().waitFor({ timeout: WAIT.workbench });
  await row.first().dblclick();
  await page.locator('.tab.active', { hasText: name }).waitFor({ timeout: WAIT.ui });
  await waitFor(`the editor showing ${name}`, () => editorLines(page), lines => lines.some(l => l.text.startsWith(firstLineText)));
}

/** The language mode shown in the status bar (the "Rekordbox MIDI Mapping" item). */
export async function languageMode(page) {
  const item = page.locator('#status\\.editor\\.mode');
  return (await item.count()) ? (await item.innerText()).trim() : '';
}

/** The language status item's text once the server answered, e.g. "DDJ-FLX10 · 516 rows, factory dialect · 0 errors, 0 warnings". */
export async function languageStatus(page) {
  const item = page.locator('#status\\.languageStatus');
  if (!(await item.count())) return '';
  return ((await item.getAttribute('aria-label')) ?? '').replace(/^Editor Language Status:\s*/, '');
}

/** Error and warning counts from the status bar's problems item (its aria-label: "Errors: 8", "No Problems", ...). */
export async function statusBarProblems(page) {
  const label = (await page.locator('#status\\.problems').getAttribute('aria-label', { timeout: WAIT.ui })) ?? '';
  const count = word => Number(new RegExp(`${word}: (\\d+)`).exec(label)?.[1] ?? 0);
  return { errors: count('Errors'), warnings: count('Warnings'), label };
}

export async function openProblemsPanel(page) {
  if (!(await page.locator('.markers-panel').isVisible().catch(() => false))) await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel').waitFor({ state: 'visible', timeout: WAIT.ui });
}

/** The Problems panel as listed: marker rows (severity, text as shown) and the tab's badge. */
export async function problemsPanel(page) {
  return page.evaluate(() => {
    const panel = document.querySelector('.markers-panel');
    if (!panel) return { badge: '', rows: [], message: '' };
    const rows = [...panel.querySelectorAll('.monaco-list-row')]
      .filter(r => /^(Error|Warning|Info)/.test(r.getAttribute('aria-label') ?? ''))
      .map(r => ({ severity: /^(\w+)/.exec(r.getAttribute('aria-label'))[1], text: r.innerText.replace(/\s+/g, ' ').trim() }));
    const tab = [...document.querySelectorAll('.part.panel .composite-bar .action-item')].find(a => /Problems/.test(a.innerText));
    const badge = tab?.querySelector('.badge')?.style.display === 'none' ? '' : (tab?.querySelector('.badge-content')?.textContent ?? '').trim();
    return { badge, rows, message: panel.innerText.includes('No problems have been detected') ? 'No problems have been detected in the workspace.' : '' };
  });
}

/** The first editor group's text editor, also when a webview beside it has the focus. */
export const FIRST_TEXT_EDITOR = '.part.editor .monaco-editor';

/** The visible lines of the active editor (or of `editor`), with their line numbers: [{ n, text }]. */
export async function editorLines(page, editor = EDITOR) {
  return page.evaluate(sel => {
    const editor = document.querySelector(sel);
    if (!editor) return [];
    const numbers = new Map();
    for (const el of editor.querySelectorAll('.margin-view-overlays .line-numbers')) numbers.set(el.parentElement.style.top, Number(el.textContent));
    return [...editor.querySelectorAll('.view-lines .view-line')]
      .map(el => ({ n: numbers.get(el.style.top), top: parseFloat(el.style.top), text: el.textContent.replace(/\u00a0/g, ' ') }))
      .sort((a, b) => a.top - b.top)
      .map(({ n, text }) => ({ n, text }));
  }, editor);
}

/** Text of visible line `n` of the active editor (or of `editor`); undefined when not in view. */
export async function lineText(page, n, editor = EDITOR) {
  return (await editorLines(page, editor)).find(l => l.n === n)?.text;
}

/** Screen rectangle of `needle` on visible line `n` of the active editor (to point the mouse at it). */
export async function textRect(page, n, needle) {
  return page.evaluate(
    ({ sel, n, needle }) => {
      const editor = document.querySelector(sel);
      let top;
      for (const el of editor.querySelectorAll('.margin-view-overlays .line-numbers')) if (Number(el.textContent) === n) top = el.parentElement.style.top;
      const line = [...editor.querySelectorAll('.view-lines .view-line')].find(el => el.style.top === top);
      if (!line) return null;
      const start = line.textContent.indexOf(needle);
      if (start < 0) return null;
      const range = document.createRange();
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      let pos = 0;
      let node;
      let startSet = false;
      while ((node = walker.nextNode())) {
        const end = pos + node.length;
        if (!startSet && start < end) {
          range.setStart(node, start - pos);
          startSet = true;
        }
        if (startSet && start + needle.length <= end) {
          range.setEnd(node, start + needle.length - pos);
          break;
        }
        pos = end;
      }
      const r = range.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    },
    { sel: EDITOR, n, needle },
  );
}

/** Go to Line (Ctrl+G) "line:column", then the cursor is there and the editor has the focus. */
export async function goTo(page, line, column = 1) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: WAIT.ui });
  // The Go to Line picker's value starts with ':' (without it, it is Quick Open's file search).
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: WAIT.ui });
  await waitFor(
    'the cursor position in the status bar',
    () => page.locator('#status\\.editor\\.selection').innerText(),
    t => t.startsWith(`Ln ${line}, Col ${column}`),
  );
}

/** The suggest widget's rows as shown: [{ label, focused }]. */
export async function suggestions(page) {
  return page.evaluate(() => {
    const widget = document.querySelector('.editor-widget.suggest-widget.visible');
    if (!widget) return null;
    return [...widget.querySelectorAll('.monaco-list-row')].map(r => ({
      label: (r.querySelector('.label-name')?.textContent ?? r.getAttribute('aria-label') ?? '').trim(),
      focused: r.classList.contains('focused'),
    }));
  });
}

/** Text of the visible hover widget ('' when none). */
export async function hoverText(page) {
  return page.evaluate(() => {
    const hovers = [...document.querySelectorAll('.monaco-hover')].filter(h => h.offsetParent !== null && !h.classList.contains('hidden'));
    return hovers.map(h => h.innerText).join('\n').trim();
  });
}

/** The dirty marker of the active tab (unsaved changes). */
export async function activeTabDirty(page) {
  return page.locator('.tab.active').evaluate(t => t.classList.contains('dirty'));
}
