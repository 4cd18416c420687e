import {
  coded,
  kpiSettingsSchema,
  parseOrThrow,
  type AlertKpi,
  type CodedText,
  type IngestResult,
  type Kpi,
  type KpiSettings,
} from '../contract/index.js';
import type { Alerts } from '../engine/alerts.js';
import type { SessionLog } from '../engine/session-log.js';
import type { StateHub } from '../engine/state-hub.js';
import type { ExplainFlow } from '../show/explain-flow.js';
import type { SettingsRepo } from '../store/settings-repo.js';
import { IngestRates } from './ingest-rates.js';
import type { PreparedBatch } from './ingest-prepare.js';
import { writeIngestBatch, type IngestDeps } from './ingest-service.js';
import { KpiAlertEngine, type AlertTransition, type KpiValues } from './kpi-alerts.js';
import { KpiTracker } from './kpi-tracker.js';
import { KPI_SETTINGS_KEY, loadKpiSettings } from './kpi-settings-store.js';

export interface LiveKpiDeps extends IngestDeps {
  hub: StateHub;
  log: SessionLog;
  explain: ExplainFlow;
  alerts: Alerts;
  settings: SettingsRepo;
  now: () => number;
  /** SKU → catalog name, for the per-product figures overlays show. */
  productNames: () => ReadonlyMap<string, string>;
  /** Orders new in a durable batch, for whatever else counts them (a flash sale's stock). */
  onOrders?: (orders: ReturnType<typeof writeIngestBatch>['newOrders']) => void;
  /** Comments in a durable batch, for the console's 弹幕 feed and its keyword alerts. */
  onComments?: (sessionId: string, comments: ReturnType<typeof writeIngestBatch>['comments']) => void;
}

const KPI_NAMES: Record<AlertKpi, string> = {
  online: '在线人数 online',
  peakOnline: '最高在线 peak online',
  averageOnline: '平均在线 average online',
  viewersUv: '观看人数 viewers',
  viewsPv: '观看次数 views',
  gmvFen: 'GMV',
  orders: '订单 orders',
  buyers: '成交人数 buyers',
  likes: '点赞 likes',
  comments: '评论 comments',
  newFollowers: '新增粉丝 new followers',
  avgWatchSeconds: '人均观看时长 avg watch',
  interactionRate: '互动率 interaction',
  conversion: '转化率 conversion',
  perBuyerFen: '客单价 per buyer',
  aovFen: 'AOV',
  uvValueFen: 'UV价值 UV value',
  gpmFen: 'GPM',
  productClickRate: '商品点击率 click rate',
  clickToOrder: '点击-成交 CTOR',
  followerConversion: '转粉率 follower conv.',
  roi: 'ROI',
  ingestRate: '数据接入 ingest/s',
};

/** The values alert rules can watch, flattened from the published KPIs. */
export function alertValues(kpi: Kpi, ingestRate: number): KpiValues {
  const d = kpi.detail;
  return {
    online: kpi.online,
    peakOnline: kpi.peakOnline,
    gmvFen: kpi.gmvFen,
    orders: kpi.orders,
    buyers: kpi.buyers,
    ingestRate,
    ...(d && {
      averageOnline: d.averageOnline,
      viewersUv: d.viewersUv,
      viewsPv: d.viewsPv,
      likes: d.likes,
      comments: d.comments,
      newFollowers: d.newFollowers,
      avgWatchSeconds: d.avgWatchSeconds.value,
      interactionRate: d.interactionRate.value,
      conversion: d.conversion.value,
      perBuyerFen: d.perBuyerFen.value,
      aovFen: d.aovFen.value,
      uvValueFen: d.uvValueFen.value,
      gpmFen: d.gpmFen.value,
      productClickRate: d.productClickRate.value,
      clickToOrder: d.clickToOrder.value,
      followerConversion: d.followerConversion.value,
      roi: d.roi.value,
    }),
  };
}

const RATE_KPIS = new Set<AlertKpi>(['interactionRate', 'conversion', 'productClickRate', 'clickToOrder', 'followerConversion']);

/** The alert as a code for the console, with the sentence developers and the review lanes have always had. */
function describe(t: AlertTransition): CodedText {
  const { rule } = t;
  const kpi = rule.kpi;
  const name = rule.label ?? KPI_NAMES[kpi];
  const limit = t.to === 'red' ? rule.red : rule.yellow;
  const unit = kpi.endsWith('Fen') ? 'fen' : RATE_KPIS.has(kpi) ? 'ratio' : 'count';
  const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
  // Values in the KPI's own unit: money in yuan, rates in per cent, counts as they are.
  const num = (x: number) => (unit === 'fen' ? `¥${(x / 100).toFixed(2)}` : unit === 'ratio' ? `${Math.round(x * 10_000) / 100}%` : String(Math.round(x * 100) / 100));
  const base = { kpi, name: rule.label ?? '', unit, value: Math.round(t.value * 10_000) / 10_000 };
  switch (rule.condition) {
    case 'drop':
    case 'rise': {
      const arrow = rule.condition === 'drop' ? '↓' : '↑';
      const detail = `${name} ${arrow}${pct(t.measure)} / ${rule.windowSec}s (≥ ${pct(limit ?? 0)}) → ${num(t.value)}`;
      return coded(`kpi.${rule.condition}`, { ...base, changeRatio: t.measure, limitRatio: limit ?? 0, windowSec: rule.windowSec }, detail);
    }
    case 'above':
      return coded('kpi.above', { ...base, limit: limit ?? 0 }, `${name} ${num(t.value)} ≥ ${num(limit ?? 0)}`);
    case 'below':
      return coded('kpi.below', { ...base, limit: limit ?? 0 }, `${name} ${num(t.value)} ≤ ${num(limit ?? 0)}`);
  }
}

/**
 * The live data path: durable ingest into the live session, the KPI set published after each batch,
 * per-source rates, and threshold alerts (raised on the desk and logged to the session).
 */
export class LiveKpis {
  private tracker = new KpiTracker();
  private readonly rates = new IngestRates();
  private readonly engine = new KpiAlertEngine();
  private current: KpiSettings;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly deps: LiveKpiDeps) {
    const settings = loadKpiSettings(deps.settings);
    this.current = settings;
    this.engine.setRules(settings.alerts);
    deps.hub.patch({ kpiSettings: settings });
    this.timer = setInterval(() => this.tick(), 1000);
    this.timer.unref();
  }

  get kpi(): Kpi {
    const kpi = this.tracker.view(this.current.basis);
    if (!kpi.detail?.products.length) return kpi;
    const names = this.deps.productNames();
    const products = kpi.detail.products.map((p) => {
      const name = names.get(p.sku);
      return name === undefined ? p : { ...p, name };
    });
    return { ...kpi, detail: { ...kpi.detail, products } };
  }

  get settings(): KpiSettings {
    return this.current;
  }

  putSettings(body: unknown): KpiSettings {
    const settings = parseOrThrow(kpiSettingsSchema, body);
    this.deps.settings.set(KPI_SETTINGS_KEY, JSON.stringify(settings));
    this.current = settings;
    this.deps.hub.patch({ kpiSettings: settings });
    this.apply(this.engine.setRules(settings.alerts));
    this.publish();
    return settings;
  }

  /** Writes a batch durably into the live session, then publishes its KPIs. */
  ingest(sessionId: string, batch: PreparedBatch): IngestResult {
    const { explain } = this.deps;
    // Per-minute figures count from the show's start, the same minutes the review draws.
    const startedAt = this.deps.log.live?.startedAt ?? null;
    this.tracker.origin ??= startedAt;
    const outcome = writeIngestBatch(this.deps, sessionId, this.tracker, batch, (sku, ts) => explain.explainedAt(sku, ts), startedAt);
    this.tracker = outcome.tracker.commit();
    this.rates.record(batch.source, batch.types.length, this.deps.now());
    this.publish();
    this.deps.explain.recordOrders(outcome.newOrders);
    this.deps.onOrders?.(outcome.newOrders);
    if (outcome.comments.length) this.deps.onComments?.(sessionId, outcome.comments);
    this.deps.log.pushRecent(outcome.logged);
    if (outcome.refundExcess.length) {
      const fen = outcome.refundExcess.reduce((sum, r) => sum + r.excessFen, 0);
      const orders = outcome.refundExcess.map((r) => `${r.orderId}${r.known ? '' : ' (unknown order)'}`).join(', ');
      this.deps.alerts.raise('refund-excess', 'warn', coded('ingest.refundExcess', { amountFen: fen, orders }, `refunds beyond what was paid, not counted: ¥${(fen / 100).toFixed(2)} (${orders})`));
    }
    if (outcome.early) {
      const count = outcome.early;
      this.deps.alerts.raise('ingest-early', 'warn', coded('ingest.early', { count }, `${count} events stamped before this session started were not counted (check the connector clock)`));
    }
    return { accepted: outcome.accepted, duplicates: outcome.duplicates, ...(outcome.early !== undefined && { early: outcome.early }) };
  }

  /** A new session (or none): numbers and alert memory start from zero. */
  reset(): void {
    this.tracker = new KpiTracker();
    this.engine.reset();
    for (const rule of this.current.alerts) this.deps.alerts.resolve(`kpi:${rule.id}`);
    this.deps.alerts.resolve('ingest-early');
    this.deps.hub.patch({ kpi: this.kpi });
  }

  /** A resumed session: numbers continue from what the database holds (see session-recovery). */
  restore(tracker: KpiTracker): void {
    this.tracker = tracker;
    this.engine.reset();
    this.publish();
  }

  close(): void {
    clearInterval(this.timer);
  }

  /** Once a second: rates decay while a source is silent, and rate-of-change windows move on. */
  tick(): void {
    const now = this.deps.now();
    const ingest = this.rates.view(now);
    const before = this.deps.hub.state.ingest;
    if (JSON.stringify(before ?? []) !== JSON.stringify(ingest)) this.deps.hub.patch({ ingest });
    if (this.deps.log.live) this.apply(this.engine.evaluate(alertValues(this.deps.hub.state.kpi, this.rates.total(now)), now));
  }

  private publish(): void {
    const kpi = this.kpi;
    this.deps.hub.patch({ kpi });
    if (this.deps.log.live) {
      const now = this.deps.now();
      this.apply(this.engine.evaluate(alertValues(kpi, this.rates.total(now)), now));
    }
  }

  private apply(transitions: AlertTransition[]): void {
    for (const t of transitions) {
      const id = `kpi:${t.rule.id}`;
      if (t.to) this.deps.alerts.raise(id, t.to === 'red' ? 'error' : 'warn', describe(t), undefined, t.since);
      else {
        this.deps.alerts.resolve(id);
        const clear = coded('kpi.clear', { kpi: t.rule.kpi, name: t.rule.label ?? '' }, `${t.rule.label ?? KPI_NAMES[t.rule.kpi]} ✓`);
        this.deps.log.log({ ts: this.deps.now(), kind: 'alert.clear', data: { id, rule: t.rule.id, value: t.value, code: clear.code, params: clear.params, text: clear.detail } });
      }
    }
  }
}
