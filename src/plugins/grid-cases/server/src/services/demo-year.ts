/**
 * The demo year of cases, as a pure function: every case is walked through the flow table with the
 * times a real flow would have, and each move leaves the event the services would have written
 * (from/to status, action, actor kind, reason, time in order). Deadlines come from the shared
 * working-day calendar. No database here: the demo service inserts what this returns.
 */
import {
  CASE_ACTIONS,
  SOURCES,
  addWorkingDays,
  warningAt,
  type CaseAction,
  type CaseLevel,
  type CaseSource,
  type CaseStatus,
  type HolidayTable,
  type OwnerKind,
  type Satisfaction,
  type SideAction,
} from '../../../shared';

export interface DemoGrid {
  key: string;
  name: string;
  /** the community's own name (an owner of kind community is it) */
  community: string;
  lat: number;
  lng: number;
}
export interface DemoCategory {
  key: string;
  name: string;
  timeLimitDays: number;
  defaultOwnerKind: OwnerKind;
  defaultOwnerName: string;
}
export interface DemoUnit {
  key: string;
  name: string;
}
export interface DemoEvent {
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus;
  action: CaseAction | SideAction | 'report';
  actorKind: 'staff' | 'account' | 'system';
  actorId: string;
  reason: string | null;
  at: Date;
}
export interface DemoCase {
  documentId: string;
  clientKey: string | null;
  title: string;
  description: string;
  category: string;
  grid: string;
  source: CaseSource;
  level: CaseLevel;
  building: string | null;
  lat: number | null;
  lng: number | null;
  reporterContact: string | null;
  status: CaseStatus;
  ownerKind: OwnerKind | null;
  ownerName: string | null;
  ownerUnit: string | null;
  reportedAt: Date;
  acceptedAt: Date | null;
  dispatchedAt: Date | null;
  dueAt: Date | null;
  signedAt: Date | null;
  handledAt: Date | null;
  verifiedAt: Date | null;
  ratedAt: Date | null;
  archivedAt: Date | null;
  handledOnTime: boolean | null;
  result: string | null;
  returnReason: string | null;
  satisfaction: Satisfaction | null;
  reopened: boolean;
  extensionStatus: 'not_requested' | 'requested' | 'granted' | 'refused';
  extensionDays: number | null;
  extensionReason: string | null;
  parent: string | null;
  mergedInto: string | null;
  events: DemoEvent[];
}

export interface DemoInput {
  now: Date;
  grids: DemoGrid[];
  categories: DemoCategory[];
  units: DemoUnit[];
  holidays: HolidayTable;
  /** how many cases reported in the grids (escalation children come on top) */
  count: number;
  seed?: number;
  newId?: () => string;
}

/** What residents report, per category name: titles, descriptions and the owner's result. */
const TEXTS: Record<string, { titles: string[]; description: string; result: string }> = {
  路灯损坏: {
    titles: ['{b}东侧路灯不亮', '小区主干道路灯闪烁', '背街小巷路灯损坏'],
    description: '{b}附近路灯连续几晚不亮，老人和孩子夜间出行不便，请尽快维修。',
    result: '已更换灯具和线路，路灯恢复照明。',
  },
  管道漏水: {
    titles: ['{b}地下管道漏水', '{b}楼道水管破裂', '小区供水管道渗漏'],
    description: '{b}单元门口地面持续渗水，疑似地下供水管道破裂，影响居民出行。',
    result: '已开挖检修，更换破损管段，恢复供水。',
  },
  垃圾清运: {
    titles: ['{b}旁垃圾未及时清运', '小区垃圾桶满溢', '建筑垃圾堆放未清理'],
    description: '{b}旁垃圾已堆放两天未清运，气味较大，夏季易滋生蚊蝇。',
    result: '环卫车辆已当日清运完毕，并对垃圾点消杀。',
  },
  占道经营: {
    titles: ['小区门口流动摊贩占道', '商铺占用人行道经营', '早市占道影响通行'],
    description: '小区门口早晚有摊贩占道经营，影响车辆和行人通行，存在安全隐患。',
    result: '执法队员已劝离摊贩，引导进入便民市场经营。',
  },
  邻里纠纷: {
    titles: ['{b}楼上楼下漏水纠纷', '{b}邻居噪音扰民', '相邻通道占用纠纷'],
    description: '{b}两户居民因漏水赔偿发生争执，多次协商未果，请求社区调解。',
    result: '社区调解员组织双方协商，达成调解协议并签字。',
  },
  违章搭建: {
    titles: ['{b}楼顶违章搭建', '一楼住户私搭院落', '绿地内违建棚屋'],
    description: '{b}有住户在楼顶私自搭建彩钢房，影响楼体安全和邻居采光。',
    result: '已下达限期拆除通知，违建已拆除并恢复原状。',
  },
  安全隐患: {
    titles: ['{b}电动车楼道充电', '小区消防通道堵塞', '{b}外墙瓷砖脱落'],
    description: '{b}存在安全隐患，居民担心发生事故，请相关部门尽快排查处置。',
    result: '已现场排查整改，消除隐患并张贴安全提示。',
  },
  楼道堆物: {
    titles: ['{b}楼道杂物堆放', '{b}单元楼梯间堆放纸箱', '地下室通道堆物'],
    description: '{b}楼道长期堆放杂物和废旧家具，占用疏散通道，存在火灾隐患。',
    result: '物业已通知住户并清理楼道，恢复通道畅通。',
  },
  小区停车: {
    titles: ['小区车辆乱停堵塞通道', '外来车辆占用小区车位', '{b}门口僵尸车'],
    description: '小区内车辆乱停乱放，{b}门口通道经常被堵，救护车和消防车难以进入。',
    result: '物业已施划停车位并张贴告知，僵尸车已联系车主挪走。',
  },
  绿化养护: {
    titles: ['小区绿地树木枯死', '{b}旁树枝遮挡窗户', '绿化带杂草丛生'],
    description: '{b}旁树木枝叶过密，遮挡低层住户采光，雨天有断枝坠落风险。',
    result: '已安排园林工人修剪树枝、清理杂草。',
  },
};
const FALLBACK = {
  titles: ['{b}居民反映问题'],
  description: '{b}居民反映的问题，请相关单位核实处理。',
  result: '已核实并处理完毕。',
};
const RETURN_REASONS = [
  '经核实不属于本网格事项，已告知居民向物业反映',
  '重复反映，已在办理中',
  '反映内容不具体，已联系上报人补充后重新上报',
];
const ESCALATE_REASONS = ['涉及多个部门，社区无法协调解决', '需街道统筹协调县直部门', '社区处置后仍未解决，申请吹哨'];
const EXTENSION_REASONS = ['需等待配件采购', '涉及多户协调，需延长办理时间', '雨雪天气无法施工'];
const SEND_BACK_REASONS = ['现场核查仍未解决，请继续处置', '处置结果与居民反映不符'];

const HOUR = 3_600_000;

/** mulberry32: a small seeded generator, so the same input gives the same demo. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The scenarios the year is made of: where each case ends, with its side ways. */
type Plan =
  | { end: 'reported' | 'returned' | 'accepted' }
  | {
      end: 'dispatched' | 'signed' | 'handling';
      urgency: 'ok' | 'warning' | 'overdue';
      extension?: 'requested';
    }
  | {
      end: 'handled' | 'verified' | 'rated' | 'archived';
      extension?: 'granted' | 'refused';
      sendBack?: boolean;
      late?: boolean;
      /** first rating dissatisfied (reopened), then: where the second round ends */
      reopen?: 'running' | 'archived' | 'archivedDissatisfied';
      satisfaction?: 'satisfied' | 'basically';
    }
  | { end: 'escalated'; at: 'accepted' | 'dispatched' | 'signed' | 'handling'; child: 'archived' | 'running' };

/** The mix of one block of 40 cases; the year repeats it, so every state is there from 40 cases on. */
const BLOCK: Plan[] = [
  ...Array.from({ length: 14 }, (_, i): Plan => ({
    end: 'archived',
    satisfaction: i % 3 === 2 ? 'basically' : 'satisfied',
    late: i % 5 === 4,
    extension: i === 3 ? 'granted' : i === 8 ? 'refused' : undefined,
    sendBack: i === 5,
  })),
  { end: 'archived', reopen: 'archived' },
  { end: 'archived', reopen: 'archivedDissatisfied' },
  { end: 'archived', reopen: 'running' },
  { end: 'rated', satisfaction: 'basically' },
  { end: 'rated', satisfaction: 'satisfied' },
  { end: 'verified' },
  { end: 'handled' },
  { end: 'handled', late: true },
  { end: 'handling', urgency: 'overdue' },
  { end: 'handling', urgency: 'warning' },
  { end: 'handling', urgency: 'ok', extension: 'requested' },
  { end: 'signed', urgency: 'ok' },
  { end: 'signed', urgency: 'overdue' },
  { end: 'dispatched', urgency: 'warning' },
  { end: 'dispatched', urgency: 'ok' },
  { end: 'dispatched', urgency: 'overdue' },
  { end: 'accepted' },
  { end: 'reported' },
  { end: 'reported' },
  { end: 'returned' },
  { end: 'returned' },
  { end: 'escalated', at: 'accepted', child: 'archived' },
  { end: 'escalated', at: 'signed', child: 'running' },
  // merged cases are made after the others (they need an open original): two per block
  { end: 'archived', satisfaction: 'satisfied' },
  { end: 'archived', satisfaction: 'satisfied' },
  { end: 'archived', satisfaction: 'basically' },
];

class Overrun extends Error {}

export function demoYear(input: DemoInput): DemoCase[] {
  const { now, grids, categories, units, holidays } = input;
  const random = prng(input.seed ?? 20261206);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const between = (lo: number, hi: number) => lo + random() * (hi - lo);
  const newId =
    input.newId ??
    (() => {
      let s = String.fromCharCode(97 + Math.floor(random() * 26));
      for (let i = 1; i < 24; i++) s += Math.floor(random() * 36).toString(36);
      return s;
    });
  const due = (from: Date, days: number) => addWorkingDays(from, days, holidays);
  const STAFF = 'demo:staff';
  const OWNER = 'demo:owner';
  const REPORTER = 'demo:reporter';

  /** A case under construction: `t` is the time of its last event; nothing may happen after `now`. */
  function start(cat: DemoCategory, grid: DemoGrid, reportedAt: Date, index: number): DemoCase {
    const texts = TEXTS[cat.name] ?? FALLBACK;
    const building = `${(index % 18) + 1}号楼`;
    const source = SOURCES[index % SOURCES.length];
    return {
      documentId: newId(),
      clientKey: `demo-year:${index}`,
      title: pick(texts.titles).replace('{b}', building),
      description: texts.description.replace('{b}', building),
      category: cat.key,
      grid: grid.key,
      source,
      level: 'community',
      building,
      lat: Math.round((grid.lat + between(-0.002, 0.002)) * 1e6) / 1e6,
      lng: Math.round((grid.lng + between(-0.002, 0.002)) * 1e6) / 1e6,
      reporterContact:
        source === 'residents' || source === 'hotline_12345'
          ? `139${String(10_000_000 + index * 7919).slice(-8)}`
          : null,
      status: 'reported',
      ownerKind: null,
      ownerName: null,
      ownerUnit: null,
      reportedAt,
      acceptedAt: null,
      dispatchedAt: null,
      dueAt: null,
      signedAt: null,
      handledAt: null,
      verifiedAt: null,
      ratedAt: null,
      archivedAt: null,
      handledOnTime: null,
      result: null,
      returnReason: null,
      satisfaction: null,
      reopened: false,
      extensionStatus: 'not_requested',
      extensionDays: null,
      extensionReason: null,
      parent: null,
      mergedInto: null,
      events: [
        {
          fromStatus: null,
          toStatus: 'reported',
          action: 'report',
          actorKind: 'account',
          actorId: REPORTER,
          reason: null,
          at: reportedAt,
        },
      ],
    };
  }

  const last = (c: DemoCase) => c.events[c.events.length - 1].at;
  const later = (c: DemoCase, loHours: number, hiHours: number) => {
    const at = new Date(last(c).getTime() + Math.round(between(loHours, hiHours) * HOUR));
    if (at.getTime() > now.getTime()) throw new Overrun();
    return at;
  };
  /** One move of the flow table, with the event the service would record. */
  function step(c: DemoCase, action: CaseAction, at: Date, data: Partial<DemoCase> = {}, reason: string | null = null) {
    const rule = CASE_ACTIONS[action];
    if (!(rule.from as readonly string[]).includes(c.status)) throw new Error(`demo: ${action} from ${c.status}`);
    const actorKind = rule.by === 'staff' ? 'staff' : rule.by === 'system' ? 'system' : 'account';
    const actorId =
      rule.by === 'staff' ? STAFF : rule.by === 'owner' ? OWNER : rule.by === 'system' ? 'reopen' : REPORTER;
    c.events.push({ fromStatus: c.status, toStatus: rule.to, action, actorKind, actorId, reason, at });
    Object.assign(c, data, { status: rule.to });
  }
  function side(c: DemoCase, action: SideAction, at: Date, reason: string | null, actorKind: 'staff' | 'account') {
    c.events.push({
      fromStatus: c.status,
      toStatus: c.status,
      action,
      actorKind,
      actorId: actorKind === 'staff' ? STAFF : OWNER,
      reason,
      at,
    });
  }
  function dispatch(c: DemoCase, cat: DemoCategory, grid: DemoGrid, at: Date, index: number) {
    const unit = index % 5 === 1 && units.length ? units[index % units.length] : null;
    const kind: OwnerKind = unit ? 'unit' : cat.defaultOwnerKind;
    const name = unit ? unit.name : kind === 'community' ? grid.community : cat.defaultOwnerName;
    step(c, 'dispatch', at, {
      dispatchedAt: at,
      dueAt: due(at, cat.timeLimitDays),
      ownerKind: kind,
      ownerName: name,
      ownerUnit: unit?.key ?? null,
    });
  }
  /** The owner's work from dispatched to handled; `late` handles after the deadline. */
  function work(c: DemoCase, cat: DemoCategory, plan: { late?: boolean; sendBack?: boolean; extension?: string }) {
    step(c, 'sign', later(c, 0.3, 4), { signedAt: null });
    c.signedAt = last(c);
    step(c, 'start', later(c, 0.3, 6));
    if (plan.extension === 'granted' || plan.extension === 'refused') {
      const asked = later(c, 0.5, 4);
      if (asked.getTime() < c.dueAt!.getTime()) {
        const days = 2 + Math.floor(random() * 4);
        const reason = pick(EXTENSION_REASONS);
        Object.assign(c, { extensionStatus: 'requested', extensionDays: days, extensionReason: reason });
        side(c, 'extension_requested', asked, reason, 'account');
        const decided = later(c, 0.5, 3);
        if (plan.extension === 'granted') {
          c.dueAt = addWorkingDays(c.dueAt!, days, holidays);
          c.extensionStatus = 'granted';
          side(c, 'extension_approved', decided, null, 'staff');
        } else {
          c.extensionStatus = 'refused';
          side(c, 'extension_refused', decided, '请按原期限办结', 'staff');
        }
      }
    }
    const handle = () => {
      const from = last(c).getTime();
      const dueMs = c.dueAt!.getTime();
      const at =
        !plan.late && dueMs > from
          ? new Date(from + Math.round(between(0.2, 0.9) * (dueMs - from)))
          : new Date(Math.max(from, dueMs) + Math.round(between(2, 72) * HOUR));
      if (at.getTime() > now.getTime()) throw new Overrun();
      step(c, 'handle', at, {
        handledAt: at,
        result: (TEXTS[cat.name] ?? FALLBACK).result,
        handledOnTime: at.getTime() <= c.dueAt!.getTime(),
      });
    };
    handle();
    if (plan.sendBack) {
      step(c, 'sendBack', later(c, 2, 24), { handledAt: null, handledOnTime: null }, pick(SEND_BACK_REASONS));
      handle();
    }
  }
  /** 核查 → 回访 → (归档), the rating deciding whether the case reopens (first 不满意 only). */
  function close(c: DemoCase, end: 'verified' | 'rated' | 'archived', satisfaction: Satisfaction) {
    step(c, 'verify', later(c, 2, 30), { verifiedAt: null });
    c.verifiedAt = last(c);
    if (end === 'verified') return;
    const at = later(c, 4, 72);
    step(c, 'rate', at, { satisfaction, ratedAt: at });
    if (end === 'rated') return;
    step(c, 'archive', later(c, 2, 48), { archivedAt: null });
    c.archivedAt = last(c);
  }
  function reopen(c: DemoCase, cat: DemoCategory) {
    const at = last(c);
    step(
      c,
      'reopen',
      at,
      {
        reopened: true,
        dispatchedAt: at,
        dueAt: due(at, cat.timeLimitDays),
        signedAt: null,
        handledAt: null,
        verifiedAt: null,
        handledOnTime: null,
        extensionStatus: 'not_requested',
        extensionDays: null,
        extensionReason: null,
      },
      '回访不满意，重新办理（仅一次）',
    );
  }

  /** The dispatch moment for a running case so that, now, it stands at `urgency`. */
  function dispatchMoment(cat: DemoCategory, urgency: 'ok' | 'warning' | 'overdue'): Date {
    const extraDays = urgency === 'overdue' ? Math.floor(between(1, 6)) : 0;
    for (let h = 2; h < 24 * 90; h++) {
      const d = new Date(now.getTime() - h * HOUR);
      const dueAt = due(d, cat.timeLimitDays);
      const overdue = now.getTime() > dueAt.getTime() + extraDays * 24 * HOUR;
      const warning = !overdue && now.getTime() >= warningAt(d, dueAt).getTime() && now.getTime() <= dueAt.getTime();
      if (
        urgency === 'overdue'
          ? overdue
          : urgency === 'warning'
            ? warning
            : now.getTime() < warningAt(d, dueAt).getTime()
      )
        return d;
    }
    return new Date(now.getTime() - 2 * HOUR);
  }

  function build(plan: Plan, cat: DemoCategory, grid: DemoGrid, index: number): DemoCase[] {
    // Running cases are dated back from now; closed ones anywhere in the year (tried later if they overrun).
    if (plan.end === 'reported' || plan.end === 'accepted' || plan.end === 'returned') {
      const back = plan.end === 'returned' ? between(24, 24 * 360) : between(1, plan.end === 'reported' ? 20 : 40);
      const c = start(cat, grid, new Date(now.getTime() - Math.round(back * HOUR)), index);
      if (plan.end === 'accepted') step(c, 'accept', later(c, 0.2, 1), { acceptedAt: null });
      if (plan.end === 'accepted') c.acceptedAt = last(c);
      if (plan.end === 'returned') step(c, 'return', later(c, 0.5, 8), { returnReason: null }, pick(RETURN_REASONS));
      if (plan.end === 'returned') c.returnReason = c.events[c.events.length - 1].reason;
      return [c];
    }
    if (plan.end === 'dispatched' || plan.end === 'signed' || plan.end === 'handling') {
      const d = dispatchMoment(cat, plan.urgency);
      const c = start(cat, grid, new Date(d.getTime() - Math.round(between(2, 30) * HOUR)), index);
      const acceptedAt = new Date(
        c.reportedAt.getTime() + Math.round(between(0.1, 0.9) * (d.getTime() - c.reportedAt.getTime())),
      );
      step(c, 'accept', acceptedAt, { acceptedAt });
      dispatch(c, cat, grid, d, index);
      const span = now.getTime() - d.getTime();
      if (plan.end !== 'dispatched') {
        const signedAt = new Date(d.getTime() + Math.round(between(0.05, 0.3) * span));
        step(c, 'sign', signedAt, { signedAt });
      }
      if (plan.end === 'handling')
        step(c, 'start', new Date(last(c).getTime() + Math.round(between(0.05, 0.3) * span)));
      if (plan.extension === 'requested') {
        const asked = new Date(last(c).getTime() + Math.round(between(0.05, 0.3) * span));
        const reason = pick(EXTENSION_REASONS);
        Object.assign(c, { extensionStatus: 'requested', extensionDays: 3, extensionReason: reason });
        side(c, 'extension_requested', asked, reason, 'account');
      }
      return [c];
    }
    const flow = plan as Extract<Plan, { end: 'handled' | 'verified' | 'rated' | 'archived' | 'escalated' }>;
    for (let attempt = 0; ; attempt++) {
      // Later attempts start earlier, until the whole flow fits before now.
      if (attempt > 6) throw new Error('demo: a flow does not fit in the year');
      const back = attempt < 6 ? between(10, 360) : 364;
      try {
        const c = start(cat, grid, new Date(now.getTime() - Math.round(back * 24 * HOUR)), index);
        step(c, 'accept', later(c, 0.3, 6), { acceptedAt: null });
        c.acceptedAt = last(c);
        if (flow.end === 'escalated') return escalate(c, flow, cat, grid, index);
        dispatch(c, cat, grid, later(c, 0.3, 20), index);
        work(c, cat, flow);
        if (flow.end === 'handled') return [c];
        if (flow.reopen) {
          close(c, 'rated', 'dissatisfied');
          reopen(c, cat);
          if (flow.reopen === 'running') return [c];
          work(c, cat, {});
          close(c, 'archived', flow.reopen === 'archivedDissatisfied' ? 'dissatisfied' : 'basically');
          return [c];
        }
        // A first 不满意 reopens: the plain plans end satisfied or basically, the reopen plans carry it.
        close(c, flow.end, flow.satisfaction ?? 'satisfied');
        return [c];
      } catch (e) {
        if (!(e instanceof Overrun)) throw e;
      }
    }
  }

  /** 上报街道: the community case waits as `escalated`, its street-level child starts `accepted`. */
  function escalate(
    c: DemoCase,
    plan: Extract<Plan, { end: 'escalated' }>,
    cat: DemoCategory,
    grid: DemoGrid,
    index: number,
  ) {
    if (plan.at !== 'accepted') {
      dispatch(c, cat, grid, later(c, 0.3, 20), index);
      if (plan.at !== 'dispatched') step(c, 'sign', later(c, 0.3, 4), { signedAt: null });
      if (plan.at !== 'dispatched') c.signedAt = last(c);
      if (plan.at === 'handling') step(c, 'start', later(c, 0.3, 6));
    }
    const at = later(c, 2, 48);
    const reason = pick(ESCALATE_REASONS);
    step(c, 'escalate', at, {}, reason);
    const child = start(cat, grid, at, index);
    Object.assign(child, {
      documentId: newId(),
      clientKey: null,
      title: c.title,
      description: c.description,
      building: c.building,
      lat: c.lat,
      lng: c.lng,
      source: c.source,
      reporterContact: null,
      level: 'street',
      status: 'accepted',
      acceptedAt: at,
      parent: c.documentId,
      events: [
        {
          fromStatus: null,
          toStatus: 'accepted',
          action: 'report',
          actorKind: 'staff',
          actorId: STAFF,
          reason: `上报自 ${c.level} 事项 ${c.documentId}: ${reason}`,
          at,
        },
      ],
    } satisfies Partial<DemoCase>);
    // The street dispatches to a county department (never the community it came from).
    const streetCat =
      cat.defaultOwnerKind === 'community'
        ? { ...cat, defaultOwnerKind: 'department' as const, defaultOwnerName: '尉氏县城市管理局' }
        : cat;
    dispatch(child, streetCat, grid, later(child, 0.5, 12), index + 2);
    if (plan.child === 'running') {
      step(child, 'sign', later(child, 0.2, 2), { signedAt: null });
      child.signedAt = last(child);
    } else {
      work(child, cat, {});
      close(child, 'archived', 'satisfied');
    }
    return [c, child];
  }

  const out: DemoCase[] = [];
  for (let i = 0; i < input.count; i++) {
    const plan = BLOCK[i % BLOCK.length];
    out.push(
      ...build(
        plan,
        categories[(i * 7 + Math.floor(i / BLOCK.length)) % categories.length],
        grids[(i * 11) % grids.length],
        i,
      ),
    );
  }
  // 合并: duplicates reported hours after an original of the same category and grid, folded into it while it was open.
  const originals = out.filter(
    (c) =>
      c.level === 'community' &&
      c.acceptedAt &&
      !['escalated', 'returned'].includes(c.status) &&
      c.reportedAt.getTime() < now.getTime() - 24 * HOUR,
  );
  const merged = Math.max(1, Math.floor(input.count / 20));
  for (let k = 0; k < merged && originals.length; k++) {
    const o = originals[(k * 13) % originals.length];
    const cat = categories.find((x) => x.key === o.category)!;
    const grid = grids.find((x) => x.key === o.grid)!;
    const c = start(cat, grid, new Date(o.reportedAt.getTime() + Math.round(between(1, 5) * HOUR)), input.count + k);
    Object.assign(c, {
      title: o.title,
      description: `${o.description}（另一位居民反映）`,
      lat: o.lat === null ? null : Math.round((o.lat + 0.0001) * 1e6) / 1e6,
      lng: o.lng,
    });
    const at = new Date(c.reportedAt.getTime() + Math.round(between(0.5, 3) * HOUR));
    step(c, 'merge', at, { mergedInto: o.documentId }, `合并至 ${o.documentId}`);
    out.push(c);
  }
  return out;
}
