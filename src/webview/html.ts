import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';

/**
 * The chat page: a strict CSP (`default-src 'none'`, scripts only with this load's nonce, styles
 * and fonts only from the extension's dist/webview folder) and resources through asWebviewUri.
 */
export function renderChatHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = randomBytes(16).toString('base64');
  const asset = (name: string): vscode.Uri => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', name));
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${webview.cspSource} 'unsafe-inline'`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource} data:`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('codicon.css').toString()}" id="vscode-codicon-stylesheet">
<title>MGE Chat</title>
</head>
<body>
<div id="mge-app"></div>
<script type="module" nonce="${nonce}" src="${asset('main.js').toString()}"></script>
</body>
</html>`;
}

/** Where the page may load from: only the built webview assets. */
export function chatLocalResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist', 'webview')];
}
