/**
 * A phone number as staff write it (13800001234, 0371-2345678, +86 138 0000 1234): digits with
 * spaces, brackets and dashes. One rule for every way in — the Content Manager, the routes, the
 * Excel import — so that what an import's check lets through, its write accepts.
 */
const PHONE = /^[0-9+][0-9 ()-]{4,30}$/;

export const isPhoneNumber = (value: string): boolean => PHONE.test(value.trim());
