/** What the admin routes answer (server/src/services/*), as the pages read it. */
export interface Community {
  documentId: string;
  name: string;
}
export interface BoardItem {
  documentId: string;
  title: string;
  status: string;
  dueDate: string | null;
  claimedBy: string | null;
  rating: number | null;
}
export type Board = Record<'need' | 'resource' | 'project', BoardItem[]>;
export interface ActivityRow {
  documentId: string;
  title: string;
  kind: string;
  startsAt: string;
}
export interface Qr {
  title: string;
  png: string;
  url: string;
  expiresAt: string;
  place: string | null;
  startsAt: string;
}
export interface QueueRow {
  documentId: string;
  member: { documentId: string; name: string; unit: string | null } | null;
  activity: { documentId: string; title: string; kind: string } | null;
  checkedInAt: string;
  minutes: number;
  rating: number | null;
}
export interface PendingRegistration {
  documentId: string;
  kind: 'unit' | 'member';
  reportedOn: string;
  unit: { name: string } | null;
  member: { name: string; unit: string | null } | null;
}
export interface ManualOptions {
  members: { documentId: string; name: string; unit: string | null }[];
  activities: { documentId: string; title: string; startsAt: string }[];
}
export interface MemberFigures {
  documentId: string;
  name: string;
  unit: string | null;
  verifiedHours: number;
  points: number;
}
export interface Dashboard {
  year: number;
  communities: Array<{
    documentId: string;
    name: string;
    members: number;
    verifiedHours: number;
    hoursPerMember: number;
    needs: number;
    needsClaimed: number;
    needsDone: number;
  }>;
  members: MemberFigures[];
  underRequirement: { requiredHours: number; members: MemberFigures[] };
}
