/** A check-in as Strapi's query engine (camelCase) gives it, or as the check-in path builds it. */
export interface CheckInRecord {
  documentId: string;
  checkedInAt: string | Date;
  checkedOutAt?: string | Date | null;
  minutes?: number | null;
  source: string;
  status: string;
  rating?: number | null;
  ratingComment?: string | null;
  year: number;
}

export interface ActivityRef {
  documentId: string;
  title: string;
  kind: string;
}

/** The fields a member or unit sees of a check-in (no internal slot or refs). */
export const shapeCheckIn = (c: CheckInRecord, activity?: ActivityRef | null) => ({
  documentId: c.documentId,
  activity: activity ? { documentId: activity.documentId, title: activity.title, kind: activity.kind } : undefined,
  checkedInAt: c.checkedInAt,
  checkedOutAt: c.checkedOutAt ?? null,
  minutes: c.minutes ?? 0,
  source: c.source,
  status: c.status,
  rating: c.rating ?? null,
  ratingComment: c.ratingComment ?? null,
  year: c.year,
});

export type CheckInView = ReturnType<typeof shapeCheckIn>;
