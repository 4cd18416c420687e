import type { IngestEvent } from '../../electron/core/contract/index.js';

/** What the simulated audience reacts to. */
export interface AudienceContext {
  explaining: { sku: string; priceFen: number } | null;
  products: readonly { sku: string; priceFen: number }[];
}

export interface AudienceOptions {
  seed?: number;
  /** Online viewers the room settles at when nothing is being explained. */
  baseOnline?: number;
  /** Multiplies comment, like and order volume (1 = a small room; 100 ≈ thousands of events a second). */
  scale?: number;
}

const COMMENTS = ['多少钱？', '有优惠吗', '已拍 ✓', '主播再讲一下材质', '发货快吗', '尺码怎么选', '还有库存吗', '想要！', 'Is it waterproof?', '好看', '求链接', '家人们冲'];

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
 * A believable live-room audience for rehearsal mode and tests: online viewers drift around a
 * baseline, climb while a product is explained, and buyers order mostly what is on screen.
 */
export class AudienceSim {
  private readonly random: () => number;
  private readonly base: number;
  private readonly scale: number;
  private online: number;
  private uv = 0;
  private pv = 0;
  private likes = 0;
  private comments = 0;
  private orderSeq = 0;
  private lastTs = 0;
  private readonly runId: string;

  constructor(options: AudienceOptions = {}) {
    const seed = options.seed ?? Date.now();
    this.random = rng(seed);
    this.base = options.baseOnline ?? 800;
    this.scale = options.scale ?? 1;
    this.online = Math.round(this.base * 0.6);
    this.runId = seed.toString(36);
  }

  /** Events for the interval ending at `now`. */
  tick(now: number, context: AudienceContext): IngestEvent[] {
    const dt = this.lastTs ? Math.min(5, (now - this.lastTs) / 1000) : 0.5;
    this.lastTs = now;
    const r = this.random;
    const target = this.base * (context.explaining ? 1.35 : 1);
    // Mean-reverting walk: the room drifts toward its target with noise, never below a handful.
    this.online = Math.max(5, Math.round(this.online + (target - this.online) * 0.08 * dt * 2 + (r() - 0.5) * this.base * 0.03));
    const entering = Math.round(this.online * 0.01 * dt * (0.5 + r()));
    this.uv += entering;
    this.pv += entering + Math.round(entering * 0.3 * r());

    const events: IngestEvent[] = [];
    const volume = (perViewerPerSecond: number) => this.poisson(this.online * perViewerPerSecond * dt * this.scale);
    const likeCount = volume(0.02);
    if (likeCount) {
      this.likes += likeCount;
      events.push({ type: 'like', ts: now, count: likeCount });
    }
    for (let i = volume(0.002); i > 0; i--) {
      this.comments++;
      events.push({ type: 'comment', ts: now, user: `viewer${Math.floor(r() * 1e6)}`, text: COMMENTS[Math.floor(r() * COMMENTS.length)] as string });
    }
    for (let i = Math.min(entering, 20 * this.scale); i > 0; i--) events.push({ type: 'enter', ts: now, user: `viewer${Math.floor(r() * 1e6)}` });

    const buying = context.explaining ? 0.0008 : 0.0002;
    for (let i = volume(buying); i > 0; i--) {
      const product = context.explaining && r() < 0.85 ? context.explaining : context.products[Math.floor(r() * context.products.length)];
      if (!product) break;
      const qty = r() < 0.85 ? 1 : 2;
      this.orderSeq++;
      events.push({ type: 'order', ts: now, orderId: `sim-${this.runId}-${this.orderSeq}`, sku: product.sku, qty, amount: product.priceFen * qty, buyer: `buyer${Math.floor(r() * 5e5)}` });
    }
    events.unshift({ type: 'snapshot', ts: now, online: this.online, viewersUv: this.uv, viewsPv: this.pv, likes: this.likes, comments: this.comments });
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

/** Runs `sim` on a timer, handing each tick's events to `emit`. Returns a stop function. */
export function runAudience(sim: AudienceSim, context: () => AudienceContext, emit: (events: IngestEvent[]) => void, tickMs = 500): () => void {
  const timer = setInterval(() => emit(sim.tick(Date.now(), context())), tickMs);
  timer.unref();
  return () => clearInterval(timer);
}
