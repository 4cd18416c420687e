/** What the simulated audience reacts to. */
export interface AudienceContext {
  /** The product being explained and since when (ms); `since` absent counts as "just started". */
  explaining: { sku: string; priceFen: number; since?: number } | null;
  /** A running flash sale: the product at its sale price, until `endsAt` (ms) if known. */
  flashSale?: { sku: string; priceFen: number; endsAt?: number | null } | null;
  products: readonly { sku: string; priceFen: number }[];
}

export interface Mood {
  /** Multiplies the baseline online audience. */
  onlineFactor: number;
  /** 0..~2: how much viewers engage with the product (clicks, follows). */
  interest: number;
  /** Multiplies likes and comments. */
  excitement: number;
  /** Orders per online viewer per second. */
  buyRate: number;
  flashSale: { sku: string; priceFen: number } | null;
  idle: boolean;
}

/** A room held in one mood by the controller (`room` follows the screen). Figures as in `at` below. */
export type MoodSetting = 'room' | 'cold' | 'warm' | 'hot';
const HELD: Record<Exclude<MoodSetting, 'room'>, Omit<Mood, 'flashSale' | 'idle'>> = {
  cold: { onlineFactor: 0.6, interest: 0.3, excitement: 0.4, buyRate: 0.00005 },
  warm: { onlineFactor: 1.2, interest: 1.2, excitement: 1.2, buyRate: 0.0007 },
  hot: { onlineFactor: 1.6, interest: 2, excitement: 2.5, buyRate: 0.002 },
};

const FRESH_MS = 4 * 60_000; // an explain holds the room for a few minutes…
const TIRED_MS = 8 * 60_000; // …and after this the room has heard enough
const IDLE_SAG_MS = 3 * 60_000;

/**
 * How the room feels about what is on screen: a new explain draws viewers and buyers, a long one
 * tires them, a flash sale makes them surge and buy at once, a stretch of nothing lets them drift off.
 */
export class AudienceMood {
  private idleSince: number | null = null;

  at(now: number, context: AudienceContext, setting: MoodSetting = 'room'): Mood {
    const sale = context.flashSale && (context.flashSale.endsAt === undefined || context.flashSale.endsAt === null || context.flashSale.endsAt > now) ? context.flashSale : null;
    // A held mood still buys at the flash price while a sale runs: only the room's temper is fixed.
    if (setting !== 'room') return { ...HELD[setting], flashSale: sale ? { sku: sale.sku, priceFen: sale.priceFen } : null, idle: !sale && !context.explaining };
    if (sale) {
      this.idleSince = null;
      return { onlineFactor: 1.6, interest: 2, excitement: 3, buyRate: 0.004, flashSale: { sku: sale.sku, priceFen: sale.priceFen }, idle: false };
    }
    if (context.explaining) {
      this.idleSince = null;
      const age = Math.max(0, now - (context.explaining.since ?? now));
      const freshness = age < FRESH_MS ? 1 : Math.max(0, 1 - (age - FRESH_MS) / (TIRED_MS - FRESH_MS));
      return {
        onlineFactor: 1 + 0.35 * freshness - (age > TIRED_MS ? 0.1 : 0),
        interest: 0.6 + freshness,
        excitement: 0.8 + 0.6 * freshness,
        buyRate: 0.0002 + 0.0008 * freshness,
        flashSale: null,
        idle: false,
      };
    }
    this.idleSince ??= now;
    const sag = Math.min(1, (now - this.idleSince) / IDLE_SAG_MS);
    return { onlineFactor: 1 - 0.25 * sag, interest: 0.4, excitement: 0.7, buyRate: 0.0001, flashSale: null, idle: true };
  }
}
