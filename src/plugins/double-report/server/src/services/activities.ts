import { randomBytes } from 'crypto';
import QRCode from 'qrcode';
import type { Core } from '@strapi/strapi';
import { documentData, notFound } from '@grassroots/kit/server';
import type { NewActivity } from '../validation';
import { UID } from '../uids';
import { getService } from '../get-service';

interface ActivityRow {
  id: number;
  title: string;
  kind: string;
  startsAt: string;
  endsAt: string;
  place: string | null;
  qrToken: string | null;
  qrRotatedAt: string | Date | null;
}

const newToken = () => randomBytes(12).toString('base64url');

/** Activities staff create, and the printable QR code of an activity (its token rotates once older than half the configured lifetime). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** A new activity of `community`, its QR token ready to print. Through the Document Service, so scope and caches follow. */
  async create(community: string, input: NewActivity, now = new Date()) {
    const a = (await strapi.documents(UID.activity).create({
      data: documentData(UID.activity, { ...input, community, qrToken: newToken(), qrRotatedAt: now }),
    })) as unknown as ActivityRow & { documentId: string; capacity: number | null };
    return {
      documentId: a.documentId,
      title: a.title,
      kind: a.kind,
      startsAt: a.startsAt,
      endsAt: a.endsAt,
      place: a.place ?? null,
      capacity: a.capacity ?? null,
    };
  },

  async qr(documentId: string, baseUrl: string, force = false, now = new Date()) {
    const a: ActivityRow | null = await strapi.db.query(UID.activity).findOne({ where: { documentId } });
    if (!a) throw notFound('activity', '服务活动');
    const rules = await getService(strapi, 'rules').get();
    const stale =
      !a.qrToken ||
      !a.qrRotatedAt ||
      now.getTime() - new Date(a.qrRotatedAt).getTime() > (rules.qrTokenTtlMinutes * 60000) / 2;
    let token = a.qrToken ?? '';
    let rotatedAt: string | Date = a.qrRotatedAt ?? now;
    if (force || stale) {
      // Conditional on the token read: of two staff screens rotating at once, one token wins and both
      // show it (an unconditional write would leave the first printed code dead).
      // The token is private and not on the public activity list: no cache scope to touch.
      const fresh = newToken();
      const { count } = await strapi.db
        .query(UID.activity)
        .updateMany({ where: { id: a.id, qrToken: a.qrToken }, data: { qrToken: fresh, qrRotatedAt: now } });
      const won: ActivityRow | null = count
        ? null
        : await strapi.db.query(UID.activity).findOne({ where: { id: a.id }, select: ['qrToken', 'qrRotatedAt'] });
      token = won?.qrToken ?? fresh;
      rotatedAt = won ? (won.qrRotatedAt ?? now) : now;
    }
    const url = `${baseUrl}/checkin/?activity=${encodeURIComponent(documentId)}&token=${encodeURIComponent(token)}`;
    const png = await QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 2, width: 360 });
    const expiresAt = new Date(new Date(rotatedAt).getTime() + rules.qrTokenTtlMinutes * 60000).toISOString();
    return {
      documentId,
      title: a.title,
      kind: a.kind,
      startsAt: a.startsAt,
      endsAt: a.endsAt,
      place: a.place ?? null,
      url,
      png,
      expiresAt,
    };
  },
});
