import type { Core } from '@strapi/strapi';

const para = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });
const heading = (text: string) => ({ type: 'heading', level: 3, children: [{ type: 'text', text }] });

/** Published minutes reach external sites as ONE publicity notice per meeting, updated on re-publication. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  body(meeting: any, correctionReason?: string) {
    const blocks: any[] = [];
    if (meeting.revision || correctionReason) blocks.push(para(`【更正 第${meeting.revision}版】${correctionReason ?? ''}`));
    blocks.push(para(`时间：${meeting.startAt}　地点：${meeting.place ?? ''}`));
    blocks.push(heading('会议纪要'));
    String(meeting.minutes ?? '')
      .split(/\n+/)
      .filter(Boolean)
      .forEach((line) => blocks.push(para(line)));
    blocks.push(heading('决议'));
    for (const d of meeting.decisions ?? []) {
      const v = d.votes ?? { for: 0, against: 0, abstain: 0 };
      blocks.push(para(`${d.key}. ${d.text}（赞成 ${v.for}，反对 ${v.against}，弃权 ${v.abstain}；${d.passed ? '通过' : '未通过'}）`));
    }
    return blocks;
  },

  async upsert(meeting: any, correctionReason?: string): Promise<string> {
    const notices = strapi.documents('api::notice.notice') as any;
    const data = {
      title: `会议纪要公示：${meeting.title}`.slice(0, 200),
      summary: `${meeting.council?.name ?? ''} ${String(meeting.startAt).slice(0, 10)} 会议纪要及决议公示`.slice(0, 500),
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
