/**
 * A simulated controller for journeys: test/midi/fakeController.mjs in its own process (virtual
 * JACK ports named `name`), driven over IPC. Each command resolves when the controller has done it.
 */
import { fork } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const FAKE_CONTROLLER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'midi', 'fakeController.mjs');
/** A SysEx no controller sends (7D: non-commercial ID), as test/helpers/midiFixtures.ts uses. */
export const PROBE = [0xf0, 0x7d, 0x52, 0x42, 0xf7];

export function startController(name, env) {
  const child = fork(FAKE_CONTROLLER, ['--name', name], { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const replies = new Map();
  let seq = 0;
  let exited = false;
  child.on('message', message => {
    const reply = replies.get(message.seq);
    if (!reply) return;
    replies.delete(message.seq);
    if (typeof message.error === 'string') reply.reject(new Error(`fake controller: ${message.error}`));
    else reply.resolve(message);
  });
  child.on('exit', code => {
    exited = true;
    for (const reply of replies.values()) reply.reject(new Error(`fake controller exited (${code})`));
    replies.clear();
  });
  const command = (cmd, body = {}) =>
    exited
      ? Promise.reject(new Error('fake controller has exited'))
      : new Promise((resolve, reject) => {
          replies.set(++seq, { resolve, reject });
          child.send({ cmd, seq, ...body });
        });
  return {
    name,
    plug: () => command('plug'),
    probe: () => command('probe', { bytes: PROBE }),
    /** [{ bytes, delayMs? }]: each message delayMs after the previous one. */
    play: performance => command('play', { performance }),
    async exit() {
      if (exited) return;
      const gone = new Promise(resolve => child.once('exit', resolve));
      child.kill('SIGTERM');
      await gone;
    },
  };
}
