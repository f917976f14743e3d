/** Short random ids with a readable prefix (`run-3f9c0a1b2d`), typed by users in `mge status ID`. */
import { randomBytes } from 'node:crypto';

/** A new id: prefix, dash, 10 hex digits (40 random bits: ample within one workspace). */
export function newId(prefix: 'run' | 'dd' | 'mp' | 'conv'): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`;
}
