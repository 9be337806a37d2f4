import { canMove, type Flow } from '../shared/flow';
import { conflict } from './errors';

/** Refuses (409, naming the field) a move the flow does not allow from the current state. */
export function requireMove<State extends string>(flow: Flow<State>, field: string, from: string, to: string): void {
  if (!canMove(flow, from, to)) throw conflict(field, `cannot move from ${from} to ${to}`);
}
