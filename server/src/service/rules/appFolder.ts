/**
 * `app-folder` (warning, line 1): the file sits in Rekordbox's application folder, where the factory
 * mappings ship: `…/rekordbox.app/Contents/Resources/MidiMappings/` on macOS, `C:\Program Files\…
 * rekordbox…\MidiMappings\` on Windows (`Pioneer\rekordbox 6`, `rekordbox\rekordbox 7.x.x`, …).
 * Users report Rekordbox crashing at launch after editing files there, and an update overwrites
 * them; the advice is to copy the file and load it with IMPORT. The per-user store
 * (`Pioneer/rekordbox6/MidiMappings` under Application Support or %APPDATA%), which Rekordbox
 * itself rewrites, is not the application folder and is not reported.
 * Which folder that is: util/appFolderPath.ts.
 */
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { appFolderOf } from '../util/appFolderPath';
import { lineRange } from '../util/ranges';
import { defineRule } from './ruleContext';

export const appFolderRule = defineRule({
  codes: {
    'app-folder': {
      levels: ['warning'],
      summary: "the file is inside Rekordbox's application folder",
      docs: 'docs/diagnostics.md#app-folder',
    },
  },
  check: ({ model, uri, report }) => {
    const platform = appFolderOf(uri);
    const first = model.rows[0];
    if (!platform || !first) return;
    const folder = platform === 'macos' ? 'rekordbox.app/Contents/Resources/MidiMappings' : 'Program Files\\…\\MidiMappings';
    report(
      'app-folder',
      DiagnosticSeverity.Warning,
      lineRange(first),
      `This file is in Rekordbox's application folder (${folder}), where its factory mappings ship. Users report Rekordbox ` +
        'crashing at launch after editing files here, and an update replaces them. Save a copy elsewhere, edit the copy, and load it ' +
        "with IMPORT in Rekordbox's MIDI window.",
      { data: { platform } },
    );
  },
});
