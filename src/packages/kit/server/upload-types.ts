import nodeModule from 'module';
import path from 'path';
import type { Middleware } from 'koa';
import { invalid } from './errors';
import { officeTypeOfZip } from './office-zip';

/**
 * What a user may upload, decided from the bytes (file-type), never from the name or the declared
 * MIME: raster images, PDF, Office documents (OOXML and the legacy compound format), MP4. Text
 * formats (HTML, SVG, JS, CSV, plain text) have no signature to check and are refused.
 */
export const UPLOAD_TYPES: Record<string, string[]> = {
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/gif': ['.gif'],
  'image/webp': ['.webp'],
  'application/pdf': ['.pdf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['.docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['.pptx'],
  // file-type names the legacy Office container (.doc, .xls, .ppt) application/x-cfb.
  'application/x-cfb': ['.doc', '.xls', '.ppt'],
  'video/mp4': ['.mp4'],
};
const LEGACY_OFFICE = ['application/msword', 'application/vnd.ms-excel', 'application/vnd.ms-powerpoint'];

/** For Strapi's own upload check (config `plugin::upload.security.allowedTypes`): the same list. */
export const UPLOAD_ALLOWED_MIME = [...Object.keys(UPLOAD_TYPES), ...LEGACY_OFFICE];

const ACCEPTED = '图片、PDF、Office 文档、MP4 (images, PDF, Office documents, MP4)';

/** Files a browser may show inline from /uploads; everything else is served as a download. */
const INLINE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.gif', '.webp', '.pdf']);

interface FileTypeModule {
  fileTypeFromFile(file: string): Promise<{ ext: string; mime: string } | undefined>;
}
let fileTypeModule: Promise<FileTypeModule> | undefined;

/**
 * file-type is ESM only. Node ≥ 20.19 and 22 `require` it natively (its `module-sync` export);
 * the builtin comes from `process.getBuiltinModule` when there is one, because jest hands a test
 * process its own `module`, whose require cannot load ESM. Older Node 20 falls back to a real
 * dynamic import (written through Function so that `tsc` does not turn it into a require).
 */
function fileType(): Promise<FileTypeModule> {
  fileTypeModule ??= (async () => {
    const builtin =
      (process as { getBuiltinModule?: (id: string) => typeof nodeModule }).getBuiltinModule?.('module') ?? nodeModule;
    try {
      return builtin.createRequire(__filename)('file-type') as FileTypeModule;
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code !== 'ERR_REQUIRE_ESM' && code !== 'ERR_PACKAGE_PATH_NOT_EXPORTED') throw err;
      const load = new Function('m', 'return import(m)') as (m: string) => Promise<FileTypeModule>;
      return load('file-type');
    }
  })();
  return fileTypeModule;
}

/** A multipart part as Strapi's body parser (formidable) hands it over. */
export interface UploadedPart {
  filepath: string;
  originalFilename?: string | null;
  mimetype?: string | null;
  type?: string | null;
}

/**
 * Refuses a part whose bytes are not on the list (400 naming `field`); otherwise rewrites its
 * declared type to the detected one and its extension to one that matches, so the stored file and
 * the way /uploads serves it follow what the file is.
 */
export async function checkUpload(part: UploadedPart, field: string): Promise<string> {
  let detected = await (await fileType()).fileTypeFromFile(part.filepath);
  // A plain zip may be an Office file whose [Content_Types].xml comes after a big part (a streamed export).
  if (detected?.mime === 'application/zip') {
    const office = await officeTypeOfZip(part.filepath);
    if (office && UPLOAD_TYPES[office]) detected = { ext: UPLOAD_TYPES[office][0].slice(1), mime: office };
  }
  const extensions = detected && UPLOAD_TYPES[detected.mime];
  if (!detected || !extensions)
    throw invalid(
      field,
      `content is ${detected?.mime ?? 'not a recognised file type'}; accepted: ${ACCEPTED} (文件类型不受支持，可上传：${ACCEPTED})`,
    );
  const name = part.originalFilename || `file${extensions[0]}`;
  const ext = path.extname(name).toLowerCase();
  if (!extensions.includes(ext)) part.originalFilename = `${name.slice(0, name.length - ext.length)}${extensions[0]}`;
  const declared = part.mimetype ?? part.type;
  const keepDeclared = detected.mime === 'application/x-cfb' && declared && LEGACY_OFFICE.includes(declared);
  part.mimetype = keepDeclared ? declared : detected.mime;
  if ('type' in part) part.type = part.mimetype;
  return part.mimetype;
}

const partsOf = (files: unknown): Array<[string, UploadedPart]> =>
  Object.entries((files ?? {}) as Record<string, UploadedPart | UploadedPart[]>).flatMap(([field, v]) =>
    (Array.isArray(v) ? v : [v]).filter((p) => p && typeof p.filepath === 'string').map((p) => [field, p]),
  ) as Array<[string, UploadedPart]>;

/**
 * Global middleware after `strapi::body`: every multipart request (media library, `/api/upload`,
 * plugin routes) is checked before any controller runs, all parts or none, so a request with one
 * refused file writes nothing. Answers from /uploads carry nosniff, and are downloads unless they
 * are an image or a PDF.
 */
export function uploadGuard(): Middleware {
  return async (ctx, next) => {
    const files = (ctx.request as { files?: unknown }).files;
    for (const [field, part] of partsOf(files)) await checkUpload(part, field);
    await next();
    if (ctx.path.startsWith('/uploads/')) {
      ctx.set('X-Content-Type-Options', 'nosniff');
      if (!INLINE_EXTENSIONS.has(path.extname(ctx.path).toLowerCase())) ctx.attachment(path.basename(ctx.path));
    }
  };
}
