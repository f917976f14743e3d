/** Entry of the chat webview bundle. */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import '@vscode-elements/elements/dist/vscode-progress-bar/index.js';
import '@vscode-elements/elements/dist/vscode-icon/index.js';
import { MgeApp } from './app';

customElements.define('mge-app', MgeApp);
const root = document.getElementById('mge-app');
if (root) root.appendChild(document.createElement('mge-app'));
