import type { CaseLevel, CaseStatus } from '../../shared';

interface Ref {
  id: number;
  documentId: string;
}

/** A case row as the Query Engine reads it, with the relations the services use. */
export interface CaseRow extends Ref {
  title: string;
  description: string;
  status: CaseStatus;
  level: CaseLevel;
  source: string;
  building: string | null;
  lat: number | string | null;
  lng: number | string | null;
  reporterContact?: string | null;
  clientKey?: string | null;
  ownerKind: string | null;
  ownerName: string | null;
  reportedAt: unknown;
  acceptedAt: unknown;
  dispatchedAt: unknown;
  dueAt: unknown;
  signedAt: unknown;
  handledAt: unknown;
  verifiedAt: unknown;
  ratedAt: unknown;
  archivedAt: unknown;
  handledOnTime: boolean | null;
  result: string | null;
  returnReason: string | null;
  satisfaction: 'satisfied' | 'basically' | 'dissatisfied' | null;
  reopened: boolean;
  extensionStatus: 'not_requested' | 'requested' | 'granted' | 'refused';
  extensionDays: number | null;
  extensionReason: string | null;
  category?: (Ref & { name: string; timeLimitDays: number; active: boolean }) | null;
  grid?: (Ref & { name: string }) | null;
  compound?: Ref | null;
  ownerUnit?: (Ref & { name: string; account?: { id: number } | null }) | null;
  ownerAccount?: (Ref & { name: string; kind: string; account?: { id: number } | null }) | null;
  reporter?: { id: number; documentId: string } | null;
  parent?: Ref | null;
  mergedInto?: Ref | null;
  warnedAt?: unknown;
  urgedAt?: unknown;
  topicRef?: string | null;
  needRef?: string | null;
}

export interface EventRow {
  id: number;
  fromStatus: string | null;
  toStatus: string;
  action: string;
  actorKind: string;
  actorId: string | null;
  reason: string | null;
  at: unknown;
}

export interface Actor {
  kind: 'staff' | 'account' | 'system';
  id: string;
}
