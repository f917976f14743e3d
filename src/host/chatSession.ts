import type { AppState, ChatMessage, ConversationSummary, RunInfo, SendResult } from '../shared/protocol';
import type { Logger } from '../core/ports';

/** Persistence the chat needs (implemented over the workspace database). */
export interface ChatRepository {
  listConversations(signal: AbortSignal): Promise<ConversationSummary[]>;
  createConversation(title: string, signal: AbortSignal): Promise<ConversationSummary>;
  listMessages(conversationId: string, signal: AbortSignal): Promise<ChatMessage[]>;
  addMessage(conversationId: string, message: Omit<ChatMessage, 'id' | 'createdAt'>, signal: AbortSignal): Promise<ChatMessage>;
}

/** Starts runs for the chat; owns their AbortControllers. */
export interface RunLauncher {
  /**
   * Starts a run on `request`; resolves with its id once it exists (the run continues after), or
   * with the reason it cannot start (no folder open, the database is locked ...).
   */
  start(request: string, conversationId: string, signal: AbortSignal): Promise<LaunchResult>;
  stop(runId: string): boolean;
}

export type LaunchResult = { readonly status: 'started'; readonly runId: string } | { readonly status: 'rejected'; readonly message: string };

export const MAX_REQUEST_BYTES = 100 * 1024;

/** The chat panel's model: conversations, their messages, and the run a message starts. */
export interface ChatSession {
  snapshot(signal: AbortSignal): Promise<Pick<AppState, 'conversations' | 'activeConversationId' | 'messages' | 'runs'>>;
  /** Makes a conversation the active one (null: start a new one with the next message). */
  select(conversationId: string | null): void;
  send(text: string, conversationId: string | null, signal: AbortSignal): Promise<SendResult>;
  stop(runId: string): boolean;
}

export interface ChatSessionDeps {
  readonly repository: ChatRepository;
  readonly launcher: RunLauncher;
  readonly hasKey: () => Promise<boolean>;
  /** The runs of a conversation with their stored events. */
  readonly runInfos: (conversationId: string | null) => Promise<RunInfo[]>;
  readonly logger: Logger;
  /** Tells the panel to refetch its state (a message or conversation was added). */
  readonly onChanged: () => void;
}

/** Builds the chat session over its repository and run launcher. */
export function createChatSession(deps: ChatSessionDeps): ChatSession {
  let activeConversationId: string | null = null;
  // A deliberate "new conversation" must not be undone by the first snapshot picking the latest one.
  let fresh = false;

  return {
    async snapshot(signal) {
      const conversations = await deps.repository.listConversations(signal);
      if (activeConversationId === null && !fresh && conversations.length > 0) activeConversationId = conversations[0].id;
      const messages = activeConversationId ? await deps.repository.listMessages(activeConversationId, signal) : [];
      const runs = await deps.runInfos(activeConversationId);
      return { conversations, activeConversationId, messages, runs };
    },

    select(conversationId) {
      activeConversationId = conversationId;
      fresh = conversationId === null;
    },

    async send(text, conversationId, signal) {
      const request = text.trim();
      if (request === '') return { status: 'rejected', message: 'Describe what to build first: the request is empty.' };
      if (Buffer.byteLength(request, 'utf8') > MAX_REQUEST_BYTES) {
        return { status: 'rejected', message: 'The request is over 100 KB. Shorten it, or put the details in a file in the workspace and refer to it.' };
      }
      if (!(await deps.hasKey())) {
        return { status: 'needs-key', message: 'MGE needs an Anthropic API key to run. Set one with "MGE: Set Anthropic API Key".' };
      }
      const conversation = conversationId ?? (await deps.repository.createConversation(titleOf(request), signal)).id;
      activeConversationId = conversation;
      fresh = false;
      const launched = await deps.launcher.start(request, conversation, signal);
      if (launched.status === 'rejected') return launched;
      await deps.repository.addMessage(conversation, { role: 'user', text: request, runId: launched.runId }, signal);
      deps.onChanged();
      return { status: 'started', conversationId: conversation, runId: launched.runId };
    },

    stop(runId) {
      return deps.launcher.stop(runId);
    },
  };
}

function titleOf(request: string): string {
  const firstLine = request.split('\n', 1)[0];
  return firstLine.length > 60 ? `${firstLine.slice(0, 57)}…` : firstLine;
}
