import type { Core, UID as StrapiUID } from '@strapi/strapi';
import { conflict, documentData, httpCache, inTransaction } from '@grassroots/kit/server';
import { touchCases } from '../cache';
import { getService } from '../get-service';
import { BRANCH, UID } from '../uids';
import type { Actor, CaseRow } from '../types';

/** The suite's types this plugin links to (by uid and documentId: no import of their code). */
const TOPIC = 'plugin::deliberation.topic';
const COUNCIL = 'plugin::deliberation.council';
const NEED = 'plugin::double-report.list-item';

export interface CaseLinks {
  topic?: { documentId: string; title: string };
  need?: { documentId: string; title: string };
}

/** Who raised the matter, in deliberation's words (raisedBy of a topic). */
const RAISED_BY: Record<string, 'resident' | 'grid_head' | 'representative'> = {
  grid_patrol: 'grid_head',
  five_heads: 'grid_head',
  representatives: 'representative',
};

type ScopedCase = CaseRow & { scopeCommunity?: string | null };

/**
 * A case becomes a deliberation topic (residents must decide) or a double-report need (a unit should
 * take it), through those plugins' own services. One transaction: the other plugin's row, the case's
 * link (a conditional write: `topicRef`/`needRef` still empty, else 409) and the case's event.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const title = async (uid: string, documentId: string | null | undefined) => {
    if (!documentId) return undefined;
    const row = (await strapi.db
      .query(uid as StrapiUID.Schema)
      .findOne({ where: { documentId }, select: ['documentId', 'title'] })) as {
      documentId: string;
      title: string;
    } | null;
    return row ? { documentId: row.documentId, title: row.title } : undefined;
  };

  async function link(
    row: CaseRow,
    column: 'topicRef' | 'needRef',
    ref: string,
    action: 'to_topic' | 'to_need',
    actor: Actor,
  ) {
    const { count } = await strapi.db.query(UID.case).updateMany({
      where: { id: row.id, [column]: { $null: true } },
      data: { [column]: ref },
    });
    if (!count) throw alreadyLinked(column);
    await getService(strapi, 'cases').record(row, row.status, row.status, action, actor, ref);
    await touchCases(strapi);
  }

  const alreadyLinked = (column: 'topicRef' | 'needRef') =>
    column === 'topicRef'
      ? conflict('topicRef', 'the case is already a deliberation topic (该事项已转为议事议题)')
      : conflict('needRef', 'the case is already in the needs list (该事项已转入需求清单)');

  /** The community (branch) a case belongs to, from its organisation scope. */
  async function communityOf(row: CaseRow): Promise<{ id: number; documentId: string }> {
    const scoped = (await strapi.db
      .query(UID.case)
      .findOne({ where: { id: row.id }, select: ['scopeCommunity'] })) as ScopedCase | null;
    const branch = scoped?.scopeCommunity
      ? ((await strapi.db
          .query(BRANCH as StrapiUID.Schema)
          .findOne({ where: { documentId: scoped.scopeCommunity }, select: ['id', 'documentId'] })) as {
          id: number;
          documentId: string;
        } | null)
      : null;
    if (!branch) throw conflict('community', 'the case belongs to no community (事项未归属社区)');
    return branch;
  }

  return {
    /** links of the staff detail answer: the topic's and the need's current titles. */
    async of(row: { topicRef?: string | null; needRef?: string | null }): Promise<CaseLinks> {
      const [topic, need] = await Promise.all([title(TOPIC, row.topicRef), title(NEED, row.needRef)]);
      return { ...(topic ? { topic } : {}), ...(need ? { need } : {}) };
    },

    /** 转为议事议题: a topic of the council of the case's grid (else of its community). */
    async toTopic(documentId: string, actor: Actor) {
      const row = await getService(strapi, 'cases').staffCaseRow(documentId);
      if ((row as { topicRef?: string | null }).topicRef) throw alreadyLinked('topicRef');
      const community = await communityOf(row);
      const council = ((await strapi.db.query(COUNCIL as StrapiUID.Schema).findOne({
        where: row.grid ? { grids: { id: row.grid.id } } : { id: { $null: true } },
        select: ['documentId'],
      })) ??
        (await strapi.db
          .query(COUNCIL as StrapiUID.Schema)
          .findOne({ where: { branch: { id: community.id } }, select: ['documentId'] }))) as {
        documentId: string;
      } | null;
      if (!council)
        throw conflict('council', "the case's community has no council to deliberate it (该社区尚未设立议事组织)");
      const workflow = strapi.plugin('deliberation').service('workflow') as {
        createTopic(data: Record<string, unknown>, actor: string): Promise<{ documentId: string }>;
      };
      await inTransaction(strapi, async () => {
        const topic = await workflow.createTopic(
          {
            title: row.title,
            raisedBy: RAISED_BY[row.source] ?? 'resident',
            raisedByName: row.grid?.name ?? undefined,
            sourceText: `${row.description}\n（来自网格事项 ${row.documentId}）`,
            grid: row.grid?.documentId,
            council: council.documentId,
          },
          actor.id,
        );
        await link(row, 'topicRef', topic.documentId, 'to_topic', actor);
        await httpCache(strapi).touch([TOPIC]);
      });
      return getService(strapi, 'queries').staffCase(documentId);
    },

    /** 转入需求清单: a need of the case's community in double-report's three lists. */
    async toNeed(documentId: string, actor: Actor) {
      const row = await getService(strapi, 'cases').staffCaseRow(documentId);
      if ((row as { needRef?: string | null }).needRef) throw alreadyLinked('needRef');
      const community = await communityOf(row);
      await inTransaction(strapi, async () => {
        // The Document Service runs double-report's own middlewares (organisation scope, ledger guard).
        const need = await strapi.documents(NEED as StrapiUID.ContentType).create({
          data: documentData(NEED as StrapiUID.ContentType, {
            type: 'need',
            title: row.title,
            description: `${row.description}\n（来自网格事项 ${row.documentId}）`,
            community: community.documentId,
            status: 'open',
          }),
        });
        await link(row, 'needRef', need.documentId, 'to_need', actor);
      });
      return getService(strapi, 'queries').staffCase(documentId);
    },
  };
};
