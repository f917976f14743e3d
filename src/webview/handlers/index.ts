import type { HandlerTable } from '../handlerTable';
import { getSettings } from './getSettings';
import { getState } from './getState';
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
};
