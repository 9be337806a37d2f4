import type { Core } from '@strapi/strapi';
import { background, httpCache, invalidateOnDocuments, type CacheRule } from '@grassroots/kit/server';
import { todayUtc } from '../../shared';
import { UID } from './uids';

/**
 * A scope that changes once a day: overdue flags and missing-meeting months follow the calendar,
 * not a write, so every answer that shows them names this scope too.
 */
export const DAY_SCOPE = 'deliberation:today';
const GRID = 'api::grid.grid';
const BRANCH = 'api::branch.branch';

const pub = (scopes: string[]): CacheRule => ({ scopes, audience: 'public' });
const staff = (scopes: string[]): CacheRule => ({ scopes, audience: 'staff' });

/** What each cached read is built from; a change to any of these uids makes the answer stale. */
export const CACHE = {
  publicMeetings: pub([UID.meeting, UID.council]),
  publicMeeting: pub([UID.meeting, UID.council, UID.revision, UID.item, DAY_SCOPE]),
  publicTopics: pub([UID.topic, UID.transition, UID.evaluation, GRID]),
  publicItems: pub([UID.item, UID.meeting, DAY_SCOPE]),
  councils: staff([UID.council, BRANCH]),
  topics: staff([UID.topic, UID.transition, UID.evaluation, GRID]),
  meetings: staff([UID.meeting, UID.council]),
  workspace: staff([UID.meeting, UID.council, UID.item, UID.transition, DAY_SCOPE]),
  board: staff([UID.item, UID.meeting, DAY_SCOPE]),
  owners: staff([UID.item, DAY_SCOPE]),
  calendar: staff([UID.meeting, UID.council, DAY_SCOPE]),
} satisfies Record<string, CacheRule>;

/**
 * Every write of the plugin goes through the Document Service (workflow, transition trail,
 * revisions, evaluations), inside the workflow's transaction: the touch commits with the change.
 */
export function invalidateOnWrites(strapi: Core.Strapi): void {
  invalidateOnDocuments(
    strapi,
    Object.values(UID).map((uid) => ({ uid })),
  );
}

let stop: (() => void) | undefined;

/** Moves DAY_SCOPE when the UTC day has changed since it last moved (any instance may do it; twice is harmless). */
async function turnDay(strapi: Core.Strapi): Promise<void> {
  const cache = httpCache(strapi);
  const { lastModified } = await cache.validators(DAY_SCOPE, [DAY_SCOPE]);
  if (todayUtc(new Date(lastModified)) < todayUtc()) await cache.touch([DAY_SCOPE]);
}

/** Checks the day at boot and every minute after, as background work (shutdown waits for a running check). */
export function watchDay(strapi: Core.Strapi): void {
  const jobs = background(strapi);
  jobs.run('deliberation day scope', () => turnDay(strapi));
  stop = jobs.every('deliberation day scope', 60_000, () => turnDay(strapi));
}

export function stopDay(): void {
  stop?.();
  stop = undefined;
}
