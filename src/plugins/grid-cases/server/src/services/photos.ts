import type { Core } from '@strapi/strapi';
import { checkUpload, invalid, type UploadedPart } from '@grassroots/kit/server';

/** 照片: the two media fields of a case, each its own multipart field name. */
export const PHOTO_FIELDS = ['photosBefore', 'photosAfter'] as const;
export type PhotoField = (typeof PHOTO_FIELDS)[number];

/** At most 9 photos a side (a phone's usual pick), 10 MB each. */
export const PHOTO_LIMITS = { perSide: 9, maxBytes: 10 * 1024 * 1024 } as const;

export type PhotoPart = UploadedPart & { size?: number };
export interface PhotoRef {
  id: number;
  url: string;
  name: string;
}

/** The parts a multipart request sent under `field`; any other file field is refused (nothing stored). */
export function photoParts(files: unknown, field: PhotoField): PhotoPart[] {
  const all = (files ?? {}) as Record<string, PhotoPart | PhotoPart[]>;
  for (const name of Object.keys(all))
    if (name !== field) throw invalid(name, `unexpected file field: photos go in ${field} (照片须放在 ${field} 字段)`);
  const v = all[field];
  return (Array.isArray(v) ? v : v ? [v] : []).filter((p) => p && typeof p.filepath === 'string');
}

export const photoView = (files: unknown): PhotoRef[] =>
  ((files ?? []) as Array<{ id: number; url?: string; name?: string }>).map((f) => ({
    id: Number(f.id),
    url: f.url ?? '',
    name: f.name ?? '',
  }));

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const upload = () => strapi.plugin('upload').service('upload');
  /** Removes files stored for a write that was then refused (no orphan in the media library). */
  async function discard(ids: number[]) {
    for (const id of ids) {
      const file = await strapi.db.query('plugin::upload.file').findOne({ where: { id } });
      if (file) await upload().remove(file);
    }
  }
  return {
    /**
     * Refuses the lot (400 naming the field) unless every part is an image by its bytes (the kit's
     * upload rule, then images only: a PDF renamed .jpg passes the kit's list but is no photo), within
     * the size limit, and the side stays within its count with the `already` stored ones.
     */
    async check(parts: PhotoPart[], field: PhotoField, already = 0) {
      if (already + parts.length > PHOTO_LIMITS.perSide)
        throw invalid(
          field,
          `at most ${PHOTO_LIMITS.perSide} photos (${already} already) (最多 ${PHOTO_LIMITS.perSide} 张照片，已有 ${already} 张)`,
        );
      for (const part of parts) {
        if ((part.size ?? 0) > PHOTO_LIMITS.maxBytes)
          throw invalid(field, `each photo is at most 10 MB (每张照片不超过 10 MB)`);
        const mime = await checkUpload(part, field);
        if (!mime.startsWith('image/'))
          throw invalid(field, `content is ${mime}; photos are PNG, JPEG, GIF or WebP images (只能上传图片)`);
      }
    },
    /**
     * Stores checked parts in the media library one after the other, so the photos keep the order of
     * `parts` (the upload service stores a batch concurrently) — the order in which the body parser
     * finished writing them, usually but not always the order they were sent; answers their ids (to
     * link, or to discard on a refusal).
     */
    async store(parts: PhotoPart[]): Promise<number[]> {
      const ids: number[] = [];
      try {
        for (const part of parts) {
          const [stored] = (await upload().upload({ data: {}, files: part })) as Array<{ id: number }>;
          ids.push(Number(stored.id));
        }
      } catch (err) {
        await discard(ids);
        throw err;
      }
      return ids;
    },
    discard,
    /** The photos of one case, both sides, in one populated read. */
    async of(caseId: number): Promise<Record<PhotoField, PhotoRef[]>> {
      const row = (await strapi.db.query('plugin::grid-cases.case').findOne({
        where: { id: caseId },
        select: ['id'],
        // In the order they were stored (one after the other): the populate's own order is not stable on PostgreSQL.
        populate: {
          photosBefore: { select: ['id', 'url', 'name'], orderBy: { id: 'asc' } },
          photosAfter: { select: ['id', 'url', 'name'], orderBy: { id: 'asc' } },
        },
      })) as { photosBefore?: unknown; photosAfter?: unknown } | null;
      return { photosBefore: photoView(row?.photosBefore), photosAfter: photoView(row?.photosAfter) };
    },
  };
};
