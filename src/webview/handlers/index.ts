import type { HandlerTable } from '../handlerTable';
import { applyReview } from './applyReview';
import { executePlan } from './executePlan';
import { getPlan } from './getPlan';
import { getSettings } from './getSettings';
import { getState } from './getState';
import { openContext } from './openContext';
import { openReview } from './openReview';
import { resumeRun } from './resumeRun';
import { selectConversation } from './selectConversation';
import { sendMessage } from './sendMessage';
import { setKey } from './setKey';
import { stopRun } from './stopRun';

/** The request handlers, keyed like `Requests` in src/shared/protocol.ts. */
export const handlers: HandlerTable = {
  getState,
  getSettings,
  sendMessage,
  setKey,
  stopRun,
  resumeRun,
  getPlan,
  executePlan,
  openReview,
  applyReview,
  selectConversation,
  openContext,
};
