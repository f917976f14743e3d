import type { EffectiveSettings } from '../shared/settings';
import type { ApplyResult, OpenContextParams, OpenContextResult, ParamsOf, RequestMap, ResultOf } from '../shared/protocol';
import type { Logger } from '../core/ports';
import type { ApiKeyStore } from '../host/apiKeyStore';
import type { ChatSession } from '../host/chatSession';
import type { RunController } from '../host/runController';

/** What the handlers may use. Built once in the composition root. */
export interface HandlerDeps {
  readonly settings: () => EffectiveSettings;
  readonly apiKey: ApiKeyStore;
  readonly chat: ChatSession;
  readonly runs: RunController;
  readonly logger: Logger;
  /** Runs "MGE: Set Anthropic API Key" and tells whether a key is stored afterwards. */
  readonly promptForKey: () => Promise<boolean>;
  /** Opens the diff review of a run; resolves with how many files it has and the one opened. */
  readonly openReview: (runId: string) => Promise<{ files: number; opened: string | null }>;
  /** Applies the accepted proposals of a run (one WorkspaceEdit). */
  readonly applyReview: (runId: string) => Promise<ApplyResult>;
  /** Opens a retrieved snippet in the editor, refusing files outside the workspace and the bundled examples. */
  readonly openContext: (params: OpenContextParams) => Promise<OpenContextResult>;
  /** Tells the panel to fetch its state again. */
  readonly stateChanged: () => void;
}

/** One handler per request method; the mapped type makes a missing handler a compile error. */
export type HandlerTable = {
  readonly [K in keyof RequestMap]: (
    deps: HandlerDeps,
    params: ParamsOf<RequestMap[K]>,
    signal: AbortSignal,
  ) => Promise<ResultOf<RequestMap[K]>>;
};
