import type { AgendaItem, CouncilMember, CouncilRule, Decision, MeetingFields } from '../../shared';

export type { AgendaItem as AgendaEntry, Decision };

/** Documents as the Document Service returns them (only the fields this plugin reads). */
export interface Doc {
  id: number;
  documentId: string;
  createdAt?: string;
  updatedAt?: string;
}

export interface Member extends CouncilMember {
  representativeDocumentId?: string;
  gridHeadName?: string;
  /** private: never leaves through a route */
  phone?: string;
}

export interface Council extends Doc {
  name: string;
  code: string;
  kind: string;
  members: Member[] | null;
  rule: CouncilRule | null;
  cadence?: string;
}

export interface Topic extends Doc {
  title: string;
  raisedBy: string;
  sourceText: string;
  status: string;
  closedAt: string | null;
  needRef?: string | null;
  grid?: { code: string; name: string } | null;
}

export interface Meeting extends Doc, MeetingFields {
  publishedOn?: string | null;
  quorumRecorded?: boolean | null;
  noticeDocumentId?: string | null;
  council?: Council | null;
}

export interface ActionItem extends Doc {
  title: string;
  decisionKey: string;
  ownerKind: string;
  ownerName: string;
  /** private: never leaves through a route */
  ownerPhone?: string | null;
  dueDate: string;
  status: string;
  resultNote?: string | null;
  evidence?: string | null;
  doneAt?: string | null;
  verifiedAt?: string | null;
  meeting?: Meeting | null;
  topic?: Topic | null;
}

export interface Revision extends Doc {
  number: number;
  reason: string;
  minutes: string | null;
}

export interface Evaluation extends Doc {
  verdict: string;
}

/** One step of a status trail, as the read models show it. */
export interface TrailStep {
  subjectId: string;
  from: string | null;
  to: string;
  at: string | Date;
  reason: string | null;
}

export interface Page<T> {
  data: T[];
  meta: { pagination: { page: number; pageSize: number; total: number; overdue?: number } };
}
