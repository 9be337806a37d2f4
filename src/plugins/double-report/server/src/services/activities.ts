import { randomBytes } from 'crypto';
import QRCode from 'qrcode';
import type { Core } from '@strapi/strapi';
import { UID } from './tables';
import { notFound } from './http-error';

/** The printable QR code of an activity; the token rotates once older than the configured lifetime. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async qr(documentId: string, baseUrl: string, force = false, now = new Date()) {
    const a: any = await strapi.db.query(UID.activity as any).findOne({ where: { documentId } });
    if (!a) throw notFound('activity: not found');
    const rules = await strapi.plugin('double-report').service('rules').get();
    const stale = !a.qrToken || !a.qrRotatedAt || now.getTime() - new Date(a.qrRotatedAt).getTime() > rules.qrTokenTtlMinutes * 60000 / 2;
    let token = a.qrToken;
    let rotatedAt = a.qrRotatedAt;
    if (force || stale) {
      token = randomBytes(12).toString('base64url');
      rotatedAt = now;
      await strapi.db.query(UID.activity as any).update({ where: { id: a.id }, data: { qrToken: token, qrRotatedAt: now } });
    }
    const url = `${baseUrl}/checkin/?activity=${encodeURIComponent(documentId)}&token=${encodeURIComponent(token)}`;
    const png = await QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 2, width: 360 });
    const expiresAt = new Date(new Date(rotatedAt).getTime() + rules.qrTokenTtlMinutes * 60000).toISOString();
    return { documentId, title: a.title, kind: a.kind, startsAt: a.startsAt, endsAt: a.endsAt, place: a.place ?? null, url, png, expiresAt };
  },
});
