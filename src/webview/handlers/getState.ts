import type { AppState } from '../../shared/protocol';
import type { HandlerDeps } from '../handlerTable';

/** `app/getState`: everything the panel draws, for first paint and after a reload. */
export async function getState(deps: HandlerDeps, _params: Record<string, never>, signal: AbortSignal): Promise<AppState> {
  const [key, chat] = await Promise.all([deps.apiKey.get(), deps.chat.snapshot(signal)]);
  return { settings: deps.settings(), key: { hasKey: key !== undefined }, ...chat };
}
