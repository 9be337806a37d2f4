import type { Core, UID } from '@strapi/strapi';
import {
  checkUpload,
  conflict,
  documentData,
  inTransaction,
  invalid,
  lockRow,
  notFound,
  tableOf,
  type UploadedPart,
} from '@grassroots/kit/server';
import { ASSESSMENT, EVIDENCE, FILE, touch } from '../cache';
import { getService } from '../get-service';
import { FILES_OPEN } from '../../../shared/flow';
import type { AssessmentRow } from '../types';

export type EvidenceFile = {
  id: string;
  name: string;
  url: string;
  mime: string;
  internal: boolean;
  note?: string | null;
};

/** A multipart file part as the body parser hands it over (formidable). */
export type UploadPart = UploadedPart & { size?: number };

interface EvidenceRow {
  id: number;
  documentId: string;
  assessmentRef: number;
  criterionCode: string;
  internal: boolean | null;
  note: string | null;
  file?: { name?: string; url?: string; mime?: string } | null;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** Loads the assessment and refuses unless files may still change; checks the criterion code against its sheet. */
  /**
   * Inside the write's transaction: locks the assessment (as its transitions do) and checks it is still
   * open, so a file is never attached to or removed from an assessment submitted meanwhile.
   */
  async function stillOpen(a: AssessmentRow): Promise<void> {
    await lockRow(strapi, ASSESSMENT, { id: a.id });
    const now = (await strapi.db.query(ASSESSMENT).findOne({ where: { id: a.id }, select: ['status'] })) as {
      status: string;
    } | null;
    if (!now || !FILES_OPEN.includes(now.status as AssessmentRow['status']))
      throw conflict('status', `the assessment was ${now?.status ?? 'deleted'} meanwhile; evidence is closed (已提交)`);
  }

  async function openAssessment(documentId: string, criterion?: string): Promise<AssessmentRow> {
    const a = (await strapi.db.query(ASSESSMENT).findOne({ where: { documentId } })) as AssessmentRow | null;
    if (!a) throw notFound('assessment', '星级考评');
    if (!FILES_OPEN.includes(a.status)) {
      throw conflict(
        'status',
        `evidence can change only while the assessment is ${FILES_OPEN.join(' or ')} (now ${a.status}) (考评已提交，佐证材料不能再修改)`,
      );
    }
    if (criterion !== undefined) {
      const sheet = await getService(strapi, 'sheets').one(a.category, a.starKey);
      if (!sheet?.criteria.some((c) => c.code === criterion)) {
        throw invalid(
          'criterion',
          `unknown criterion ${criterion} for star ${a.starKey} (评分细则 ${criterion} 不属于该星)`,
        );
      }
    }
    return a;
  }

  function shape(row: EvidenceRow): EvidenceFile {
    return {
      id: row.documentId,
      name: row.file?.name ?? '',
      url: row.file?.url ?? '',
      mime: row.file?.mime ?? '',
      internal: !!row.internal,
      note: row.note ?? null,
    };
  }

  return {
    /**
     * Attaches a file to one criterion. Either `file` is the id of a file already in the media library, or
     * `upload` is a multipart file which is stored through the upload plugin first. Every check runs before
     * anything is written, so a refusal leaves neither an evidence row nor an orphan upload.
     */
    async attach(
      documentId: string,
      input: { criterion: string; file?: number; internal?: boolean; note?: string },
      upload?: UploadPart,
      user?: { id: number },
    ) {
      const a = await openAssessment(documentId, input.criterion);
      let fileId = input.file;
      if (upload) {
        // Evidence is documents and photos, judged by their bytes (the kit's one upload rule).
        await checkUpload(upload, 'file');
        const [stored] = (await strapi
          .plugin('upload')
          .service('upload')
          .upload({ data: {}, files: upload }, { user })) as Array<{ id: number }>;
        fileId = stored.id;
      } else {
        const f = await strapi.db.query(FILE).findOne({ where: { id: fileId }, select: ['id'] });
        if (!f) throw invalid('file', `no file ${fileId} in the media library (媒体库中没有该文件)`);
      }
      const row = await strapi.db.transaction(async () => {
        await stillOpen(a);
        // Document Service: the kit's scope middleware gives the row its assessment's organisation scope.
        const uid = EVIDENCE as UID.ContentType;
        const created = (await strapi.documents(uid).create({
          data: documentData(uid, {
            assessment: a.documentId,
            assessmentRef: a.id,
            criterionCode: input.criterion,
            file: fileId,
            internal: !!input.internal,
            note: input.note ?? null,
          }),
          populate: { file: true },
        })) as unknown as EvidenceRow;
        await touch(strapi, [ASSESSMENT]);
        return created;
      });
      return { criterion: row.criterionCode, ...shape(row) };
    },

    /** Detaches the file from the item. The file stays in the media library (it may be used elsewhere). */
    async remove(documentId: string, evidenceId: string) {
      const a = await openAssessment(documentId);
      const row = (await strapi.db
        .query(EVIDENCE)
        .findOne({ where: { documentId: evidenceId, assessmentRef: a.id } })) as EvidenceRow | null;
      if (!row) throw notFound('evidence', '佐证材料');
      await strapi.db.transaction(async () => {
        await stillOpen(a);
        await strapi.db.query(EVIDENCE).delete({ where: { id: row.id } });
        await touch(strapi, [ASSESSMENT]);
      });
      return { id: evidenceId, removed: true };
    },

    /**
     * Files of several assessments in one query: Map assessmentId → (criterion code → files).
     * `publicOnly` drops files marked internal; callers pass only assessments the audience may see.
     */
    async byAssessment(
      assessmentIds: number[],
      publicOnly: boolean,
    ): Promise<Map<number, Map<string, EvidenceFile[]>>> {
      const out = new Map<number, Map<string, EvidenceFile[]>>();
      if (!assessmentIds.length) return out;
      const where: Record<string, unknown> = { assessmentRef: { $in: assessmentIds } };
      if (publicOnly) where.internal = false;
      const rows = (await strapi.db.query(EVIDENCE).findMany({
        where,
        populate: { file: { select: ['name', 'url', 'mime'] } },
        orderBy: [{ id: 'asc' }],
      })) as EvidenceRow[];
      for (const r of rows) {
        const byCode = out.get(r.assessmentRef) ?? new Map<string, EvidenceFile[]>();
        out.set(r.assessmentRef, byCode);
        byCode.set(r.criterionCode, [...(byCode.get(r.criterionCode) ?? []), shape(r)]);
      }
      return out;
    },

    /** Criterion codes of one assessment that have at least one file (the submit check). */
    async codesWithFiles(assessmentId: number): Promise<Set<string>> {
      // In the caller's transaction when there is one (submit reads it under the assessment's lock;
      // on SQLite a second connection would wait for that transaction forever).
      const rows: Array<{ criterion_code: string }> = await inTransaction(strapi, (trx) =>
        trx(tableOf(strapi, EVIDENCE)).where({ assessment_ref: assessmentId }).distinct('criterion_code'),
      );
      return new Set(rows.map((r) => r.criterion_code));
    },
  };
};
