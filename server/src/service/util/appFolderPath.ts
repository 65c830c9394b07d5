/**
 * Where Rekordbox's application folder is, told from a document's URI or path alone: the factory
 * mappings ship in `…/rekordbox.app/Contents/Resources/MidiMappings/` on macOS and `C:\Program Files\…
 * rekordbox…\MidiMappings\` on Windows (`Pioneer\rekordbox 6`, `rekordbox\rekordbox 7.x.x`, …).
 * The per-user store (`Pioneer/rekordbox6/MidiMappings` under Application Support or %APPDATA%) is
 * not the application folder. The `app-folder` rule and the client's Copy to a Safe Place both ask.
 *
 * A document is named by a URI (`file:///Applications/rekordbox%207/…`, `file:///c%3A/Program%20Files/…`)
 * or, from the command line, by a plain path; both are read. Pure string work, no file system.
 */
export type AppFolderPlatform = 'macos' | 'windows';

const PROGRAM_FILES = new Set(['program files', 'program files (x86)', 'progra~1', 'progra~2']);

/** The document's path, lower-case, `/`-separated, percent-decoded when it was a URI. */
export function documentPath(uri: string): string {
  let path = uri;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(path);
  // `c:\…` or `c:/…` is a Windows path, not a URI with scheme `c`.
  if (scheme && !/^[a-z]:[\\/]/i.test(path)) {
    path = path.slice(scheme[0].length);
    if (path.startsWith('//')) {
      const slash = path.indexOf('/', 2);
      path = slash < 0 ? '' : path.slice(slash); // drop the authority
    }
    try {
      path = decodeURIComponent(path);
    } catch {
      // a stray % : keep the text as it is
    }
  }
  return path.replace(/\\/g, '/').toLowerCase();
}

/** Which application folder holds the document, if any. */
export function appFolderOf(uri: string): AppFolderPlatform | undefined {
  const segments = documentPath(uri).split('/').filter(s => s !== '');
  // The folder Rekordbox reads is `MidiMappings`; the last segment is the file itself.
  const mappings = segments.lastIndexOf('midimappings', segments.length - 2);
  if (mappings < 0) return undefined;
  for (let i = 0; i < mappings; i++) {
    const segment = segments[i];
    if (segment.endsWith('.app') && segment.includes('rekordbox') && segments[i + 1] === 'contents' && segments[i + 2] === 'resources') {
      return 'macos';
    }
    if (PROGRAM_FILES.has(segment)) {
      for (let j = i + 1; j < mappings; j++) if (segments[j].includes('rekordbox') || segments[j] === 'pioneer') return 'windows';
      return undefined;
    }
  }
  return undefined;
}
