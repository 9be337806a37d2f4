import type { Core } from '@strapi/strapi';
import { repo } from '../documents';
import type { Meeting } from '../types';

export interface Block {
  type: 'paragraph' | 'heading';
  level?: number;
  children: Array<{ type: 'text'; text: string }>;
}
const para = (text: string): Block => ({ type: 'paragraph', children: [{ type: 'text', text }] });
const heading = (text: string): Block => ({ type: 'heading', level: 3, children: [{ type: 'text', text }] });

/** Published minutes reach external sites as ONE publicity notice per meeting, updated on re-publication. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  body(meeting: Meeting, correctionReason?: string): Block[] {
    const blocks: Block[] = [];
    if (meeting.revision || correctionReason)
      blocks.push(para(`【更正 第${meeting.revision}版】${correctionReason ?? ''}`));
    blocks.push(para(`时间：${meeting.startAt}\u3000地点：${meeting.place ?? ''}`));
    blocks.push(heading('会议纪要'));
    String(meeting.minutes ?? '')
      .split(/\n+/)
      .filter(Boolean)
      .forEach((line) => blocks.push(para(line)));
    blocks.push(heading('决议'));
    for (const d of meeting.decisions ?? []) {
      const v = d.votes ?? { for: 0, against: 0, abstain: 0 };
      blocks.push(
        para(
          `${d.key}. ${d.text}（赞成 ${v.for}，反对 ${v.against}，弃权 ${v.abstain}；${d.passed ? '通过' : '未通过'}）`,
        ),
      );
    }
    return blocks;
  },

  /** Creates or updates the meeting's notice (the notice lifecycle invalidates the notice feeds). */
  async upsert(meeting: Meeting, correctionReason?: string): Promise<string> {
    const notices = repo<{ documentId: string }>(strapi, 'api::notice.notice');
    const data = {
      title: `会议纪要公示：${meeting.title}`.slice(0, 200),
      summary: `${meeting.council?.name ?? ''} ${String(meeting.startAt).slice(0, 10)} 会议纪要及决议公示`.slice(
        0,
        500,
      ),
      body: this.body(meeting, correctionReason),
      category: 'publicity',
    };
    if (meeting.noticeDocumentId) {
      const existing = await notices.findOne({ documentId: meeting.noticeDocumentId });
      if (existing) {
        await notices.update({ documentId: meeting.noticeDocumentId, data, status: 'published' });
        return meeting.noticeDocumentId;
      }
    }
    const created = await notices.create({ data, status: 'published' });
    return created.documentId;
  },
});
