import type { HandlerDeps } from '../handlerTable';
import type { OpenContextParams, OpenContextResult } from '../../shared/protocol';

/** `context/open`: shows a retrieved snippet's file at its lines (workspace or bundled examples only). */
export async function openContext(deps: HandlerDeps, params: OpenContextParams): Promise<OpenContextResult> {
  return deps.openContext(params);
}
