import type { Attendance, CouncilRule, Votes } from './rules';

/**
 * The meeting as the server stores it and the workspace edits it: one definition for the server's
 * services and the admin pages, so the two cannot drift.
 */
export interface Decision {
  key: string;
  text: string;
  topicDocumentId?: string | null;
  votes?: Votes | null;
  passed?: boolean | null;
}

export interface AgendaItem {
  position: number;
  title: string;
  topicDocumentId?: string;
  presenter: string;
  plannedMinutes: number;
}

export interface CouncilMember {
  key: string;
  name: string;
  role?: string;
  organisation?: string;
}

/** Fields every view of a meeting carries. */
export interface MeetingFields {
  documentId: string;
  title: string;
  startAt: string;
  endAt?: string | null;
  place?: string | null;
  convener?: string | null;
  recorder?: string | null;
  status: string;
  revision: number | null;
  agenda?: AgendaItem[] | null;
  attendance?: Attendance[] | null;
  minutes?: string | null;
  decisions?: Decision[] | null;
}

export type { CouncilRule };
