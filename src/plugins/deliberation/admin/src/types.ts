import type { Attendance, CouncilRule, Quorum } from '../../shared';
import type { AgendaItem } from './components/AgendaEditor';
import type { Decision } from './components/DecisionAdd';

/** The meeting workspace as GET /deliberation/meetings/:documentId answers it (phones already removed). */
export interface MeetingView {
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
  council: {
    name: string;
    rule: CouncilRule | null;
    members: Array<{ key: string; name: string; role?: string; organisation?: string }> | null;
  } | null;
  quorum: Quorum;
  actionItems?: Array<{
    documentId: string;
    title: string;
    ownerName: string;
    dueDate: string;
    status: string;
    overdue: boolean;
  }>;
}

/** What a text input's onChange hands over. */
export type InputEvent = { target: { value: string } };
