/**
 * @title Allowed status transitions of an entity as an explicit state machine
 * @tags ddd, state machine, status, transitions, workflow
 * @stack ddd, typescript
 */
export type TicketStatus = 'open' | 'in_progress' | 'blocked' | 'done';

const ALLOWED: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  open: ['in_progress'],
  in_progress: ['blocked', 'done'],
  blocked: ['in_progress'],
  done: [],
};

export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return ALLOWED[from].includes(to);
}

export function transition(from: TicketStatus, to: TicketStatus): TicketStatus {
  if (!canTransition(from, to)) throw new Error(`cannot move a ticket from ${from} to ${to}`);
  return to;
}
