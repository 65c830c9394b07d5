// The Rekordbox MIDI sidebar's page. It only draws the state the extension posts and sends back
// what the user clicked (client/src/sidebar/webviewMessages.ts lists, and checks, every message).
// Text is set with textContent only: port names and function names never become markup.
// @ts-check
(function () {
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const app = /** @type {HTMLElement} */ (document.getElementById('app'));

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
  /** @param {WebviewPageMessage} message */
  const send = message => vscode.postMessage(message);

  // ---- the page's parts, made once ----------------------------------------------------------------
  const hostSection = el('section', 'host');
  const controllerSection = el('section', 'controller');
  controllerSection.append(el('h2', undefined, 'Controller'));
  const inputList = el('ul', 'inputs');
  const controllerNote = el('p', 'note');
  controllerSection.append(inputList, controllerNote);

  const learnSection = el('section', 'learn');
  const learnHeader = el('div', 'learn-header');
  const learnSwitch = button('', () => send({ type: 'setLearn', on: learnSwitch.getAttribute('aria-checked') !== 'true' }), 'switch');
  learnSwitch.setAttribute('role', 'switch');
  learnSwitch.setAttribute('aria-checked', 'false');
  learnSwitch.append(el('span', 'knob'));
  const learnLabel = el('label', 'switch-label', 'Learn at the cursor');
  learnHeader.append(learnSwitch, learnLabel);
  learnLabel.addEventListener('click', () => learnSwitch.click());
  const learnStatus = el('p', 'note');
  learnSection.append(learnHeader, learnStatus);

  const lightSection = el('section', 'light');
  const lightRow = el('p', 'light-row');
  const lightButton = button('Light', () => send({ type: 'lightRow' }), 'primary');
  const lightOutput = el('p', 'note');
  const chooseOutput = button('Choose output…', () => send({ type: 'chooseOutput' }), 'link');
  const lightProblem = el('p', 'note problem');
  const lightLine = el('div', 'light-line');
  lightLine.append(lightRow, lightButton);
  lightSection.append(lightLine, lightOutput, lightProblem);

  const monitorSection = el('section', 'monitor');
  const monitorHeader = el('div', 'monitor-header');
  const monitorTitle = el('h2', undefined, 'Monitor');
  const monitorMapping = el('span', 'mapping');
  monitorHeader.append(monitorTitle, monitorMapping, button('Clear', () => send({ type: 'clearMonitor' }), 'link'));
  const monitorList = el('ol', 'lines');
  monitorList.setAttribute('aria-label', 'MIDI messages, newest first');
  const monitorEmpty = el('p', 'note empty');
  const monitorHidden = el('p', 'note hidden');
  monitorSection.append(monitorHeader, monitorEmpty, monitorList, monitorHidden);

  app.append(hostSection, controllerSection, learnSection, lightSection, monitorSection);

  // ---- drawing ---------------------------------------------------------------------------------------
  /** @param {any} host */
  function drawHost(host) {
    hostSection.replaceChildren();
    hostSection.dataset.kind = host.kind;
    /** @param {string} text */
    const say = text => hostSection.append(el('p', undefined, text));
    switch (host.kind) {
      case 'notStarted':
        say('MIDI starts when you use it.');
        break;
      case 'starting':
        say('Starting MIDI…');
        break;
      case 'ready':
        hostSection.hidden = true;
        return;
      case 'unavailable':
        hostSection.append(el('p', 'problem', host.message || 'MIDI is not available on this system.'));
        if (host.advice) say(host.advice);
        hostSection.append(button('Try again', () => send({ type: 'restartHost' })));
        break;
      case 'stopped':
        hostSection.append(el('p', 'problem', `MIDI stopped: ${host.message || 'the MIDI host ended.'}`));
        hostSection.append(button('Restart', () => send({ type: 'restartHost' }), 'primary'));
        break;
    }
    hostSection.hidden = false;
  }

  /** @param {any} state */
  function drawController(state) {
    inputList.replaceChildren();
    const ready = state.host.kind === 'ready';
    controllerSection.hidden = !ready;
    if (!ready) return;
    for (const name of state.inputs) {
      const item = el('li', name === state.connected ? 'connected' : undefined);
      item.append(el('span', 'dot'), el('span', 'port', name));
      if (name === state.connected) item.append(button('Disconnect', () => send({ type: 'disconnect' }), 'link'));
      else item.append(button('Connect', () => send({ type: 'connect', input: name }), 'link'));
      inputList.append(item);
    }
    if (state.connectionError) controllerNote.textContent = state.connectionError;
    else if (state.inputs.length === 0) controllerNote.textContent = 'No MIDI input found. Plug in the controller: the list updates by itself.';
    else if (!state.connected) controllerNote.textContent = 'Connect the controller to see what it sends.';
    else controllerNote.textContent = '';
    controllerNote.classList.toggle('problem', !!state.connectionError);
  }

  /** @param {any} state */
  function drawLearn(state) {
    learnSection.hidden = state.host.kind !== 'ready' || !state.connected;
    learnSwitch.setAttribute('aria-checked', String(state.learn.on));
    learnSwitch.title = state.learn.on ? 'Turn learning off' : 'Learn each control you move at the cursor of the open mapping';
    learnStatus.textContent = state.learn.on || state.learn.status !== 'Learning is off.' ? state.learn.status : '';
    learnSection.classList.toggle('on', state.learn.on);
  }

  /** @param {any} state */
  function drawLight(state) {
    const light = state.light;
    lightSection.hidden = state.host.kind !== 'ready' || !state.connected;
    if (light.row) {
      const name = light.row.functionName || '(no function)';
      const codes = light.row.codes.length ? light.row.codes.join(' ') : 'no MIDI OUT';
      lightRow.replaceChildren(el('span', 'function', name), el('span', 'where', ` line ${light.row.line + 1} · `), el('code', undefined, codes));
      lightButton.disabled = light.row.codes.length === 0 || light.lit;
    } else {
      lightRow.replaceChildren(el('span', 'where', 'Put the cursor on a row to light its MIDI OUT.'));
      lightButton.disabled = true;
    }
    lightButton.textContent = light.lit ? 'Lit' : 'Light';
    lightOutput.replaceChildren();
    if (light.output) lightOutput.append(`Lights through ${light.output} `, chooseOutput);
    else if (state.connected) lightOutput.append('No output matches the input yet. ', chooseOutput);
    lightProblem.textContent = light.problem || '';
  }

  /** One monitor line's element, kept while the line does not change. @type {Map<number, {signature: string, node: HTMLElement}>} */
  const lineNodes = new Map();

  /** @param {any} line */
  function lineNode(line) {
    const item = el('li', `line ${line.kind}`);
    const head = el('div', 'head');
    head.append(el('code', 'code', line.code || '—'));
    if (line.channel !== null) head.append(el('span', 'channel', `ch ${line.channel}`));
    head.append(el('span', 'label', line.label));
    if (line.value) head.append(el('span', 'value', line.value));
    if (line.count > 1) head.append(el('span', 'count', `×${line.count}`));
    item.append(head);
    if (line.rows.length) {
      const rows = el('div', 'rows');
      for (const ref of line.rows.slice(0, 6)) {
        const label = `${ref.functionName || '(no function)'}${ref.deck !== null ? ` · deck ${ref.deck}` : ''}${ref.via === 'lsb' ? ' · LSB' : ''}`;
        const chip = button(label, () => send({ type: 'revealRow', line: ref.line }), `row${ref.active ? '' : ' inactive'}`);
        chip.title = `Show line ${ref.line + 1}${ref.control ? ` (${ref.control})` : ''}`;
        rows.append(chip);
      }
      if (line.rows.length > 6) rows.append(el('span', 'more', `+${line.rows.length - 6}`));
      item.append(rows);
    }
    return item;
  }

  /** @param {any} state */
  function drawMonitor(state) {
    const monitor = state.monitor;
    monitorSection.hidden = state.host.kind !== 'ready' || !state.connected;
    monitorMapping.textContent = monitor.mapping ? `rows of ${monitor.mapping}` : 'open a mapping to see the rows';
    const seen = new Set();
    const ordered = [];
    for (let i = monitor.lines.length - 1; i >= 0; i--) {
      const line = monitor.lines[i];
      seen.add(line.id);
      const signature = JSON.stringify(line);
      let entry = lineNodes.get(line.id);
      if (!entry || entry.signature !== signature) {
        entry = { signature, node: lineNode(line) };
        lineNodes.set(line.id, entry);
      }
      ordered.push(entry.node);
    }
    for (const id of [...lineNodes.keys()]) if (!seen.has(id)) lineNodes.delete(id);
    monitorList.replaceChildren(...ordered);
    monitorEmpty.textContent = monitor.lines.length ? '' : `Move a control on ${state.connected}: each message shows here with the rows it triggers.`;
    const hidden = [];
    if (monitor.hiddenClock) hidden.push(`${monitor.hiddenClock.toLocaleString()} clock`);
    if (monitor.hiddenActiveSensing) hidden.push(`${monitor.hiddenActiveSensing.toLocaleString()} active sensing`);
    monitorHidden.textContent = hidden.length ? `Not shown: ${hidden.join(', ')}.` : '';
  }

  /** @param {any} state */
  function render(state) {
    drawHost(state.host);
    drawController(state);
    drawLearn(state);
    drawLight(state);
    drawMonitor(state);
  }

  window.addEventListener('message', event => {
    const data = event.data;
    if (data && data.type === 'state' && data.state) render(data.state);
  });
  send({ type: 'ready' });
})();
