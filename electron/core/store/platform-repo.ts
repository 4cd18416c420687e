import { z } from 'zod';
import type { Db } from './database.js';
import { storedJson } from './stored-json.js';

const jsonObject = z.record(z.string(), z.unknown());

export type PlatformFigures = Record<string, number>;

export interface PlatformMinuteRow {
  platform: string;
  minute: number;
  figures: PlatformFigures;
}

export interface PlatformProductRow {
  platform: string;
  productId: string;
  name: string;
  figures: PlatformFigures;
  sku: string | null;
}

/**
 * Imported platform exports. Rows are keyed by platform and minute (or product), so importing the
 * same or an overlapping export again replaces rows instead of adding to them.
 */
export class PlatformRepo {
  constructor(private readonly db: Db) {}

  /** Writes rows in one transaction; returns how many replaced a row imported before. */
  putMinutes(sessionId: string, rows: readonly PlatformMinuteRow[]): { replaced: number } {
    const exists = this.db.prepare('SELECT 1 FROM platform_minutes WHERE session_id = ? AND platform = ? AND minute = ?');
    const upsert = this.db.prepare(
      `INSERT INTO platform_minutes (session_id, platform, minute, data) VALUES (?, ?, ?, ?)
       ON CONFLICT (session_id, platform, minute) DO UPDATE SET data = excluded.data`,
    );
    let replaced = 0;
    this.db.transaction(() => {
      for (const r of rows) {
        if (exists.get(sessionId, r.platform, r.minute)) replaced++;
        upsert.run(sessionId, r.platform, r.minute, JSON.stringify(r.figures));
      }
    })();
    return { replaced };
  }

  putProducts(sessionId: string, rows: readonly PlatformProductRow[]): { replaced: number } {
    const exists = this.db.prepare('SELECT 1 FROM platform_products WHERE session_id = ? AND platform = ? AND product_id = ?');
    const upsert = this.db.prepare(
      `INSERT INTO platform_products (session_id, platform, product_id, name, data) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (session_id, platform, product_id) DO UPDATE SET name = excluded.name, data = excluded.data`,
    );
    let replaced = 0;
    this.db.transaction(() => {
      for (const r of rows) {
        if (exists.get(sessionId, r.platform, r.productId)) replaced++;
        upsert.run(sessionId, r.platform, r.productId, r.name, JSON.stringify({ ...r.figures, sku: r.sku }));
      }
    })();
    return { replaced };
  }

  minutes(sessionId: string): PlatformMinuteRow[] {
    return this.db
      .prepare<[string], { platform: string; minute: number; data: string }>('SELECT platform, minute, data FROM platform_minutes WHERE session_id = ? ORDER BY platform, minute')
      .all(sessionId)
      .flatMap((r) => {
        const figures = storedJson(r.data, z.record(z.string(), z.number()), `platform_minutes.data of session ${sessionId}`) as PlatformFigures | undefined;
        return figures ? [{ platform: r.platform, minute: r.minute, figures }] : [];
      });
  }

  products(sessionId: string): { platform: string; productId: string; name: string; sku: string | null; figures: PlatformFigures }[] {
    return this.db
      .prepare<[string], { platform: string; product_id: string; name: string; data: string }>(
        'SELECT platform, product_id, name, data FROM platform_products WHERE session_id = ? ORDER BY platform, product_id',
      )
      .all(sessionId)
      .flatMap((r) => {
        const data = storedJson(r.data, jsonObject, `platform_products.data of session ${sessionId}`) as (PlatformFigures & { sku?: string | null }) | undefined;
        if (!data) return [];
        const { sku, ...figures } = data;
        return [{ platform: r.platform, productId: r.product_id, name: r.name, sku: typeof sku === 'string' ? sku : null, figures }];
      });
  }
}
