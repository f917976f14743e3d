import type { EffectiveSettings } from '../../shared/settings';
import type { HandlerDeps } from '../handlerTable';

/** `settings/get`: the effective settings after clamping. */
export function getSettings(deps: HandlerDeps): Promise<EffectiveSettings> {
  return Promise.resolve(deps.settings());
}
