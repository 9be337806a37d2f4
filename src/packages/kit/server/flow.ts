import { canMove, nextStates, type Flow } from '../shared/flow';
import { conflict } from './errors';

/**
 * Refuses (409, naming the field) a move the flow does not allow from the current state. With
 * `subject`, the message names it and lists the moves that are allowed, so a client can say what to
 * do instead: "status: meeting cannot go from minutes_draft to published (allowed: minutes_approved)".
 */
export function requireMove<State extends string>(
  flow: Flow<State>,
  field: string,
  from: string,
  to: string,
  subject?: string,
): void {
  if (canMove(flow, from, to)) return;
  if (!subject) throw conflict(field, `cannot move from ${from} to ${to}`);
  const allowed = nextStates(flow, from);
  throw conflict(field, `${subject} cannot go from ${from} to ${to} (allowed: ${allowed.join(', ') || 'none'})`);
}
