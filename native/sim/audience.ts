import type { IngestEvent } from '../../electron/core/contract/index.js';
import { AudienceMood, type AudienceContext, type MoodSetting } from './audience-mood.js';

export type { AudienceContext, MoodSetting } from './audience-mood.js';

export interface AudienceOptions {
  seed?: number;
  /** Online viewers the room settles at when nothing is being explained. */
  baseOnline?: number;
  /** Multiplies comment, like, enter and order volume (1 = a small room). Ignored when eventsPerSecond is set. */
  scale?: number;
  /** Target events per second (comments, likes, enters, follows and orders together), up to 10,000. */
  eventsPerSecond?: number;
}

export const MAX_AUDIENCE_RATE = 10_000;

const COMMENTS = ['多少钱？', '有优惠吗', '已拍 ✓', '主播再讲一下材质', '发货快吗', '尺码怎么选', '还有库存吗', '想要！', 'Is it waterproof?', '好看', '求链接', '家人们冲'];
const FLASH_COMMENTS = ['抢到了！', '没抢到😭', '还有吗', '再上一波', '手慢了', '秒没了'];
const IDLE_COMMENTS = ['讲下一个吧', '主播在吗', '下一个是什么', '什么时候上链接'];

// Per online viewer per second, in a small room (scale 1).
const LIKES = 0.02;
const COMMENT = 0.002;
const ENTER = 0.01;
const FOLLOW = 0.0006;

/** mulberry32: small, fast and seeded, so a rehearsal or a test replays the same audience. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A believable live-room audience for rehearsal mode, tests and benchmarks: online viewers drift
 * around a baseline, climb when a product is explained and tire of a long explain, surge in a flash
 * sale and sag while nothing happens; buyers order mostly what is on screen, at the flash price while
 * the sale runs. Volume follows the room, or a fixed events-per-second target for load.
 */
export class AudienceSim {
  private readonly random: () => number;
  private readonly mood: AudienceMood;
  private base: number;
  private scale: number;
  private rate: number | null;
  private moodSetting: MoodSetting = 'room';
  private online: number;
  private uv = 0;
  private pv = 0;
  private likes = 0;
  private comments = 0;
  private follows = 0;
  private exposures = 0;
  private clicks = 0;
  private orderSeq = 0;
  private lastTs = 0;
  private readonly runId: string;

  constructor(options: AudienceOptions = {}) {
    const seed = options.seed ?? Date.now();
    this.random = rng(seed);
    this.mood = new AudienceMood();
    this.base = options.baseOnline ?? 800;
    this.scale = options.scale ?? 1;
    this.rate = options.eventsPerSecond === undefined ? null : Math.min(MAX_AUDIENCE_RATE, options.eventsPerSecond);
    this.online = Math.round(this.base * 0.6);
    this.runId = seed.toString(36);
  }

  /** Retunes a running audience (the rehearsal.audience action). */
  configure(options: { baseOnline?: number | undefined; eventsPerSecond?: number | undefined; mood?: MoodSetting | undefined }): void {
    if (options.baseOnline !== undefined) this.base = options.baseOnline;
    if (options.mood !== undefined) this.moodSetting = options.mood;
    if (options.eventsPerSecond !== undefined) this.rate = options.eventsPerSecond === 0 ? null : Math.min(MAX_AUDIENCE_RATE, options.eventsPerSecond);
  }

  get settings(): { baseOnline: number; eventsPerSecond: number | null; mood: MoodSetting } {
    return { baseOnline: this.base, eventsPerSecond: this.rate, mood: this.moodSetting };
  }

  /** Events for the interval ending at `now`. */
  tick(now: number, context: AudienceContext): IngestEvent[] {
    const dt = this.lastTs ? Math.min(5, Math.max(0, (now - this.lastTs) / 1000)) : 0.5;
    this.lastTs = now;
    const r = this.random;
    const m = this.mood.at(now, context, this.moodSetting);
    const target = this.base * m.onlineFactor;
    // Mean-reverting walk: the room drifts toward its target with noise, never below a handful.
    this.online = Math.max(5, Math.round(this.online + (target - this.online) * Math.min(1, 0.16 * dt) + (r() - 0.5) * this.base * 0.03 * Math.sqrt(dt)));
    const entering = Math.round(this.online * 0.01 * dt * (0.5 + r()) * m.onlineFactor);
    this.uv += entering;
    this.pv += entering + Math.round(entering * 0.3 * r());
    this.exposures += Math.round(entering * 0.6 + this.online * 0.002 * dt * m.interest);
    const clicking = this.poisson(this.online * 0.001 * dt * m.interest);
    this.clicks += clicking;

    // Events a small room of this size sends per second. A rate target fills up with chatter (likes and
    // comments), as a big room's traffic does, while entering, following and buying keep their natural
    // rate, so conversion, click-to-order and follower rates stay believable at any load. With a target
    // the mood changes the mix (more comments in a flash sale), not the total.
    const chatter = this.online * (LIKES / 2 + COMMENT) * m.excitement;
    const rest = this.online * (ENTER + FOLLOW * m.interest + m.buyRate);
    const restScale = this.rate === null ? this.scale : Math.min(1, this.rate / Math.max(1, rest));
    const chatterScale = this.rate === null ? this.scale : Math.max(0, this.rate - rest * restScale) / Math.max(1e-9, chatter);
    const poissonOf = (scale: number) => (perViewerPerSecond: number) => this.poisson(this.online * perViewerPerSecond * dt * scale);
    const volume = poissonOf(restScale);
    const chatterVolume = poissonOf(chatterScale);
    const pool = Math.max(2_000, this.online * 4);
    const user = () => `viewer${Math.floor(r() * pool)}`;

    const events: IngestEvent[] = [];
    for (let i = chatterVolume((LIKES / 2) * m.excitement); i > 0; i--) {
      const count = 1 + Math.floor(r() * 3);
      this.likes += count;
      events.push({ type: 'like', ts: now, count });
    }
    const lines = m.flashSale ? FLASH_COMMENTS : m.idle ? IDLE_COMMENTS : COMMENTS;
    for (let i = chatterVolume(COMMENT * m.excitement); i > 0; i--) {
      this.comments++;
      const pickFrom = r() < 0.6 ? lines : COMMENTS;
      events.push({ type: 'comment', ts: now, user: user(), text: pickFrom[Math.floor(r() * pickFrom.length)] as string });
    }
    for (let i = volume(ENTER); i > 0; i--) events.push({ type: 'enter', ts: now, user: user() });
    for (let i = volume(FOLLOW * m.interest); i > 0; i--) {
      this.follows++;
      events.push({ type: 'follow', ts: now, user: user() });
    }

    for (let i = volume(m.buyRate); i > 0; i--) {
      const sale = m.flashSale;
      const onScreen = sale ?? context.explaining;
      const product = onScreen && r() < 0.85 ? onScreen : context.products[Math.floor(r() * context.products.length)];
      if (!product) break;
      const qty = sale ? 1 : r() < 0.85 ? 1 : 2;
      this.orderSeq++;
      events.push({ type: 'order', ts: now, orderId: `sim-${this.runId}-${this.orderSeq}`, sku: product.sku, qty, amount: product.priceFen * qty, buyer: `buyer${Math.floor(r() * pool)}` });
    }
    events.unshift({
      type: 'snapshot',
      ts: now,
      online: this.online,
      viewersUv: this.uv,
      viewsPv: this.pv,
      likes: this.likes,
      comments: this.comments,
      newFollowers: this.follows,
      productExposures: this.exposures,
      productClicks: this.clicks,
    });
    return events;
  }

  /** Knuth's method for small means, a normal approximation for large ones. */
  private poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.gauss()));
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.random();
    while (p > limit) {
      k++;
      p *= this.random();
    }
    return k;
  }

  private gauss(): number {
    return Math.sqrt(-2 * Math.log(this.random() || 1e-12)) * Math.cos(2 * Math.PI * this.random());
  }
}

/** Runs `sim` on a timer, handing each tick's events to `emit` unless `paused`. Returns a stop function. */
export function runAudience(sim: AudienceSim, context: () => AudienceContext, emit: (events: IngestEvent[]) => void, tickMs = 250, paused: () => boolean = () => false): () => void {
  // A paused room sends nothing; its clock skips the pause (tick caps a gap at 5 s) instead of catching up.
  const timer = setInterval(() => {
    if (!paused()) emit(sim.tick(Date.now(), context()));
  }, tickMs);
  timer.unref();
  return () => clearInterval(timer);
}
