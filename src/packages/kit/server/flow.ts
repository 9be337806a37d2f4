import { canMove, nextStates, type Flow } from '../shared/flow';
import { valueLabels } from '../shared/labels';
import { conflict } from './errors';

let values: Record<string, string> | undefined;
/** A state as staff read it (`minutes_draft` → its label), for the Chinese half of a refusal. */
const zh = (state: string): string => (values ??= valueLabels('zh-Hans'))[state] ?? state;

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
  if (!subject) throw conflict(field, `cannot move from ${from} to ${to} (不能从“${zh(from)}”变为“${zh(to)}”)`);
  const allowed = nextStates(flow, from);
  throw conflict(
    field,
    `${subject} cannot go from ${from} to ${to} (allowed: ${allowed.join(', ') || 'none'}) (不能从“${zh(from)}”变为“${zh(to)}”${allowed.length ? `，可变为：${allowed.map(zh).join('、')}` : ''})`,
  );
}
