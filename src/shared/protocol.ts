/**
 * Every message between the chat webview and the extension host, declared once. Each method is a
 * typed request (answered) or notification (fire and forget) with a zod schema for its params, so
 * both sides share the types and the receiving side validates what arrives before acting on it.
 * Names follow `area/verb`. Plain data only: no vscode, no node, no DOM.
 */
import { z } from 'zod';
import { effectiveSettingsSchema } from './settings';
import { progressEventSchema } from './events';
import { masterPlanSchema } from '../core/masterplan/schema';

/** A request the webview sends and the host answers. */
export interface RequestType<P, R> {
  readonly kind: 'request';
  readonly method: string;
  readonly params: z.ZodType<P>;
  readonly result: z.ZodType<R>;
}

/** A one-way message, in either direction. */
export interface NotificationType<P> {
  readonly kind: 'notification';
  readonly method: string;
  readonly params: z.ZodType<P>;
}

function request<P, R>(method: string, params: z.ZodType<P>, result: z.ZodType<R>): RequestType<P, R> {
  return { kind: 'request', method, params, result };
}

function notification<P>(method: string, params: z.ZodType<P>): NotificationType<P> {
  return { kind: 'notification', method, params };
}

const empty = z.object({}).strict();

export const chatMessageSchema = z.object({
  id: z.string(),
  role: z.enum(['user', 'assistant']),
  text: z.string(),
  createdAt: z.number(),
  runId: z.string().nullable(),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

export const conversationSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  updatedAt: z.number(),
});
export type ConversationSummary = z.infer<typeof conversationSummarySchema>;

export const keyStatusSchema = z.object({ hasKey: z.boolean() });
export type KeyStatus = z.infer<typeof keyStatusSchema>;

export const sendResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('started'), conversationId: z.string(), runId: z.string() }),
  z.object({ status: z.literal('needs-key'), message: z.string() }),
  z.object({ status: z.literal('rejected'), message: z.string() }),
]);
export type SendResult = z.infer<typeof sendResultSchema>;

/** A run of the active conversation, with its stored events so the panel can redraw it after a reload. */
export const runInfoSchema = z.object({
  runId: z.string(),
  kind: z.enum(['plan', 'generate']),
  engine: z.enum(['v1', 'v2']),
  status: z.enum(['running', 'done', 'failed', 'cancelled']),
  /** True while this process is driving the run (false: it stopped, or died with the window). */
  live: z.boolean(),
  /** A finished planning run whose plan waits for the user's review and Execute. */
  awaitingReview: z.boolean(),
  /** The generate run started from this planning run, if any. */
  generateRunId: z.string().nullable(),
  /** Proposed files not applied or discarded yet. */
  pendingProposals: z.number(),
  events: z.array(progressEventSchema),
});
export type RunInfo = z.infer<typeof runInfoSchema>;

export const planForReviewSchema = z.object({
  runId: z.string(),
  masterPlanId: z.string(),
  discoveryMarkdown: z.string(),
  plan: masterPlanSchema,
});
export type PlanForReview = z.infer<typeof planForReviewSchema>;

export const executeResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('started'), runId: z.string() }),
  /** The edited plan has problems (a cycle, a path outside the workspace ...): nothing started. */
  z.object({ status: z.literal('invalid'), problems: z.array(z.string()) }),
  z.object({ status: z.literal('rejected'), message: z.string() }),
]);
export type ExecuteResult = z.infer<typeof executeResultSchema>;

export const applyResultSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('applied'),
    applied: z.array(z.string()),
    skipped: z.array(z.string()),
    refused: z.array(z.object({ relPath: z.string(), reason: z.string() })),
    /** Files the user rejected whole: they leave review with the apply, nothing is written. */
    discarded: z.array(z.string()),
  }),
  /** The user closed the "files changed" question, or there was nothing to apply. */
  z.object({ status: z.literal('nothing'), message: z.string() }),
]);
export type ApplyResult = z.infer<typeof applyResultSchema>;

export const appStateSchema = z.object({
  settings: effectiveSettingsSchema,
  key: keyStatusSchema,
  conversations: z.array(conversationSummarySchema),
  activeConversationId: z.string().nullable(),
  messages: z.array(chatMessageSchema),
  runs: z.array(runInfoSchema),
});
export type AppState = z.infer<typeof appStateSchema>;

/** A retrieved snippet to show in the editor ("context used" entries are clickable). */
export const openContextParamsSchema = z.object({
  path: z.string().min(1),
  startLine: z.number().int().min(1),
  endLine: z.number().int().min(1),
  source: z.enum(['workspace', 'examples']),
}).strict();
export type OpenContextParams = z.infer<typeof openContextParamsSchema>;

export const openContextResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('opened') }),
  /** Outside the workspace and the bundled examples, or gone: nothing was opened. */
  z.object({ status: z.literal('refused'), message: z.string() }),
]);
export type OpenContextResult = z.infer<typeof openContextResultSchema>;

/** Webview -> host requests. */
export const Requests = {
  /** The whole state the panel needs to draw itself (first paint, reload, re-show). */
  getState: request('app/getState', empty, appStateSchema),
  /** The effective (clamped) settings. */
  getSettings: request('settings/get', empty, effectiveSettingsSchema),
  /** Sends a chat message: starts a run on the request it carries. */
  sendMessage: request(
    'chat/send',
    z.object({ text: z.string(), conversationId: z.string().nullable() }).strict(),
    sendResultSchema,
  ),
  /** Opens the "Set Anthropic API Key" prompt; resolves with the key status after it closes. */
  setKey: request('key/set', empty, keyStatusSchema),
  /** Stops the run in progress, if any. */
  stopRun: request('run/stop', z.object({ runId: z.string() }).strict(), z.object({ stopped: z.boolean() })),
  /** Continues a stopped, failed or interrupted run from what is stored. */
  resumeRun: request('run/resume', z.object({ runId: z.string() }).strict(), executeResultSchema),
  /** The Discovery Document and MasterPlan of a planning run, for review and edits. */
  getPlan: request('plan/get', z.object({ runId: z.string() }).strict(), planForReviewSchema),
  /** Generates from a reviewed (possibly edited) plan; the edits are validated again first. */
  executePlan: request('plan/execute', z.object({ runId: z.string(), plan: masterPlanSchema }).strict(), executeResultSchema),
  /** Opens the diff review of a run's proposals in the editor. */
  openReview: request('review/open', z.object({ runId: z.string() }).strict(), z.object({ files: z.number(), opened: z.string().nullable() })),
  /** Applies the accepted proposals of a run as one edit (one undo). */
  applyReview: request('review/apply', z.object({ runId: z.string() }).strict(), applyResultSchema),
  /** Switches the panel to a conversation (null: a new, empty one). */
  selectConversation: request('conversation/select', z.object({ conversationId: z.string().nullable() }).strict(), z.object({ ok: z.boolean() })),
  /** Opens a retrieved snippet's file at its lines (workspace files and bundled examples only). */
  openContext: request('context/open', openContextParamsSchema, openContextResultSchema),
} as const;

/** Webview -> host notifications. */
export const WebviewNotifications = {
  /** The page has set up its listener: the host may post from now on. */
  ready: notification('webview/ready', empty),
} as const;

/** Host -> webview notifications. */
export const HostNotifications = {
  /** A progress event of a run. */
  runEvent: notification('run/event', z.object({ event: progressEventSchema })),
  /** Something the panel shows changed (settings, key, conversations): fetch the state again. */
  stateChanged: notification('state/changed', empty),
  /** A message appended to the active conversation. */
  messageAdded: notification('chat/messageAdded', z.object({ conversationId: z.string(), message: chatMessageSchema })),
} as const;

/** All webview -> host requests, by method name. */
export type RequestMap = typeof Requests;
export type AnyRequestType = RequestMap[keyof RequestMap];
export type ParamsOf<T> = T extends RequestType<infer P, unknown> ? P : T extends NotificationType<infer P> ? P : never;
export type ResultOf<T> = T extends RequestType<unknown, infer R> ? R : never;

/** The envelope every message travels in (validated on arrival before its params). */
export const envelopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('request'), id: z.number().int(), method: z.string(), params: z.unknown() }),
  z.object({ kind: z.literal('notification'), method: z.string(), params: z.unknown() }),
  z.object({ kind: z.literal('response'), id: z.number().int(), result: z.unknown() }),
  z.object({ kind: z.literal('error'), id: z.number().int(), error: z.object({ code: z.string(), message: z.string() }) }),
]);
export type Envelope = z.infer<typeof envelopeSchema>;

/** Finds the request type declared for a method name, or undefined for an unknown method. */
export function findRequest(method: string): AnyRequestType | undefined {
  return Object.values(Requests).find((r) => r.method === method);
}
