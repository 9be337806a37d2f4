import { invalid, type Ctx } from '@grassroots/kit/server';
import { photoParts, type PhotoField, type PhotoPart } from '../services/photos';

/**
 * A request's fields and photos. JSON as before, or multipart/form-data with the photos under their
 * field name (photosBefore, photosAfter) and the other fields either as form fields or, as Strapi's
 * own upload convention has it, a JSON string in `data`.
 */
export function bodyAndPhotos(ctx: Ctx, field: PhotoField): { body: unknown; photos: PhotoPart[] } {
  if (!ctx.is('multipart')) return { body: ctx.request.body, photos: [] };
  const form = (ctx.request.body ?? {}) as Record<string, unknown>;
  const photos = photoParts((ctx.request as { files?: unknown }).files, field);
  if (typeof form.data !== 'string') return { body: form, photos };
  try {
    return { body: JSON.parse(form.data) as unknown, photos };
  } catch {
    throw invalid('body', 'the data field of a multipart request is JSON (表单的 data 字段须为 JSON)');
  }
}
