import type { KeyStatus } from '../../shared/protocol';
import type { HandlerDeps } from '../handlerTable';

/** `key/set`: opens the key prompt from the panel's "Set API Key" button. */
export async function setKey(deps: HandlerDeps): Promise<KeyStatus> {
  return { hasKey: await deps.promptForKey() };
}
