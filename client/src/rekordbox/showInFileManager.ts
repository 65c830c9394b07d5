/** Shows a file or folder in the system's file manager (Install's "Show in Folder", Open Rekordbox Mapping Folder). */
import * as vscode from 'vscode';

/**
 * Shows a file or folder in the system's file manager. VS Code for the Web and remote windows have
 * no `revealFileInOS` (the files are not on the user's machine): there the path is shown, to copy.
 */
export async function showInFileManager(target: string): Promise<void> {
  if ((await vscode.commands.getCommands(true)).includes('revealFileInOS')) {
    await vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(target));
    return;
  }
  const copy = 'Copy Path';
  const message = `This window has no file manager to show it in (VS Code for the Web or a remote window): ${target}`;
  void vscode.window.showInformationMessage(message, copy).then(choice => {
    if (choice === copy) void vscode.env.clipboard.writeText(target);
  });
}
