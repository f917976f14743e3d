/**
 * @title Vitest it.each table tests for a state machine's transitions
 * @tags testing, vitest, it.each, table driven, state machine
 * @stack vitest, typescript
 */
import { describe, expect, it } from 'vitest';
import { canTransition, type TicketStatus } from '../../ddd/status-state-machine';

describe('ticket transitions', () => {
  it.each<[TicketStatus, TicketStatus, boolean]>([
    ['open', 'in_progress', true],
    ['open', 'done', false],
    ['in_progress', 'blocked', true],
    ['blocked', 'in_progress', true],
    ['done', 'open', false],
  ])('%s -> %s allowed: %s', (from, to, allowed) => {
    expect(canTransition(from, to)).toBe(allowed);
  });
});
