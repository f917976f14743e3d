import type { HandlerDeps } from '../handlerTable';

/** `conversation/select`: switches the panel to a conversation (null: a new one). */
export function selectConversation(deps: HandlerDeps, params: { conversationId: string | null }): Promise<{ ok: boolean }> {
  deps.chat.select(params.conversationId);
  return Promise.resolve({ ok: true });
}
