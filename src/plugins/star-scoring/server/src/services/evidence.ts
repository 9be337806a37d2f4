import type { Core } from '@strapi/strapi';
import { conflict, invalid, notFound } from './http-error';

const A = 'plugin::star-scoring.assessment';
const E = 'plugin::star-scoring.evidence';
const FILE = 'plugin::upload.file';
/** Files can be added or removed only before the inspection team looks at the sheet. */
const OPEN = ['draft', 'self_assessed'];
/** Evidence is documents and photos; executables and HTML (stored XSS via the media URL) are refused. */
const MIME_OK = /^(image\/(png|jpeg|gif|webp)|application\/pdf|application\/(msword|vnd\.openxmlformats-officedocument\.[a-z.]+|vnd\.ms-excel|vnd\.ms-powerpoint|zip)|text\/plain|video\/mp4)$/;

export type EvidenceFile = { id: string; name: string; url: string; mime: string; internal: boolean; note?: string | null };

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const sheets = () => strapi.plugin('star-scoring').service('sheets');

  /** Loads the assessment and refuses unless files may still change; checks the criterion code against its sheet. */
  async function openAssessment(documentId: string, criterion?: string) {
    const a: any = await strapi.db.query(A).findOne({ where: { documentId } });
    if (!a) throw notFound('assessment');
    if (!OPEN.includes(a.status)) throw conflict('status', `evidence can change only while the assessment is ${OPEN.join(' or ')} (now ${a.status})`);
    if (criterion !== undefined) {
      const sheet: any = await sheets().one(a.category, a.starKey);
      if (!sheet?.criteria.some((c: any) => c.code === criterion)) throw invalid('criterion', `unknown criterion ${criterion} for star ${a.starKey}`);
    }
    return a;
  }

  function shape(row: any): EvidenceFile {
    return { id: row.documentId, name: row.file?.name ?? '', url: row.file?.url ?? '', mime: row.file?.mime ?? '', internal: !!row.internal, note: row.note ?? null };
  }

  return {
    /**
     * Attaches a file to one criterion. Either `file` is the id of a file already in the media library, or
     * `upload` is a multipart file which is stored through the upload plugin first. Every check runs before
     * anything is written, so a refusal leaves neither an evidence row nor an orphan upload.
     */
    async attach(documentId: string, input: { criterion: string; file?: number; internal?: boolean; note?: string }, upload?: any, user?: any) {
      const a = await openAssessment(documentId, input.criterion);
      let fileId = input.file;
      if (upload) {
        const mime = String(upload.mimetype ?? upload.type ?? '');
        if (!MIME_OK.test(mime)) throw invalid('file', `type ${mime || 'unknown'} is not accepted (images, PDF, Office documents, text, mp4)`);
        const [stored]: any[] = await strapi.plugin('upload').service('upload').upload({ data: {}, files: upload }, { user });
        fileId = stored.id;
      } else {
        const f = await strapi.db.query(FILE).findOne({ where: { id: fileId }, select: ['id'] });
        if (!f) throw invalid('file', `no file ${fileId} in the media library`);
      }
      const row: any = await strapi.db.query(E).create({
        data: { assessmentRef: a.id, criterionCode: input.criterion, file: fileId, internal: !!input.internal, note: input.note ?? null } as any,
        populate: { file: true },
      });
      return { criterion: row.criterionCode, ...shape(row) };
    },

    /** Detaches the file from the item. The file stays in the media library (it may be used elsewhere). */
    async remove(documentId: string, evidenceId: string) {
      const a = await openAssessment(documentId);
      const row: any = await strapi.db.query(E).findOne({ where: { documentId: evidenceId, assessmentRef: a.id } });
      if (!row) throw notFound('evidence');
      await strapi.db.query(E).delete({ where: { id: row.id } });
      return { id: evidenceId, removed: true };
    },

    /**
     * Files of several assessments in one query: Map assessmentId → (criterion code → files).
     * `publicOnly` drops files marked internal; callers pass only assessments the audience may see.
     */
    async byAssessment(assessmentIds: number[], publicOnly: boolean) {
      const out = new Map<number, Map<string, EvidenceFile[]>>();
      if (!assessmentIds.length) return out;
      const where: any = { assessmentRef: { $in: assessmentIds } };
      if (publicOnly) where.internal = false;
      const rows: any[] = await strapi.db.query(E).findMany({ where, populate: { file: { select: ['name', 'url', 'mime'] } }, orderBy: [{ id: 'asc' }] });
      for (const r of rows) {
        if (!out.has(r.assessmentRef)) out.set(r.assessmentRef, new Map());
        const byCode = out.get(r.assessmentRef)!;
        byCode.set(r.criterionCode, [...(byCode.get(r.criterionCode) ?? []), shape(r)]);
      }
      return out;
    },

    /** Criterion codes of one assessment that have at least one file (the submit check). */
    async codesWithFiles(assessmentId: number): Promise<Set<string>> {
      const rows: any[] = await strapi.db.connection('ss_evidence').where({ assessment_ref: assessmentId }).distinct('criterion_code');
      return new Set(rows.map((r) => r.criterion_code));
    },
  };
};
