/** A refusal carrying its HTTP status; controllers turn it into Strapi's error body. */
export class HttpError extends Error {
  constructor(public status: number, message: string, public field?: string) {
    super(message);
  }
}
export const invalid = (field: string, rule: string) => new HttpError(400, `${field}: ${rule}`, field);
export const conflict = (field: string, rule: string) => new HttpError(409, `${field}: ${rule}`, field);
export const notFound = (what: string) => new HttpError(404, `${what}: not found`);
