import type { CouncilMember, CouncilRule, MeetingFields, Quorum } from '../../shared';

/** The meeting workspace as GET /deliberation/meetings/:documentId answers it (phones already removed). */
export interface MeetingView extends MeetingFields {
  council: {
    name: string;
    rule: CouncilRule | null;
    members: CouncilMember[] | null;
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
