/**
 * The HTML page of a webview (the sidebar, the mapping table): one script and one stylesheet from the
 * extension's media folder under a strict Content-Security-Policy — nothing remote, scripts only with
 * this load's nonce, styles, images and fonts only from the webview's own resources.
 */
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';

export interface WebviewPage {
  webview: vscode.Webview;
  /** The extension's media folder, which the webview's `localResourceRoots` allow. */
  media: vscode.Uri;
  /** File names in `media`. */
  script: string;
  stylesheet: string;
  title: string;
  /** The body's markup before the script (the element the script fills). */
  body: string;
}

export function webviewHtml({ webview, media, script, stylesheet, title, body }: WebviewPage): string {
  const nonce = makeNonce();
  const scriptUri = webview.asWebviewUri(vscode.Uri.joinPath(media, script));
  const styleUri = webview.asWebviewUri(vscode.Uri.joinPath(media, stylesheet));
  const csp = [
    `default-src 'none'`,
    `style-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${styleUri.toString()}">
<title>${title}</title>
</head>
<body>
${body}
<script nonce="${nonce}" src="${scriptUri.toString()}"></script>
</body>
</html>`;
}

/** 32 letters and digits from a secure random source: new for every page load. */
function makeNonce(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let nonce = '';
  for (const b of randomBytes(32)) nonce += alphabet[b % alphabet.length];
  return nonce;
}
