/**
 * What people read when the MIDI host has no MIDI: a plain sentence, advice on what to check on
 * their system, and the raw error as detail. Separate from midiHost.ts (which runs on import) so the
 * unit tests can check every platform's wording.
 */
import { errorMessage } from '../../common/errors';

export interface Unavailable {
  message: string;
  advice: string;
  detail: string;
}

const THEN_RESTART = 'Then restart the MIDI host.';

/** The sentence and advice for a binding that could not be loaded or RtMidi that could not start. */
export function describeUnavailable(
  stage: 'load' | 'start',
  error: unknown,
  platform: NodeJS.Platform = process.platform,
  arch: string = process.arch,
): Unavailable {
  const detail = errorMessage(error);
  if (stage === 'load') {
    if (/Failed to find binding/i.test(detail)) {
      return {
        message: `No MIDI driver is built for this platform (${platform} ${arch}).`,
        advice: 'Learning from a controller needs one of the platforms the extension ships a MIDI driver for: Windows, macOS, or Linux on x64 or ARM.',
        detail,
      };
    }
    return {
      message: 'The MIDI driver could not be loaded.',
      advice:
        platform === 'linux'
          ? `Check that the ALSA library is installed (libasound2 on Debian and Ubuntu, alsa-lib on Fedora and Arch). ${THEN_RESTART}`
          : `Reinstalling the extension may help. ${THEN_RESTART}`,
      detail,
    };
  }
  const advice =
    platform === 'linux'
      ? 'Check that the ALSA sequencer is there: /dev/snd/seq exists (load it with `sudo modprobe snd-seq`) and your user is in the `audio` group. '
      : platform === 'darwin'
        ? 'Check that the controller is connected and listed in Audio MIDI Setup, and that its driver is installed. '
        : 'Check that the controller is connected and listed in Device Manager, that its driver is installed, ' +
          'and that no other program (Rekordbox, a DAW) holds its port: Windows lets one program open it at a time. ';
  return { message: "MIDI is not available on this computer: the system's MIDI service did not answer.", advice: advice + THEN_RESTART, detail };
}
