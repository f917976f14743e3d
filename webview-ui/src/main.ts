/** Entry of the chat webview bundle: the vscode-elements it uses, then the panel's own elements. */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '@vscode-elements/elements/dist/vscode-progress-bar/index.js';
import '@vscode-elements/elements/dist/vscode-icon/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-multi-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-tree/index.js';
import '@vscode-elements/elements/dist/vscode-tree-item/index.js';
import { MgeApp } from './app';
import { MgeRun } from './views/runElement';
import { MgePlanEditor } from './views/planEditor';

// The page is the panel: full height, so the messages scroll and the composer stays at the bottom
// (a webview's body is as tall as its content by default, which pushes the composer out of view).
const page = new CSSStyleSheet();
page.replaceSync('html, body, #mge-app { height: 100%; } body { margin: 0; padding: 0; }');
document.adoptedStyleSheets = [...document.adoptedStyleSheets, page];

customElements.define('mge-plan-editor', MgePlanEditor);
customElements.define('mge-run', MgeRun);
customElements.define('mge-app', MgeApp);
const root = document.getElementById('mge-app');
if (root) root.appendChild(document.createElement('mge-app'));
