/// <reference types="mocha" />
/** Runs last (index.ts orders it): the extension deactivates cleanly and its server process ends. */
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { closeAllEditors, extension, extensionProcessErrors, fixtureUri, midiHostPids, open, runningClient, serverPids, waitFor } from './helpers';

suite('deactivation', () => {
  test("the extension's deactivate() stops the client, the server process and the MIDI host", async () => {
    await open(fixtureUri('factory-DDJ-SX.midi.csv'));
    const client = await runningClient();
    const pidsBefore = serverPids();
    if (process.platform === 'linux') assert.strictEqual(pidsBefore.length, 1, 'one server process before');

    // A MIDI host running too (the sidebar or a learn would have started it): deactivate() must end it.
    await vscode.commands.executeCommand('rekordboxMidi.restartMidiHost');
    if (process.platform === 'linux') await waitFor('a MIDI host process', () => midiHostPids().length >= 1, 10000);

    // The module VS Code loaded (same require cache in the extension host); its deactivate() is what
    // VS Code calls when the window closes. Not found means this test cannot see what it is about.
    const main = path.join(extension().extensionPath, 'dist', 'client.js');
    const loaded = require.cache[require.resolve(main)];
    assert.ok(loaded, `${main} is not in the extension host's require cache: the module VS Code loaded cannot be reached`);
    const module = loaded.exports as { deactivate?: () => Promise<void> };
    assert.strictEqual(typeof module.deactivate, 'function');
    await module.deactivate!();
    assert.strictEqual(client.isRunning(), false, 'the client stopped');
    if (process.platform === 'linux') {
      await waitFor('the server process to exit', () => serverPids().length === 0, 10000);
      await waitFor('the MIDI host to exit', () => midiHostPids().length === 0, 10000);
    }
    assert.deepStrictEqual(extensionProcessErrors(), []);
    await closeAllEditors();
    // VS Code itself keeps working.
    const doc = await vscode.workspace.openTextDocument({ content: 'hello', language: 'plaintext' });
    assert.strictEqual(doc.getText(), 'hello');
  });
});
