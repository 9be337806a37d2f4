import type { SuggestionCounts } from '../../shared';

/** What the staff routes answer (server/src/services/*), as the pages read them. */
export interface CaseRef {
  documentId: string;
  title: string;
  status: string;
}
export interface Photo {
  id: number;
  url: string;
  name: string;
}
export interface CaseItem {
  documentId: string;
  title: string;
  description: string;
  status: string;
  level: string;
  source: string;
  category: { documentId: string; name: string; timeLimitDays: number } | null;
  grid: { documentId: string; name: string } | null;
  building: string | null;
  lat: number | null;
  lng: number | null;
  owner: { kind: string; name: string; unit: string | null; account: string | null } | null;
  reportedAt: string;
  acceptedAt: string | null;
  dispatchedAt: string | null;
  dueAt: string | null;
  signedAt: string | null;
  handledAt: string | null;
  verifiedAt: string | null;
  ratedAt: string | null;
  archivedAt: string | null;
  urgency: 'ok' | 'warning' | 'overdue' | null;
  handledOnTime: boolean | null;
  result: string | null;
  returnReason: string | null;
  satisfaction: string | null;
  reopened: boolean;
  extension: { status: string; days: number | null; reason: string | null };
  parent: string | null;
  mergedInto: string | null;
}
export interface IntakeItem extends CaseItem {
  possibleDuplicates: Array<CaseRef & { metres: number }>;
}
export interface Supervision {
  cases: CaseItem[];
  /** accepted, waiting for 派单 (absent from servers before it was added) */
  toDispatch?: CaseItem[];
  /** handled, waiting for 核查; rated, waiting for 归档 (newest deadline first) */
  toVerify?: CaseItem[];
  toArchive?: CaseItem[];
  /** per owner: its account (承办方账号) when it has one, else its name */
  owners: Array<{ owner: string; account: string | null; running: number; warning: number; overdue: number }>;
}
export interface HistoryStep {
  from: string | null;
  to: string;
  action: string;
  at: string;
  reason: string | null;
  actorKind?: string;
  actorId?: string | null;
}
/** The staff detail; photos, links, escalations and mergedCases are optional (added by later slices). */
export interface CaseDetail extends CaseItem {
  history: HistoryStep[];
  escalations?: CaseRef[];
  mergedCases?: CaseRef[];
  /** while the case may still be merged (reported, accepted): the 受理台's possible duplicates */
  possibleDuplicates?: Array<CaseRef & { metres: number }>;
  photos?: { before: Photo[]; after: Photo[] };
  links?: { topic?: { documentId: string; title: string }; need?: { documentId: string; title: string } };
}
export interface Category {
  documentId: string;
  name: string;
  timeLimitDays: number;
  defaultOwnerKind: string | null;
  defaultOwnerName: string | null;
  active: boolean;
}
export interface Holiday {
  documentId: string;
  date: string;
  kind: 'holiday' | 'workday';
  name: string | null;
}
export interface Unit {
  documentId: string;
  name: string;
}
/** 承办方账号 offered at 派单 (a department or property company with its own login). */
export interface OwnerAccount extends Unit {
  kind: 'department' | 'property';
}
/** What a text input's onChange hands over. */
export type InputEvent = { target: { value: string } };
/** One representative's suggestions (services/duties.ts). */
export interface Duties {
  representative: { documentId: string; name: string };
  counts: SuggestionCounts;
  cases: CaseItem[];
}
