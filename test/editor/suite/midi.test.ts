/// <reference types="mocha" />
/**
 * The MIDI tools in the real editor: the sidebar and the commands are registered; learning with no
 * MIDI on this machine says so and writes nothing; and, with real virtual ports (a user-space JACK
 * server and the JACK build of @julusian/midi, test/midi/jack.js) and a simulated controller
 * (test/midi/fakeController.mjs, its own process), a control move is learned into the right cell as
 * one undo step without saving, the monitor names the row, and a row's light reaches the controller.
 *
 * The MIDI host reads REKORDBOX_MIDI_NATIVE_MODULE from the extension host's environment when it is
 * spawned, so the suites set or clear it here and restart the host (the lane itself runs no JACK).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../client/src/extension';
import type { SidebarState } from '../../../client/src/sidebar/sidebarView';
import type { LearnCommandResult } from '../../../client/src/learn/learnCommand';
import { FakeController, Jack, listedPort, startJack } from '../../helpers/midiFixtures';
import { marked } from '../../helpers/markers';
import { closeAllEditors, extension, open, removeTemp, runningClient, waitFor, writeTemp } from './helpers';

const NATIVE_MODULE_VARIABLES = ['REKORDBOX_MIDI_NATIVE_MODULE', 'JACK_NO_START_SERVER'];

async function api(): Promise<ExtensionApi> {
  await runningClient();
  return extension().exports as unknown as ExtensionApi;
}

const sidebar = async (): Promise<SidebarState> => (await api()).midi.sidebarState();

/** A temporary mapping with `|` marking the cursor: opened, cursor placed, the server has it. */
async function openMarked(name: string, source: string): Promise<{ editor: vscode.TextEditor; uri: vscode.Uri; text: string }> {
  const { text, cursor } = marked(source);
  const uri = writeTemp(name, text);
  const document = await open(uri);
  const editor = await vscode.window.showTextDocument(document);
  const position = new vscode.Position(cursor!.line, cursor!.character);
  editor.selection = new vscode.Selection(position, position);
  await waitFor('the language server to know the mapping', async () => {
    const info = await (await api()).client!.sendRequest<{ mappingRows: number } | null>('rekordboxMidi/documentInfo', {
      textDocument: { uri: uri.toString() },
    });
    return info !== null;
  });
  return { editor, uri, text };
}

async function restartHostAndSettle(): Promise<SidebarState> {
  await vscode.commands.executeCommand('rekordboxMidi.restartMidiHost');
  return waitFor('the MIDI host to settle', async () => {
    const state = await sidebar();
    return state.host.kind !== 'starting' && state.host.kind !== 'notStarted' ? state : undefined;
  }, 20000);
}

const HEAD = '@file,1,Fake DDJ\r\n#name,function,type,input,deck1,deck2,deck3,deck4,output,deck1,deck2,deck3,deck4,option,comment\r\n# Deck,,,,,,,,,,,,,,\r\n';

suite('MIDI tools: registered, started lazily', () => {
  test('the activity bar container, its webview view and the commands are there', async () => {
    await api();
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['rekordboxMidi.learnFromController', 'rekordboxMidi.restartMidiHost', 'rekordboxMidi.connectInput', 'rekordboxMidi.lightRow']) {
      assert.ok(commands.includes(id), `${id} is not registered`);
    }
    // VS Code makes an "open" command for each registered view container and a focus command for each view.
    assert.ok(commands.includes('workbench.view.extension.rekordboxMidi'), 'the view container is not registered');
    assert.ok(commands.includes('rekordboxMidi.sidebar.focus'), 'the webview view is not registered');
    const contributes = extension().packageJSON.contributes;
    assert.deepStrictEqual(contributes.views.rekordboxMidi.map((v: { id: string; type: string }) => [v.id, v.type]), [['rekordboxMidi.sidebar', 'webview']]);
  });

  test('activation did not start the MIDI host', async () => {
    const midi = (await api()).midi;
    assert.strictEqual(midi.hostProcessId(), undefined);
    assert.strictEqual(midi.sidebarState().host.kind, 'notStarted');
  });
});

suite('learn with no MIDI on this machine', () => {
  let uri: vscode.Uri | undefined;
  suiteSetup(() => {
    for (const name of NATIVE_MODULE_VARIABLES) delete process.env[name];
  });
  suiteTeardown(async () => {
    await closeAllEditors();
    if (uri) removeTemp(uri);
  });

  test('says MIDI is unavailable in plain words, offers nothing to pick, writes nothing', async function () {
    // Where the system has MIDI (macOS, Windows, a Linux with the ALSA sequencer) the shipped binary
    // works and the port picker would open instead: this path is only there on a machine like these.
    if (process.platform !== 'linux' || fs.existsSync('/dev/snd/seq')) this.skip();
    const opened = await openMarked('learn-no-midi.midi.csv', HEAD + 'PlayPause,PlayPause,Button,|,,,,,,,,,,,\r\n');
    uri = opened.uri;
    const result = await vscode.commands.executeCommand<LearnCommandResult>('rekordboxMidi.learnFromController');
    assert.strictEqual(result.written, false);
    const state = await sidebar();
    assert.strictEqual(state.host.kind, 'unavailable');
    assert.ok(state.host.message && state.host.advice, 'the sidebar has the host’s sentence and advice');
    // The host's own sentence and its advice, once each.
    assert.strictEqual(result.message, `${state.host.message} ${state.host.advice}`);
    assert.match(result.message, /^MIDI is not available/);
    assert.strictEqual(opened.editor.document.getText(), opened.text);
    assert.strictEqual(opened.editor.document.isDirty, false);
  });
});

suite('learn from a controller over JACK', function () {
  let jack: Jack;
  let fake: FakeController;
  const temps: vscode.Uri[] = [];

  suiteSetup(async function () {
    this.timeout(600_000); // the first run builds the JACK binding (a minute or two); cached afterwards
    jack = await startJack(line => console.log(line));
    Object.assign(process.env, jack.env);
    const state = await restartHostAndSettle();
    assert.strictEqual(state.host.kind, 'ready', JSON.stringify(state.host));
    fake = new FakeController(`Fake DDJ ${process.pid}`, jack.env);
    await fake.plug();
    await connectFake();
  });

  /** Connects the fake controller's input and waits until a message from it has really arrived. */
  async function connectFake(): Promise<void> {
    const input = await waitFor('the fake controller in the input list', async () => listedPort((await sidebar()).inputs, fake.portName), 20000);
    assert.strictEqual(await vscode.commands.executeCommand('rekordboxMidi.connectInput', input), input);
    // A connection takes effect a JACK cycle after it is made: probe until the monitor has heard one.
    await probeThroughMonitor();
  }

  /** The fake's probe (a SysEx) reaches the monitor: the whole path, JACK to the sidebar, delivers now. */
  async function probeThroughMonitor(): Promise<void> {
    const seen = Math.max(0, ...(await sidebar()).monitor.lines.map(l => l.id));
    await fake.probe();
    await waitFor(
      'the probe in the monitor',
      async () => (await sidebar()).monitor.lines.some(l => l.kind === 'sysEx' && l.id > seen) || seenSoFar(await sidebar()),
      20000,
    );
    await fake.play([]);
  }

  /**
   * For a wait that times out: throws what the sidebar had (waitFor reports the last error), so a
   * failure on a CI machine says whether the input was connected and what did arrive.
   */
  function seenSoFar(state: SidebarState): never {
    const last = state.monitor.lines.slice(-6).map(l => `${l.kind} ${l.code} ${l.value} ×${l.count}`);
    throw new Error(
      `host ${state.host.kind}, input ${state.connected ?? 'none'}${state.connectionError ? ` (${state.connectionError})` : ''}; ` +
        `last monitor lines: ${last.join(' | ') || 'none'}`,
    );
  }

  suiteTeardown(async () => {
    await closeAllEditors();
    for (const uri of temps) removeTemp(uri);
    await fake?.exit();
    for (const name of NATIVE_MODULE_VARIABLES) delete process.env[name];
    await jack?.stop();
  });

  /** Runs the learn command and, once it listens, plays the performance on the fake controller. */
  async function learnWhilePlaying(performance: { bytes: number[]; delayMs?: number }[]): Promise<LearnCommandResult> {
    const running = vscode.commands.executeCommand<LearnCommandResult>('rekordboxMidi.learnFromController');
    await waitFor('the learn to listen', async () => (await sidebar()).learn.listening);
    await fake.play(performance);
    return running;
  }

  test('a button press and release (90 0B 7F, 80 0B 00) writes 900B in the MIDI IN cell: one undo step, not saved', async () => {
    const opened = await openMarked('learn-button.midi.csv', HEAD + 'PlayPause,PlayPause,Button,|,,,,,900B,,,,,,Play/Pause\r\n');
    temps.push(opened.uri);
    const result = await learnWhilePlaying([{ bytes: [0x90, 0x0b, 0x7f] }, { bytes: [0x80, 0x0b, 0x00], delayMs: 120 }]);
    assert.strictEqual(result.written, true, result.message);
    assert.strictEqual(result.learned?.code, '900B');
    const document = opened.editor.document;
    assert.strictEqual(document.lineAt(3).text, 'PlayPause,PlayPause,Button,900B,,,,,900B,,,,,,Play/Pause');
    assert.strictEqual(document.isDirty, true, 'learning never saves');
    assert.strictEqual(fs.readFileSync(opened.uri.fsPath, 'utf8'), opened.text, 'the file on disk is untouched');
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(document.getText(), opened.text, 'one undo takes the whole learn back');
  });

  test('a second learn while one waits is refused with a sentence; the first writes the move once', async () => {
    const opened = await openMarked('learn-twice.midi.csv', HEAD + 'Sync,Sync,Button,|,,,,,,,,,,,\r\n');
    temps.push(opened.uri);
    const first = vscode.commands.executeCommand<LearnCommandResult>('rekordboxMidi.learnFromController');
    await waitFor('the learn to listen', async () => (await sidebar()).learn.listening);
    const second = await vscode.commands.executeCommand<LearnCommandResult>('rekordboxMidi.learnFromController');
    assert.deepStrictEqual(second, {
      written: false,
      message: 'A learn is already waiting for a control: move one, or cancel it from its notification first.',
    });
    await fake.play([{ bytes: [0x90, 0x58, 0x7f] }, { bytes: [0x80, 0x58, 0x00], delayMs: 60 }]);
    const result = await first;
    assert.strictEqual(result.written, true, result.message);
    assert.strictEqual(opened.editor.document.lineAt(3).text, 'Sync,Sync,Button,9058,,,,,,,,,,,');
  });

  test('a 14-bit fader (B0 13 / B0 33 pairs) writes its MSB code and fills the empty type with KnobSliderHiRes', async () => {
    const opened = await openMarked('learn-fader.midi.csv', HEAD + 'ChannelFader,ChannelFader,,|,,,,,,,,,,,Fader\r\n');
    temps.push(opened.uri);
    const performance = [];
    for (let i = 0; i < 12; i++) {
      const value = 2000 + i * 300;
      performance.push({ bytes: [0xb0, 0x13, value >> 7], delayMs: 8 }, { bytes: [0xb0, 0x33, value & 0x7f] });
    }
    const result = await learnWhilePlaying(performance);
    assert.strictEqual(result.written, true, result.message);
    assert.strictEqual(result.learned?.lsbCode, 'B033');
    assert.strictEqual(opened.editor.document.lineAt(3).text, 'ChannelFader,ChannelFader,KnobSliderHiRes,B013,,,,,,,,,,,Fader');
  });

  test('the monitor names the row a message triggers, per deck', async () => {
    const opened = await openMarked('monitor.midi.csv', HEAD + 'PlayPause,PlayPause,Button,900B,0,1,2,3,900B,0,1,2,3,,Play/Pause\r\n|');
    temps.push(opened.uri);
    await waitFor('the monitor to have the rows of the mapping', async () => (await sidebar()).monitor.mapping === 'tmp-monitor.midi.csv');
    await probeThroughMonitor();
    await fake.play([{ bytes: [0x91, 0x0b, 0x7f] }, { bytes: [0x91, 0x0b, 0x00], delayMs: 50 }]);
    const lines = await waitFor('the press and release in the monitor', async () => {
      const state = await sidebar();
      const all = [...state.monitor.lines].reverse();
      const press = all.find(l => l.kind === 'noteOn' && l.code === '910B');
      const release = all.find(l => l.kind === 'noteOff' && l.code === '910B');
      return press && release ? { press, release } : seenSoFar(state);
    });
    assert.deepStrictEqual(lines.press.rows.map(r => [r.functionName, r.deck, r.line]), [['PlayPause', 2, 3]]);
    assert.deepStrictEqual(lines.release.rows.map(r => [r.functionName, r.deck]), [['PlayPause', 2]]);
    assert.strictEqual(lines.press.value, 'velocity 127');
  });

  test('Light sends the row’s MIDI OUT to the controller’s own output: on, then off', async () => {
    const opened = await openMarked('light.midi.csv', HEAD + 'Pla|yPause,PlayPause,Button,900B,,,,,900C,,,,,,Play/Pause\r\n');
    temps.push(opened.uri);
    await waitFor('the light to know the row under the cursor', async () => (await sidebar()).light.row?.codes.join() === '900C');
    const before = fake.received.length;
    const problem = await vscode.commands.executeCommand<string | undefined>('rekordboxMidi.lightRow');
    assert.strictEqual(problem, undefined);
    await waitFor('the light on and off at the controller', () => {
      const got = fake.received.slice(before).map(b => b.join(' '));
      return got.includes('144 12 127') && got.includes('144 12 0') ? got : undefined;
    });
  });

  test('the mapping closed while learning: the learn stops with a sentence and writes nothing', async () => {
    const opened = await openMarked('learn-closed.midi.csv', HEAD + 'Cue,Cue,Button,|,,,,,,,,,,,\r\n');
    temps.push(opened.uri);
    const running = vscode.commands.executeCommand<LearnCommandResult>('rekordboxMidi.learnFromController');
    await waitFor('the learn to listen', async () => (await sidebar()).learn.listening);
    // Closing the tab ends the learn (VS Code may keep the document itself in memory for minutes).
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await fake.play([{ bytes: [0x90, 0x0c, 0x7f] }, { bytes: [0x80, 0x0c, 0x00], delayMs: 50 }]);
    const result = await running;
    assert.strictEqual(result.written, false);
    assert.strictEqual(result.message, 'tmp-learn-closed.midi.csv was closed while learning: nothing written.');
    assert.strictEqual(fs.readFileSync(opened.uri.fsPath, 'utf8'), opened.text, 'the file on disk is untouched');
    if (!opened.editor.document.isClosed) assert.strictEqual(opened.editor.document.getText(), opened.text, 'the document kept in memory was written');
  });

  test('the sidebar’s Learn switch: each control moved goes in at the cursor, one undo step each, until it is turned off', async () => {
    const opened = await openMarked('learn-switch.midi.csv', HEAD + 'PlayPause,PlayPause,Button,|,,,,,,,,,,,\r\nCue,Cue,Button,,,,,,,,,,,,\r\n');
    temps.push(opened.uri);
    const midi = (await api()).midi;
    await midi.postFromSidebar({ type: 'setLearn', on: true });
    assert.strictEqual((await sidebar()).learn.on, true, (await sidebar()).learn.status);
    await fake.play([{ bytes: [0x90, 0x0b, 0x7f] }, { bytes: [0x80, 0x0b, 0x00], delayMs: 50 }]);
    const document = opened.editor.document;
    await waitFor('PLAY learned on line 4', async () => document.lineAt(3).text.startsWith('PlayPause,PlayPause,Button,900B,') || undefined);
    // The cursor moves to the next row's MIDI IN cell; the switch is still on and learns the next move there.
    const cueCell = new vscode.Position(4, 'Cue,Cue,Button,'.length);
    opened.editor.selection = new vscode.Selection(cueCell, cueCell);
    await fake.play([{ bytes: [0x90, 0x0c, 0x7f] }, { bytes: [0x80, 0x0c, 0x00], delayMs: 50 }]);
    await waitFor('CUE learned on line 5', async () => document.lineAt(4).text.startsWith('Cue,Cue,Button,900C,') || undefined);
    await midi.postFromSidebar({ type: 'setLearn', on: false });
    assert.strictEqual((await sidebar()).learn.on, false);
    await fake.play([{ bytes: [0x90, 0x0d, 0x7f] }, { bytes: [0x80, 0x0d, 0x00], delayMs: 50 }]);
    await waitFor('the move after turning learning off in the monitor', async () => (await sidebar()).monitor.lines.some(l => l.code === '900D') || undefined);
    assert.ok(!document.getText().includes('900D'), 'a move after the switch went off was written');
    assert.strictEqual(document.isDirty, true, 'learning never saves');
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(document.lineAt(4).text, 'Cue,Cue,Button,,,,,,,,,,,,', 'one undo takes the last learn back');
    assert.ok(document.lineAt(3).text.startsWith('PlayPause,PlayPause,Button,900B,'), 'and only the last');
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(document.getText(), opened.text);
  });

  test('a page message that is not the page’s is ignored: nothing happens', async () => {
    const before = await sidebar();
    for (const junk of [
      null,
      42,
      'setLearn',
      { type: 'setLearn' },
      { type: 'setLearn', on: 'yes' },
      { type: 'revealRow', line: -1 },
      { type: 'connect', input: 'not a listed port' },
      { type: 'eval', code: 'x' },
    ]) {
      await (await api()).midi.postFromSidebar(junk);
    }
    const after = await sidebar();
    assert.strictEqual(after.learn.on, before.learn.on);
    assert.deepStrictEqual(after.connected, before.connected);
  });

  test('the controller unplugged while learning: the learn stops with a sentence and writes nothing', async () => {
    const opened = await openMarked('learn-unplugged.midi.csv', HEAD + 'Cue,Cue,Button,|,,,,,,,,,,,\r\n');
    temps.push(opened.uri);
    const running = vscode.commands.executeCommand<LearnCommandResult>('rekordboxMidi.learnFromController');
    await waitFor('the learn to listen', async () => (await sidebar()).learn.listening);
    await fake.unplug();
    const result = await running;
    assert.strictEqual(result.written, false);
    assert.match(result.message, /went away|disconnected/);
    assert.strictEqual(opened.editor.document.getText(), opened.text);
    await fake.plug();
  });

  test('the MIDI host stops while learning (killed): the learn stops with a sentence, writes nothing; Restart brings it back', async () => {
    const opened = await openMarked('learn-host-stopped.midi.csv', HEAD + 'Cue,Cue,Button,|,,,,,,,,,,,\r\n');
    temps.push(opened.uri);
    await connectFake();
    const running = vscode.commands.executeCommand<LearnCommandResult>('rekordboxMidi.learnFromController');
    const early = await Promise.race([running, waitFor('the learn to listen', async () => (await sidebar()).learn.listening)]);
    assert.strictEqual(early, true, `the learn ended before listening: ${JSON.stringify(early)}; ${JSON.stringify((await sidebar()).connected)}`);
    process.kill((await api()).midi.hostProcessId()!, 'SIGKILL');
    const result = await running;
    assert.strictEqual(result.written, false);
    assert.match(result.message, /^The MIDI host stopped \(it was stopped by SIGKILL\)\..* Nothing learned\.$/);
    assert.strictEqual(opened.editor.document.getText(), opened.text);
    assert.strictEqual((await sidebar()).host.kind, 'stopped');
    const state = await restartHostAndSettle();
    assert.strictEqual(state.host.kind, 'ready');
  });
});
