import { html, nothing, type TemplateResult } from 'lit';
import type { ConversationSummary } from '../../../src/shared/protocol';

/** "Today 14:05", or the date for older ones. */
export function conversationTime(updatedAt: number, now: number): string {
  const at = new Date(updatedAt);
  const time = `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
  const date = `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
  return new Date(now).toDateString() === at.toDateString() ? `Today ${time}` : `${date} ${time}`;
}

/**
 * The conversation picker: a select of the workspace's conversations (newest first, as the host
 * lists them) and "New conversation". Picking one switches the panel to it.
 */
export function renderConversationList(
  conversations: readonly ConversationSummary[],
  activeId: string | null,
  state: { readonly busy: boolean; readonly now: number },
  on: { readonly select: (conversationId: string | null) => void },
): TemplateResult {
  const onChange = (e: Event): void => {
    const value = (e.target as HTMLElement & { value: string }).value;
    if (value !== (activeId ?? '')) on.select(value === '' ? null : value);
  };
  return html`<nav class="conversations row" aria-label="Conversations">
    ${conversations.length > 0 ? html`<vscode-single-select class="conversation-select" .label=${'Conversation'} ?disabled=${state.busy} @change=${onChange}>
      ${activeId === null ? html`<vscode-option value="" selected>New conversation</vscode-option>` : nothing}
      ${conversations.map((c) => html`<vscode-option value=${c.id} ?selected=${c.id === activeId}
        description=${conversationTime(c.updatedAt, state.now)}>${c.title}</vscode-option>`)}
    </vscode-single-select>` : html`<span class="muted conversation-select">New conversation</span>`}
    <vscode-button secondary icon="add" aria-label="New conversation" ?disabled=${state.busy || activeId === null}
      @click=${() => on.select(null)}>New</vscode-button>
  </nav>`;
}
