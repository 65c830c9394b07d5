/**
 * What VS Code gives a webview page's script (media/sidebar.js, media/table.js), for tsconfig.media.json's
 * check of their JSDoc. Types only: the pages are plain scripts, and this file is not packaged.
 */

/** A message from a page to the extension, which checks its shape first (client/src/sidebar/webviewMessages.ts, client/src/table/tableMessages.ts). */
interface WebviewPageMessage {
  type: string;
  [field: string]: unknown;
}

/** The page's channel to the extension, and the state VS Code keeps for the page over a reload. */
interface VsCodeWebviewApi {
  postMessage(message: WebviewPageMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}

/** Callable once per page. */
declare function acquireVsCodeApi(): VsCodeWebviewApi;
