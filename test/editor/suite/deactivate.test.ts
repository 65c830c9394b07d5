/// <reference types="mocha" />
/** Runs last (index.ts orders it): the extension deactivates cleanly and its server process ends. */
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { closeAllEditors, extension, extensionProcessErrors, fixtureUri, open, runningClient, serverPids, waitFor } from './helpers';

suite('deactivation', () => {
  test("the extension's deactivate() stops the client and the server process", async () => {
    await open(fixtureUri('factory-DDJ-SX.midi.csv'));
    const client = await runningClient();
    const pidsBefore = serverPids();
    if (process.platform === 'linux') assert.strictEqual(pidsBefore.length, 1, 'one server process before');

    // The module VS Code loaded (same require cache in the extension host); its deactivate() is what
    // VS Code calls when the window closes.
    const main = path.join(extension().extensionPath, 'dist', 'client.js');
    const loaded = require.cache[require.resolve(main)];
    if (loaded) {
      const module = loaded.exports as { deactivate?: () => Promise<void> };
      assert.strictEqual(typeof module.deactivate, 'function');
      await module.deactivate!();
      console.log('      deactivate(): called on the module VS Code loaded');
    } else {
      console.log('      deactivate(): module not in this require cache; client.stop() instead');
      // Not in this require cache (an extension host that loads extensions otherwise): stop the client as deactivate() does.
      await client.stop();
    }
    assert.strictEqual(client.isRunning(), false, 'the client stopped');
    if (process.platform === 'linux') {
      await waitFor('the server process to exit', () => serverPids().length === 0, 10000);
    }
    assert.deepStrictEqual(extensionProcessErrors(), []);
    await closeAllEditors();
    // VS Code itself keeps working.
    const doc = await vscode.workspace.openTextDocument({ content: 'hello', language: 'plaintext' });
    assert.strictEqual(doc.getText(), 'hello');
  });
});
