import { html, type TemplateResult } from 'lit';

/** The message box: Ctrl/Cmd+Enter or the Send button sends. */
export function renderComposer(state: { busy: boolean; draft: string }, on: { readonly input: (text: string) => void; readonly send: () => void }): TemplateResult {
  const keydown = (e: KeyboardEvent): void => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      on.send();
    }
  };
  return html`<form class="composer" @submit=${(e: Event) => { e.preventDefault(); on.send(); }}>
    <vscode-textarea
      class="composer-input"
      .label=${'Message MGE'}
      aria-label="Message MGE"
      placeholder="Describe what to build, e.g. a REST API for task management with users, projects and assignments (Ctrl+Enter to send)"
      rows="4"
      resize="vertical"
      .value=${state.draft}
      @input=${(e: Event) => on.input((e.target as HTMLTextAreaElement).value)}
      @keydown=${keydown}
    ></vscode-textarea>
    <vscode-button aria-label="Send" icon="send" ?disabled=${state.busy || state.draft.trim() === ''} @click=${on.send}>Send</vscode-button>
  </form>`;
}
