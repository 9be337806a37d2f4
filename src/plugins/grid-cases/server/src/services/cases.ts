import type { Core, UID as StrapiUID } from '@strapi/strapi';
import {
  conflict,
  currentAdmin,
  forbidden,
  inTransaction,
  invalid,
  lockRow,
  isSuperAdmin,
  mismatch,
  moveIf,
  notFound,
  organisationOf,
  readDate,
  requireInReach,
  requireInScope,
} from '@grassroots/kit/server';
import {
  CASE_ACTIONS,
  OPEN_STATUSES,
  ON_THE_CLOCK,
  OWNER_ACCOUNT_KINDS,
  actionAllowed,
  addWorkingDays,
  afterRating,
  escalationTarget,
  holidayTable,
  CASE_FLOW,
  type CaseAction,
  type CaseLevel,
  type DayKind,
  type Satisfaction,
  type SideAction,
} from '../../../shared';
import { enumLabel, nextStates } from '@grassroots/kit/shared';
import { touchCases } from '../cache';
import { getService } from '../get-service';
import { GRID, UID, UNIT } from '../uids';
import type { DispatchInput, ReportInput } from '../validation';
import type { Actor, CaseRow } from '../types';
import { caseRow, caseView } from './rows';
import type { PhotoPart } from './photos';

const statusZh = (status: string) => enumLabel(UID.case, 'status', status);

const USER = 'plugin::users-permissions.user';
const docs = (strapi: Core.Strapi, uid: string) => strapi.documents(uid as StrapiUID.ContentType);

/** The grid account (网格通账号) behind a signed-in grid-worker, or 403. */
export async function gridAccountOf(strapi: Core.Strapi, userId: number) {
  const account = (await strapi.db.query(UID.account).findOne({
    where: { account: { id: userId } },
    populate: { grid: { select: ['id', 'documentId', 'name'] } },
  })) as { id: number; name: string; grid: { id: number; documentId: string; name: string } | null } | null;
  if (!account?.grid) throw forbidden('account: not linked to a grid (未绑定网格通账号)', 'account');
  return account as typeof account & { grid: { id: number; documentId: string; name: string } };
}

/** An owner that signs in: a double-report unit (party-unit) or an owner account (case-owner, 承办方账号). */
export interface Owner {
  kind: 'unit' | 'account';
  id: number;
  name: string;
}

/** The owner whose account is signed in, or 403. */
export async function ownerOf(strapi: Core.Strapi, userId: number): Promise<Owner> {
  const where = { account: { id: userId } };
  const select = ['id', 'name'];
  const unit = (await strapi.db.query(UNIT as StrapiUID.Schema).findOne({ where, select })) as Omit<
    Owner,
    'kind'
  > | null;
  if (unit) return { kind: 'unit', id: unit.id, name: unit.name };
  const account = (await strapi.db.query(UID.ownerAccount).findOne({ where, select })) as Omit<Owner, 'kind'> | null;
  if (account) return { kind: 'account', id: account.id, name: account.name };
  throw forbidden(
    'account: not linked to a reporting unit or an owner account (未绑定报到单位或承办方账号)',
    'account',
  );
}

/** The cases of an owner, as a Query Engine `where`. */
export const ownerWhere = (owner: Owner) =>
  owner.kind === 'unit' ? { ownerUnit: { id: owner.id } } : { ownerAccount: { id: owner.id } };
const owns = (owner: Owner, row: CaseRow) =>
  (owner.kind === 'unit' ? row.ownerUnit?.id : row.ownerAccount?.id) === owner.id;

/** A new deadline is watched afresh by the automatic 督办 (services/reminders.ts). */
const FRESH_DEADLINE = { warnedAt: null, urgedAt: null };
/** The reason on an owner's step that staff recorded for it. */
const ON_BEHALF = '代为登记（承办方无系统账号）';

const LEVEL_OF_ORG: Record<string, CaseLevel> = {
  community_branch: 'community',
  street_committee: 'street',
  county_committee: 'county',
};
const RANK: Record<CaseLevel, number> = { community: 0, street: 1, county: 2 };

export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** Records one step of a case's history in the caller's transaction (append-only). */
  async function record(
    c: { documentId: string },
    from: string | null,
    to: string,
    action: CaseAction | SideAction | 'report',
    actor: Actor,
    reason?: string | null,
    at = new Date(),
  ) {
    await docs(strapi, UID.event).create({
      data: {
        case: c.documentId,
        fromStatus: from,
        toStatus: to,
        action,
        actorKind: actor.kind,
        actorId: actor.id,
        reason: reason ?? null,
        at: at.toISOString(),
      } as never,
    });
  }

  /** 409 naming `status` and the moves allowed from where the case is. */
  function requireAction(row: CaseRow, action: CaseAction) {
    if (actionAllowed(action, row.status)) return;
    const allowed = (Object.keys(CASE_ACTIONS) as CaseAction[]).filter(
      (a) => actionAllowed(a, row.status) && CASE_ACTIONS[a].by !== 'system',
    );
    throw conflict(
      'status',
      `a ${row.status} case cannot ${action} (→ ${CASE_ACTIONS[action].to}); allowed: ${allowed.join(', ') || 'none'} (“${statusZh(row.status)}”的事项不能变为“${statusZh(CASE_ACTIONS[action].to)}”)`,
    );
  }

  /**
   * One move inside the caller's transaction: the conditional write (`status` still the one checked,
   * else 409: another request moved it first) and its event row.
   */
  async function step(
    row: CaseRow,
    action: CaseAction,
    data: Record<string, unknown>,
    actor: Actor,
    reason?: string | null,
    now = new Date(),
  ) {
    requireAction(row, action);
    const to = CASE_ACTIONS[action].to;
    await moveIf(strapi, UID.case, { id: row.id, status: row.status }, { status: to, ...data });
    await record(row, row.status, to, action, actor, reason, now);
    return to;
  }

  async function reread(documentId: string) {
    const row = await caseRow(strapi, { documentId });
    if (!row) throw notFound('case', '事项');
    return caseView(row);
  }

  /** A single move with its event and cache touch, in one transaction; answers the case as it now is. */
  async function move(
    row: CaseRow,
    action: CaseAction,
    data: Record<string, unknown>,
    actor: Actor,
    reason?: string | null,
    relations?: Record<string, unknown>,
  ) {
    requireAction(row, action);
    await inTransaction(strapi, async () => {
      await step(row, action, data, actor, reason);
      if (relations) await strapi.db.query(UID.case).update({ where: { id: row.id }, data: relations });
      await touchCases(strapi);
    });
    return reread(row.documentId);
  }

  /** Staff may act on a case of their organisation (and below), at their level or below it. */
  async function staffCase(documentId: string): Promise<CaseRow> {
    await requireInScope(strapi, UID.case, documentId, 'case');
    const row = await caseRow(strapi, { documentId });
    if (!row) throw notFound('case', '事项');
    const admin = currentAdmin(strapi);
    if (admin && !isSuperAdmin(admin)) {
      const org = await organisationOf(strapi, admin);
      const mine = org ? LEVEL_OF_ORG[org.level] : undefined;
      if (!mine || RANK[mine] < RANK[row.level])
        throw forbidden(`level: a ${row.level} case is handled by the ${row.level} (由上级处置)`, 'level');
    }
    return row;
  }

  // —— the owner's steps, whoever records them ——
  function signAs(row: CaseRow, actor: Actor, reason?: string) {
    return move(row, 'sign', { signedAt: new Date() }, actor, reason);
  }
  function startAs(row: CaseRow, actor: Actor, reason?: string) {
    return move(row, 'start', {}, actor, reason);
  }
  async function handleAs(row: CaseRow, actor: Actor, result: string, photos: PhotoPart[], reason?: string) {
    requireAction(row, 'handle');
    const before = await getService(strapi, 'photos').of(row.id);
    await getService(strapi, 'photos').check(photos, 'photosAfter', before.photosAfter.length);
    const stored = await getService(strapi, 'photos').store(photos);
    const now = new Date();
    const dueAt = readDate(row.dueAt);
    return withPhotos(stored, () =>
      move(
        row,
        'handle',
        { handledAt: now, result, handledOnTime: !!dueAt && now.getTime() <= dueAt.getTime() },
        actor,
        reason ?? null,
        stored.length ? { photosAfter: [...before.photosAfter.map((p) => p.id), ...stored] } : undefined,
      ),
    );
  }

  /**
   * A department, the property company or the community itself, named at 派单 without an account,
   * answers by phone or on paper and the staff record its 签收/处置/办结. A reporting unit and an owner
   * account (承办方账号) record their own steps, so nobody writes them in their name. The owner cannot
   * change while the case runs (dispatch only leaves `accepted`), so this read decides it.
   */
  function onBehalf(row: CaseRow): CaseRow {
    if (row.ownerKind === 'unit')
      throw conflict(
        'ownerKind',
        'the owner is a reporting unit: it signs and handles with its own account (报到单位须以本单位账号签收、办结)',
      );
    if (row.ownerAccount)
      throw conflict(
        'ownerAccount',
        `the owner ${row.ownerAccount.name} has its own account: it signs and handles itself (承办方“${row.ownerAccount.name}”有系统账号，须以本单位账号签收、办结)`,
      );
    return row;
  }

  /** A case of the signed-in owner; another owner's case is a 404 (its existence is not theirs to know). */
  async function ownerCase(userId: number, documentId: string): Promise<CaseRow> {
    const owner = await ownerOf(strapi, userId);
    const row = await caseRow(strapi, { documentId });
    if (!row || !owns(owner, row)) throw notFound("case (among your unit's cases)", '本单位的事项');
    return row;
  }

  /**
   * 上报上级: the originals a case was escalated from are archived with its result (conclude, by the
   * system). The rating stays on the case that was rated, so 满意率 counts it once.
   */
  async function concludeOriginals(child: CaseRow, now: Date) {
    let ref = child.parent;
    while (ref) {
      const original = await caseRow(strapi, { id: ref.id });
      if (!original || original.status !== 'escalated') return;
      await step(
        original,
        'conclude',
        { archivedAt: now, result: child.result },
        { kind: 'system', id: 'conclude' },
        `随上级事项 ${child.documentId} 办结归档`,
        now,
      );
      ref = original.parent;
    }
  }

  /** Runs a write that links freshly stored photos; a refusal removes them again. */
  async function withPhotos<T>(stored: number[], write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (err) {
      await getService(strapi, 'photos').discard(stored);
      throw err;
    }
  }

  /** 派单's owner account: one serving the dispatcher's organisation (kit `requireInReach`), of the kind named. */
  async function ownerAccountFor(documentId: string, kind: string) {
    await requireInReach(strapi, UID.ownerAccount, documentId, 'ownerAccount');
    const account = (await strapi.db
      .query(UID.ownerAccount)
      .findOne({ where: { documentId }, select: ['id', 'name', 'kind'] })) as {
      id: number;
      name: string;
      kind: string;
    };
    if (account.kind !== kind)
      throw invalid(
        'ownerAccount',
        `${account.name} is a ${account.kind}, not a ${kind} (承办方账号类型与承办方类型不符)`,
      );
    return account;
  }

  const due = (from: Date, days: number) => getService(strapi, 'calendar').due(from, days);

  return {
    /**
     * 上报 by a grid account, in its own grid. A repeated Idempotency-Key answers the first case
     * (`replayed`); the same key with another title or grid is a 422.
     */
    async report(userId: number, key: string, input: ReportInput, photos: PhotoPart[] = []) {
      const account = await gridAccountOf(strapi, userId);
      const clientKey = `${userId}:${key}`;
      const existing = await caseRow(strapi, { clientKey });
      if (existing) {
        if (existing.title !== input.title || existing.grid?.documentId !== input.grid)
          throw mismatch('Idempotency-Key', 'already used with a different request body (该请求标识已用于另一份内容)');
        return { replayed: true, data: caseView(existing) };
      }
      const grid = (await strapi.db
        .query(GRID as StrapiUID.Schema)
        .findOne({ where: { documentId: input.grid }, select: ['id', 'documentId'] })) as { id: number } | null;
      if (!grid) throw invalid('grid', 'no such grid (网格不存在)');
      if (grid.id !== account.grid.id)
        throw forbidden(
          `grid: outside your grid ${account.grid.name} (只能上报本网格“${account.grid.name}”的事项)`,
          'grid',
        );
      const category = (await strapi.db
        .query(UID.category)
        .findOne({ where: { documentId: input.category, active: true }, select: ['id'] })) as { id: number } | null;
      if (!category) throw invalid('category', 'no such active case category (事项类别不存在或已停用)');
      if (input.compound) {
        const compound = await strapi.db
          .query('api::compound.compound' as StrapiUID.Schema)
          .findOne({ where: { documentId: input.compound, grid: { id: grid.id } }, select: ['id'] });
        if (!compound) throw invalid('compound', 'no such compound in this grid (本网格没有这个小区)');
      }
      if ((input.lat === undefined) !== (input.lng === undefined))
        throw invalid(input.lat === undefined ? 'lat' : 'lng', 'lat and lng are given together (经纬度须同时填写)');
      const user = (await strapi.db.query(USER).findOne({ where: { id: userId }, select: ['documentId'] })) as {
        documentId: string;
      };
      await getService(strapi, 'photos').check(photos, 'photosBefore');
      const stored = await getService(strapi, 'photos').store(photos);
      const now = new Date();
      const documentId = await withPhotos(stored, () =>
        inTransaction(strapi, async () => {
          const created = await docs(strapi, UID.case).create({
            data: {
              title: input.title,
              description: input.description,
              source: input.source,
              category: input.category,
              grid: input.grid,
              compound: input.compound ?? null,
              building: input.building ?? null,
              lat: input.lat ?? null,
              lng: input.lng ?? null,
              reporter: user.documentId,
              reporterContact: input.reporterContact ?? null,
              clientKey,
              level: 'community',
              status: 'reported',
              reportedAt: now.toISOString(),
              reopened: false,
              extensionStatus: 'not_requested',
              photosBefore: stored,
            } as never,
          });
          await record(created, null, 'reported', 'report', { kind: 'account', id: `user:${userId}` }, null, now);
          return created.documentId;
        }),
      );
      return { replayed: false, data: await reread(documentId) };
    },

    // —— owners (party-unit accounts of double-report units) ——
    async sign(userId: number, documentId: string) {
      return signAs(await ownerCase(userId, documentId), { kind: 'account', id: `user:${userId}` });
    },
    async start(userId: number, documentId: string) {
      return startAs(await ownerCase(userId, documentId), { kind: 'account', id: `user:${userId}` });
    },
    /** 办结 with the result and the after-photos (stored first, removed again if the move is refused). */
    async handle(userId: number, documentId: string, result: string, photos: PhotoPart[] = []) {
      return handleAs(await ownerCase(userId, documentId), { kind: 'account', id: `user:${userId}` }, result, photos);
    },

    // —— 代为登记: staff record the steps of an owner that has no account in the suite ——
    async staffSign(documentId: string, actor: Actor) {
      return signAs(onBehalf(await staffCase(documentId)), actor, ON_BEHALF);
    },
    async staffStart(documentId: string, actor: Actor) {
      return startAs(onBehalf(await staffCase(documentId)), actor, ON_BEHALF);
    },
    async staffHandle(documentId: string, actor: Actor, result: string, photos: PhotoPart[] = []) {
      return handleAs(onBehalf(await staffCase(documentId)), actor, result, photos, ON_BEHALF);
    },
    /** Before-photos added later by the reporting grid account, on its own case while it is open. */
    async addPhotos(userId: number, documentId: string, photos: PhotoPart[]) {
      const row = await caseRow(strapi, { documentId });
      if (!row || row.reporter?.id !== userId) throw notFound('case (among the cases you reported)', '您上报的事项');
      if (!photos.length) throw invalid('photosBefore', 'at least one photo (请至少选择一张照片)');
      const openNow = (status: string) => {
        if (!OPEN_STATUSES.includes(status as CaseRow['status']))
          throw conflict(
            'status',
            `a ${status} case is closed: photos are added while it is open (“${statusZh(status)}”的事项不能再补充照片)`,
          );
      };
      openNow(row.status);
      const before = await getService(strapi, 'photos').of(row.id);
      await getService(strapi, 'photos').check(photos, 'photosBefore', before.photosBefore.length);
      const stored = await getService(strapi, 'photos').store(photos);
      await withPhotos(stored, () =>
        inTransaction(strapi, async () => {
          // Locked and read again: a case closed meanwhile gets no photos, and two uploads at once both count.
          await lockRow(strapi, UID.case, { id: row.id });
          const now = (await strapi.db.query(UID.case).findOne({ where: { id: row.id }, select: ['status'] })) as {
            status: string;
          };
          openNow(now.status);
          const current = await getService(strapi, 'photos').of(row.id);
          await getService(strapi, 'photos').check([], 'photosBefore', current.photosBefore.length + stored.length);
          await strapi.db.query(UID.case).update({
            where: { id: row.id },
            data: { photosBefore: [...current.photosBefore.map((p) => p.id), ...stored] },
          });
          await record(
            row,
            now.status,
            now.status,
            'photos_added',
            { kind: 'account', id: `user:${userId}` },
            `${stored.length} 张处置前照片`,
          );
          await touchCases(strapi);
        }),
      );
      return reread(documentId);
    },
    /** 申请延期: while the owner is on the clock and before the deadline, once at a time. */
    async requestExtension(userId: number, documentId: string, days: number, reason: string) {
      const row = await ownerCase(userId, documentId);
      if (!ON_THE_CLOCK.includes(row.status))
        throw conflict(
          'status',
          `a ${row.status} case runs no deadline (extensions: dispatched, signed, handling) (“${statusZh(row.status)}”的事项没有办理时限，不能申请延期)`,
        );
      const dueAt = readDate(row.dueAt);
      if (!dueAt || Date.now() > dueAt.getTime())
        throw conflict('dueAt', 'the deadline has passed: an extension is asked before it (须在期限前申请)');
      if (row.extensionStatus === 'requested')
        throw conflict('extensionStatus', 'an extension is already requested (已申请延期，等待审批)');
      await inTransaction(strapi, async () => {
        await moveIf(
          strapi,
          UID.case,
          { id: row.id, status: row.status, extensionStatus: row.extensionStatus },
          { extensionStatus: 'requested', extensionDays: days, extensionReason: reason },
        );
        await record(
          row,
          row.status,
          row.status,
          'extension_requested',
          { kind: 'account', id: `user:${userId}` },
          reason,
        );
        await touchCases(strapi);
      });
      return reread(documentId);
    },

    /** 回访 by the reporter: the first dissatisfied rating sends the case back to its owner. */
    async rate(userId: number, documentId: string, satisfaction: Satisfaction) {
      const row = await caseRow(strapi, { documentId });
      if (!row || row.reporter?.id !== userId) throw notFound('case (among the cases you reported)', '您上报的事项');
      if (row.ownerUnit?.account?.id === userId || row.ownerAccount?.account?.id === userId)
        throw forbidden(
          'account: the owner of a case does not rate its own work (承办方不能评价自己办理的事项)',
          'account',
        );
      requireAction(row, 'rate');
      const actor: Actor = { kind: 'account', id: `user:${userId}` };
      const now = new Date();
      const reopen = afterRating(satisfaction, Boolean(row.reopened)) === 'reopen';
      const newDue = reopen ? await due(now, row.category?.timeLimitDays ?? 0) : null;
      await inTransaction(strapi, async () => {
        await step(row, 'rate', { satisfaction, ratedAt: now }, actor, null, now);
        if (reopen) {
          await step(
            { ...row, status: 'rated' },
            'reopen',
            {
              ...FRESH_DEADLINE,
              reopened: true,
              dispatchedAt: now,
              dueAt: newDue,
              signedAt: null,
              handledAt: null,
              verifiedAt: null,
              handledOnTime: null,
              extensionStatus: 'not_requested',
              extensionDays: null,
              extensionReason: null,
            },
            { kind: 'system', id: 'reopen' },
            '回访不满意，重新办理（仅一次）',
            now,
          );
        }
        await touchCases(strapi);
      });
      return reread(documentId);
    },

    // —— staff (admin routes; scope and level checked first) ——
    async accept(documentId: string, actor: Actor, reason?: string) {
      return move(await staffCase(documentId), 'accept', { acceptedAt: new Date() }, actor, reason);
    },
    async returnCase(documentId: string, actor: Actor, reason: string) {
      return move(await staffCase(documentId), 'return', { returnReason: reason }, actor, reason);
    },
    /** 派单: owner, and the deadline from the category's limit on the working-day calendar. */
    async dispatch(documentId: string, actor: Actor, input: DispatchInput) {
      const row = await staffCase(documentId);
      requireAction(row, 'dispatch');
      if (!row.category)
        throw invalid('category', 'the case has no category: set one before dispatching (派单前须先设定事项类别)');
      // No owner named: the category's usual owner (事项目录: 通常的承办方).
      const category = (await strapi.db.query(UID.category).findOne({
        where: { id: row.category.id },
        select: ['defaultOwnerKind', 'defaultOwnerName'],
      })) as { defaultOwnerKind: DispatchInput['ownerKind'] | null; defaultOwnerName: string | null };
      const ownerKind = input.ownerKind ?? category.defaultOwnerKind;
      const ownerName = input.ownerName ?? (input.ownerKind ? undefined : category.defaultOwnerName);
      if (!ownerKind)
        throw invalid('ownerKind', 'required: the category names no default owner (该类别没有默认承办方，须指定)');
      if (ownerKind === 'unit' && !input.ownerUnit)
        throw invalid('ownerUnit', 'required when ownerKind is unit (承办方为报到单位时必填)');
      if (input.ownerAccount && !(OWNER_ACCOUNT_KINDS as readonly string[]).includes(ownerKind))
        throw invalid(
          'ownerAccount',
          `only with ownerKind department or property (承办方账号仅用于县直部门、物业公司)`,
        );
      if (ownerKind !== 'unit' && !ownerName && !input.ownerAccount)
        throw invalid('ownerName', `required when ownerKind is ${ownerKind} (须填写承办方名称)`);
      type UnitRef = { id: number; name: string };
      let unit: UnitRef | null = null;
      if (ownerKind === 'unit') {
        unit = (await strapi.db
          .query(UNIT as StrapiUID.Schema)
          .findOne({ where: { documentId: input.ownerUnit }, select: ['id', 'name'] })) as UnitRef | null;
        if (!unit) throw invalid('ownerUnit', 'no such reporting unit (报到单位不存在)');
      }
      const account = input.ownerAccount ? await ownerAccountFor(input.ownerAccount, ownerKind) : null;
      const now = new Date();
      const dueAt = await due(now, row.category.timeLimitDays);
      return move(
        row,
        'dispatch',
        {
          ownerKind,
          ownerName: unit?.name ?? account?.name ?? ownerName,
          dispatchedAt: now,
          dueAt,
          ...FRESH_DEADLINE,
        },
        actor,
        null,
        { ownerUnit: unit?.id ?? null, ownerAccount: account?.id ?? null },
      );
    },
    /** 延期审批 by the dispatcher: approved adds the working days to the deadline. */
    async decideExtension(documentId: string, actor: Actor, approve: boolean, reason?: string) {
      const row = await staffCase(documentId);
      if (row.extensionStatus !== 'requested' || !ON_THE_CLOCK.includes(row.status))
        throw conflict(
          'extensionStatus',
          `no extension is waiting (extension ${row.extensionStatus}, case ${row.status}) (没有待审批的延期申请)`,
        );
      const dueAt = readDate(row.dueAt)!;
      let newDue: Date | null = null;
      if (approve) {
        const rows = (await strapi.db.query(UID.holiday).findMany({ select: ['date', 'kind'] })) as Array<{
          date: string;
          kind: DayKind;
        }>;
        newDue = addWorkingDays(dueAt, row.extensionDays ?? 1, holidayTable(rows));
      }
      await inTransaction(strapi, async () => {
        await moveIf(
          strapi,
          UID.case,
          { id: row.id, status: row.status, extensionStatus: 'requested' },
          { extensionStatus: approve ? 'granted' : 'refused', ...(newDue ? { dueAt: newDue, ...FRESH_DEADLINE } : {}) },
          conflict('extensionStatus', 'decided meanwhile by another request (已被其他人处理)'),
        );
        await record(row, row.status, row.status, approve ? 'extension_approved' : 'extension_refused', actor, reason);
        await touchCases(strapi);
      });
      return reread(documentId);
    },
    async verify(documentId: string, actor: Actor, reason?: string) {
      return move(await staffCase(documentId), 'verify', { verifiedAt: new Date() }, actor, reason);
    },
    async sendBack(documentId: string, actor: Actor, reason: string) {
      return move(await staffCase(documentId), 'sendBack', { handledAt: null, handledOnTime: null }, actor, reason);
    },
    /** 归档; an escalated original (and its own original) follows in the same transaction. */
    async archive(documentId: string, actor: Actor, reason?: string) {
      const row = await staffCase(documentId);
      requireAction(row, 'archive');
      const now = new Date();
      await inTransaction(strapi, async () => {
        await step(row, 'archive', { archivedAt: now }, actor, reason, now);
        await concludeOriginals(row, now);
        await touchCases(strapi);
      });
      return reread(documentId);
    },
    /** 上报街道/吹哨: the case waits as `escalated`; a linked case of the next level is created, accepted. */
    async escalate(documentId: string, actor: Actor, reason: string) {
      const row = await staffCase(documentId);
      requireAction(row, 'escalate');
      const target = escalationTarget(row.level);
      if (!target) throw conflict('level', 'a county case cannot be escalated further (县级事项不能再上报)');
      const now = new Date();
      const childId = await inTransaction(strapi, async () => {
        await step(row, 'escalate', {}, actor, reason, now);
        const child = await docs(strapi, UID.case).create({
          data: {
            title: row.title,
            description: row.description,
            source: row.source,
            category: row.category?.documentId ?? null,
            grid: row.grid?.documentId ?? null,
            compound: row.compound?.documentId ?? null,
            building: row.building,
            lat: row.lat,
            lng: row.lng,
            reporter: row.reporter?.documentId ?? null,
            level: target,
            status: 'accepted',
            reportedAt: now.toISOString(),
            acceptedAt: now.toISOString(),
            reopened: false,
            extensionStatus: 'not_requested',
            parent: row.documentId,
          } as never,
        });
        await record(
          child,
          null,
          'accepted',
          'report',
          actor,
          `上报自 ${row.level} 事项 ${row.documentId}: ${reason}`,
          now,
        );
        await touchCases(strapi);
        return child.documentId;
      });
      return reread(childId);
    },
    /** 合并: a duplicate folds into an open original (linked both ways); the public sees the original. */
    async merge(documentId: string, actor: Actor, into: string) {
      const row = await staffCase(documentId);
      if (into === documentId) throw invalid('into', 'a case cannot be merged into itself (不能合并到自身)');
      const target = await caseRow(strapi, { documentId: into });
      if (!target) throw invalid('into', 'no such case (事项不存在)');
      await requireInScope(strapi, UID.case, into, 'into');
      if (!OPEN_STATUSES.includes(target.status))
        throw conflict(
          'into',
          `the original is ${target.status}: merge into an open case (原事项“${statusZh(target.status)}”，只能合并到办理中的事项)`,
        );
      return move(row, 'merge', {}, actor, `合并至 ${into}`, { mergedInto: target.id });
    },
    /** A case staff may act on (scope and level checked), for the links into the suite. */
    staffCaseRow: staffCase,
    /** Records a side event (no status change) in the caller's transaction: reminders and links use it. */
    record,
    /** What the flow allows next from a status (the admin pages offer these). */
    next: (status: string) => nextStates(CASE_FLOW, status),
  };
};
