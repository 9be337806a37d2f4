/**
 * A state flow: for each state, the states it may move to. Plugins define theirs in their own
 * shared/ folder, imported by the server (which enforces it) and the admin (which offers only the
 * buttons the server will accept), so the two can never disagree.
 */
export type Flow<State extends string> = Readonly<Record<State, readonly State[]>>;

export const defineFlow = <State extends string>(flow: Record<State, readonly State[]>): Flow<State> => flow;

/** The states `from` may move to (none for an unknown state). */
export const nextStates = <State extends string>(flow: Flow<State>, from: string): readonly State[] =>
  (flow as Record<string, readonly State[] | undefined>)[from] ?? [];

export const canMove = <State extends string>(flow: Flow<State>, from: string, to: string): boolean =>
  nextStates(flow, from).includes(to as State);
