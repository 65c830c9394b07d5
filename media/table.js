// The mapping table's page (client/src/table/mappingTable.ts). It draws the state the extension
// posts — tabs, sorting and filtering are decided there — and sends back what the user did
// (client/src/table/tableMessages.ts lists, and checks, every message).
// Text is set with textContent only: function names and comments never become markup.
// Keyboard: the tabs follow the WAI-ARIA tabs pattern (←/→, Home/End move and select); in the rows
// ↑/↓, PageUp/PageDown, Home/End move the selection, Enter shows the row in the text, Delete deletes
// it, Ctrl+D duplicates it for decks 1–4 and Ctrl+Shift+D for the next deck (each one undoable edit;
// Ctrl+Z here undoes in the text).
// @ts-check
(function () {
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const app = /** @type {HTMLElement} */ (document.getElementById('app'));
  /** @param {WebviewPageMessage} message */
  const send = message => vscode.postMessage(message);

  const COLUMNS = [
    ['function', 'Function'],
    ['deck', 'Deck'],
    ['midiIn', 'MIDI IN'],
    ['type', 'Type'],
    ['midiOut', 'MIDI OUT'],
    ['comment', 'Comment'],
  ];
  /** @type {Record<string, string>} */
  const SEVERITY_LABEL = { error: 'Error', warning: 'Warning', information: 'Info', hint: 'Hint' };
  /** @type {Record<string, string>} */
  const SEVERITY_GLYPH = { error: '✖', warning: '▲', information: 'ℹ', hint: '·' };
  /** @param {{ severity: string, message: string }} problem */
  const problemText = problem => `${SEVERITY_LABEL[problem.severity]}: ${problem.message}`;

  /** @param {string} tag @param {string} [className] @param {string} [text] */
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  /** @param {string} label @param {() => void} onClick @param {string} [className] */
  function button(label, onClick, className) {
    const b = /** @type {HTMLButtonElement} */ (el('button', className, label));
    b.type = 'button';
    b.addEventListener('click', onClick);
    return b;
  }

  // ---- the page's parts, made once ------------------------------------------------------------------
  const header = el('header', 'bar');
  const title = el('h1', 'title');
  const filter = /** @type {HTMLInputElement} */ (el('input', 'filter'));
  filter.type = 'search';
  filter.placeholder = 'Filter: function, control, code, comment';
  filter.setAttribute('aria-label', 'Filter rows by function, control, code or comment');
  filter.maxLength = 200;
  filter.addEventListener('input', () => send({ type: 'filter', text: filter.value }));
  filter.addEventListener('keydown', event => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      focusRow(0);
    }
  });
  const count = el('span', 'count');
  header.append(title, filter, count);

  const tablist = el('div', 'tabs');
  tablist.setAttribute('role', 'tablist');
  tablist.setAttribute('aria-label', 'Rekordbox MIDI window tabs');

  const actions = el('div', 'actions');
  const duplicateButton = button('DUPLICATE', () => act('duplicate'));
  duplicateButton.title = 'Rekordbox’s DUPLICATE: the selected row serves decks 1–4 (deck channels 0,1,2,3). Ctrl+D';
  // Greyed with aria-disabled, not disabled: pressed where it does not apply, the table says why.
  const deckButton = button('DUPLICATE FOR DECK', () => act('duplicateForDeck'));
  const deleteButton = button('DELETE', () => act('delete'));
  deleteButton.title = 'Delete the selected row’s line (Delete key; Ctrl+Z undoes)';
  const selectedNote = el('span', 'selected');
  const message = el('span', 'message');
  message.setAttribute('role', 'status');
  actions.append(duplicateButton, deckButton, deleteButton, selectedNote, message);

  const panel = el('div', 'panel');
  panel.id = 'rows-panel';
  panel.setAttribute('role', 'tabpanel');
  const table = el('table', 'rows');
  const thead = el('thead');
  const headRow = el('tr');
  /** @type {Record<string, HTMLElement>} */
  const headCells = {};
  for (const [id, label] of COLUMNS) {
    const th = el('th', `col-${id}`);
    th.setAttribute('scope', 'col');
    const sortButton = button(label, () => send({ type: 'sort', column: id }), 'sort');
    sortButton.title = `Sort by ${label} (again: reverse)`;
    th.append(sortButton);
    headCells[id] = th;
    headRow.append(th);
  }
  thead.append(headRow);
  const tbody = el('tbody');
  table.append(thead, tbody);
  const empty = el('p', 'empty');
  panel.append(table, empty);

  app.append(header, tablist, actions, panel);

  /** @type {any} */
  let state;
  /** The selected row's line (survives redraws while the row exists). @type {number | null} */
  let selectedLine = null;
  /** @type {HTMLElement[]} */
  let rowNodes = [];

  // ---- tabs (WAI-ARIA tabs pattern, automatic activation) ---------------------------------------------
  tablist.addEventListener('keydown', event => {
    const tabs = /** @type {HTMLElement[]} */ ([...tablist.querySelectorAll('[role=tab]')]);
    const index = tabs.indexOf(/** @type {HTMLElement} */ (document.activeElement));
    if (index < 0) return;
    /** @type {number} */
    let next;
    if (event.key === 'ArrowRight') next = (index + 1) % tabs.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + tabs.length) % tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    else if (event.key === 'ArrowDown') {
      event.preventDefault();
      focusRow(0);
      return;
    } else return;
    event.preventDefault();
    tabs[next].focus();
    send({ type: 'selectTab', tab: tabs[next].dataset.tab });
  });

  function drawTabs() {
    const focusedTab = /** @type {HTMLElement | null} */ (document.activeElement)?.dataset?.tab;
    tablist.replaceChildren();
    for (const tab of state.tabs) {
      const selected = tab.id === state.tab;
      const node = button('', () => send({ type: 'selectTab', tab: tab.id }), `tab${tab.count === 0 ? ' none' : ''}`);
      node.dataset.tab = tab.id;
      node.setAttribute('role', 'tab');
      node.setAttribute('aria-selected', String(selected));
      node.setAttribute('aria-controls', 'rows-panel');
      node.id = `tab-${tab.id}`;
      node.tabIndex = selected ? 0 : -1;
      node.append(el('span', 'name', tab.id === 'ALL' ? 'All' : tab.id), el('span', 'badge', String(tab.count)));
      node.title = `${tab.count} row${tab.count === 1 ? '' : 's'}`;
      tablist.append(node);
      if (focusedTab === tab.id) node.focus();
    }
    panel.setAttribute('aria-labelledby', `tab-${state.tab}`);
  }

  // ---- rows -------------------------------------------------------------------------------------------
  /** @param {any} cell @param {HTMLElement} td */
  function codeCell(cell, td) {
    td.append(el('code', 'main', cell.main || '—'));
    if (cell.decks && cell.decks !== cell.main) td.append(el('div', 'decks', cell.decks));
    if (cell.tooltip) td.title = cell.tooltip;
    if (!cell.main) td.classList.add('blank');
  }

  /** @param {any} row */
  function rowNode(row) {
    const tr = el('tr', `row${row.disabled ? ' disabled' : ''}${row.severity ? ` has-${row.severity}` : ''}`);
    tr.dataset.line = String(row.line);
    tr.tabIndex = -1;
    tr.setAttribute('aria-selected', 'false');

    const fn = el('td', 'col-function');
    if (row.severity) {
      const mark = el('span', `mark ${row.severity}`, SEVERITY_GLYPH[row.severity]);
      const messages = row.problems.map(problemText).join('\n');
      mark.setAttribute('role', 'img');
      mark.setAttribute('aria-label', messages);
      mark.title = messages;
      fn.append(mark);
    }
    const name = el('span', 'name', row.functionName || '(empty)');
    fn.append(name);
    if (row.control && row.control !== row.functionName) fn.append(el('div', 'control', row.control));
    fn.title = [
      row.disabled ? 'Disabled: column 0 starts with #, so this row assigns nothing.' : '',
      row.description,
      `Line ${row.line + 1}`,
      ...row.problems.map(problemText),
    ]
      .filter(Boolean)
      .join('\n');

    const deck = el('td', 'col-deck', row.deck || '–');
    deck.title = row.deck ? `Decks ${row.deck}` : 'No deck columns: the code is the same whatever the deck';
    const midiIn = el('td', 'col-midiIn');
    codeCell(row.midiIn, midiIn);
    const type = el('td', 'col-type', row.type);
    if (row.options) type.append(el('div', 'options', row.options));
    const midiOut = el('td', 'col-midiOut');
    codeCell(row.midiOut, midiOut);
    const comment = el('td', 'col-comment', row.comment);
    tr.append(fn, deck, midiIn, type, midiOut, comment);

    tr.addEventListener('click', () => {
      select(row.line, false);
      send({ type: 'reveal', line: row.line });
    });
    tr.addEventListener('focus', () => select(row.line, false));
    return tr;
  }

  /** @param {number | null} line @param {boolean} focus */
  function select(line, focus) {
    selectedLine = line;
    for (const node of rowNodes) {
      const on = Number(node.dataset.line) === line;
      node.setAttribute('aria-selected', String(on));
      node.tabIndex = on ? 0 : -1;
      if (on && focus) {
        node.focus();
        node.scrollIntoView({ block: 'nearest' });
      }
    }
    if (!rowNodes.some(n => n.tabIndex === 0) && rowNodes[0]) rowNodes[0].tabIndex = 0;
    drawActions();
  }

  /** @param {number} index */
  function focusRow(index) {
    if (rowNodes.length === 0) return;
    const node = rowNodes[Math.max(0, Math.min(rowNodes.length - 1, index))];
    select(Number(node.dataset.line), true);
  }

  function selectedRow() {
    return state?.rows.find(/** @param {{ line: number }} r */ r => r.line === selectedLine);
  }

  /** @param {'duplicate' | 'duplicateForDeck' | 'delete'} action */
  function act(action) {
    const row = selectedRow();
    if (!row || (action === 'duplicate' && !row.canDuplicate)) return;
    // Where the next deck's copy does not apply but the server can say why, it is asked and says so.
    if (action === 'duplicateForDeck' && !row.duplicateForDeck && !row.duplicateForDeckReason) return;
    send({ type: action, line: row.line });
  }

  tbody.addEventListener('keydown', event => {
    const index = rowNodes.findIndex(n => n === document.activeElement);
    if (index < 0) return;
    const page = Math.max(1, Math.floor(panel.clientHeight / (rowNodes[0].offsetHeight || 24)) - 1);
    const key = event.key;
    if (key === 'ArrowDown') focusRow(index + 1);
    else if (key === 'ArrowUp') {
      if (index === 0) filter.focus();
      else focusRow(index - 1);
    } else if (key === 'PageDown') focusRow(index + page);
    else if (key === 'PageUp') focusRow(index - page);
    else if (key === 'Home') focusRow(0);
    else if (key === 'End') focusRow(rowNodes.length - 1);
    else if (key === 'Enter') send({ type: 'reveal', line: Number(rowNodes[index].dataset.line) });
    else if (key === 'Delete' || (key === 'Backspace' && event.metaKey)) act('delete');
    else if ((key === 'd' || key === 'D') && (event.ctrlKey || event.metaKey)) {
      // Ctrl+Shift+D is also VS Code's Run and Debug view: it must not reach the workbench too.
      if (event.shiftKey) event.stopPropagation();
      act(event.shiftKey ? 'duplicateForDeck' : 'duplicate');
    } else return;
    event.preventDefault();
  });

  // A webview has no undo of its own: Ctrl+Z / ⌘Z undoes in the text (the extension focuses it), and
  // Ctrl+Y / Ctrl+Shift+Z / ⌘⇧Z redoes there. In the filter box they stay the box's own. The key must
  // not reach VS Code's webview handler too: it would run its undo in this page, whose only undoable
  // thing is the filter's typing — a row's Delete undone would also wipe the filter.
  document.addEventListener('keydown', event => {
    if (!(event.ctrlKey || event.metaKey) || document.activeElement === filter) return;
    const key = event.key.toLowerCase();
    const redo = (key === 'z' && event.shiftKey) || (key === 'y' && event.ctrlKey && !event.metaKey && !event.shiftKey);
    const undo = key === 'z' && !event.shiftKey;
    if (!undo && !redo) return;
    event.preventDefault();
    event.stopPropagation();
    send({ type: redo ? 'redo' : 'undo' });
  });

  // An undo or redo goes to the text editor and back, and a row's Delete redraws the rows: when the
  // table has the focus again, the row the keyboard was on has it too, so the next key works.
  let keyboardOnRows = false;
  document.addEventListener('focusin', event => {
    keyboardOnRows = rowNodes.includes(/** @type {HTMLElement} */ (event.target));
  });
  window.addEventListener('focus', () => {
    const focused = document.activeElement;
    const focusElsewhere = focused && focused !== document.body && !rowNodes.includes(/** @type {HTMLElement} */ (focused));
    if (!keyboardOnRows || focusElsewhere) return;
    focusSelectedRow(false);
  });

  /** The keyboard back on the selected row; with `orFirst`, on the first row when none is selected. @param {boolean} orFirst */
  function focusSelectedRow(orFirst) {
    const index = rowNodes.findIndex(n => Number(n.dataset.line) === selectedLine);
    if (index >= 0 || orFirst) focusRow(Math.max(index, 0));
  }

  function drawRows() {
    const focusedIndex = rowNodes.findIndex(n => n === document.activeElement);
    rowNodes = state.rows.map(rowNode);
    tbody.replaceChildren(...rowNodes);
    for (const [id] of COLUMNS) {
      const th = headCells[id];
      if (state.sort.column === id) th.setAttribute('aria-sort', state.sort.direction);
      else th.removeAttribute('aria-sort');
    }
    const lines = new Set(state.rows.map(/** @param {{ line: number }} r */ r => r.line));
    if (selectedLine !== null && !lines.has(selectedLine)) {
      // The selected row went (deleted, filtered out): the row now in its place, as in a list.
      const fallback = focusedIndex >= 0 ? rowNodes[Math.min(focusedIndex, rowNodes.length - 1)] : undefined;
      selectedLine = fallback ? Number(fallback.dataset.line) : null;
    }
    select(selectedLine, focusedIndex >= 0);
    if (state.rows.length === 0) {
      empty.textContent =
        state.version === null
          ? 'Reading the mapping…'
          : state.filter
            ? `No row in ${state.tab === 'ALL' ? 'this mapping' : state.tab} matches “${state.filter}”.`
            : `No row of this mapping is in the ${state.tab} tab.`;
    } else empty.textContent = '';
    table.hidden = state.rows.length === 0;
  }

  function drawActions() {
    const row = selectedRow();
    duplicateButton.disabled = !row || !row.canDuplicate;
    const deckCopy = row ? row.duplicateForDeck : null;
    deckButton.textContent = deckCopy ? `DUPLICATE FOR DECK ${deckCopy.deck}` : 'DUPLICATE FOR DECK';
    deckButton.setAttribute('aria-disabled', String(!deckCopy));
    deckButton.title = deckCopy
      ? `${deckCopy.title}: a copy of the selected row after it, on deck ${deckCopy.deck}'s channel. Ctrl+Shift+D`
      : row && row.duplicateForDeckReason
        ? `Not for another deck: ${row.duplicateForDeckReason}`
        : 'Duplicate for the next deck: a row with a function, a base MIDI IN code and empty deck columns (one row per channel). Ctrl+Shift+D';
    deleteButton.disabled = !row;
    selectedNote.textContent = row ? `Line ${row.line + 1}: ${row.functionName || '(empty)'}` : 'Select a row';
  }

  function render() {
    title.textContent = `${state.deviceName || 'No @file line'} · ${state.fileName}`;
    // The filter the extension applies (kept over a reload); never rewritten under the user's typing.
    if (document.activeElement !== filter && filter.value !== state.filter) filter.value = state.filter;
    count.textContent = state.filter ? `${state.rows.length} of ${state.tabTotal} rows` : `${state.tabTotal} rows`;
    message.textContent = state.message;
    drawTabs();
    drawRows();
    drawActions();
  }

  window.addEventListener('message', event => {
    const data = event.data;
    if (data && data.type === 'state' && data.state) {
      state = data.state;
      // What VS Code hands back to the extension after a reload, to bring this table back as it was.
      vscode.setState({ uri: state.uri, tab: state.tab, sort: state.sort, filter: state.filter });
      render();
    } else if (data && data.type === 'focusRows') {
      // After an undo or redo the extension gives the panel back the focus, but VS Code's webview
      // host may focus only its outer frame, leaving the keyboard nowhere: the row takes it here.
      if (keyboardOnRows && document.activeElement !== filter) focusSelectedRow(true);
    }
  });
  send({ type: 'ready' });
})();
