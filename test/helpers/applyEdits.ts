import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction, TextEdit } from 'vscode-languageserver-types';

export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x.midi.csv', 'rekordbox-midi', 1, text), edits);
}

/** The edits of a code action for one document (they must all be for that document). */
export function actionEdits(action: CodeAction, uri: string): TextEdit[] {
  const changes = action.edit?.changes ?? {};
  const uris = Object.keys(changes);
  if (uris.length !== 1 || uris[0] !== uri) throw new Error(`action '${action.title}' edits ${uris.join(', ')}`);
  return changes[uri];
}
