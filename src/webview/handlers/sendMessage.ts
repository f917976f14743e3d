import type { SendResult } from '../../shared/protocol';
import type { HandlerDeps } from '../handlerTable';

/** `chat/send`: a chat message is a request to build something; it starts a run. */
export async function sendMessage(
  deps: HandlerDeps,
  params: { text: string; conversationId: string | null },
  signal: AbortSignal,
): Promise<SendResult> {
  return deps.chat.send(params.text, params.conversationId, signal);
}
