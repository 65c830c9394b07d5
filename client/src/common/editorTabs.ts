/** What the editor's tabs show: a document can stay open in memory after its last tab closed. */
import * as vscode from 'vscode';

/** True while some editor tab (text or diff) shows the document. */
export function isInATab(document: vscode.TextDocument): boolean {
  const uri = document.uri.toString();
  return vscode.window.tabGroups.all.some(group =>
    group.tabs.some(tab => {
      const input = tab.input;
      if (input instanceof vscode.TabInputText) return input.uri.toString() === uri;
      if (input instanceof vscode.TabInputTextDiff) return input.modified.toString() === uri || input.original.toString() === uri;
      return false;
    }),
  );
}
