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

export interface PlatformSessionRow {
  platform: string;
  figures: PlatformFigures;
}

/**
 * Imported platform exports, kept by platform and minute, product or session. A file merges into what
 * is there: it adds the columns it carries and replaces only those (SQLite's json_patch), so a second
 * export of the same minutes with other columns keeps the first file's figures, and importing the same
 * file again changes nothing.
 */
export class PlatformRepo {
  constructor(private readonly db: Db) {}

  /** Writes rows in one transaction; returns how many merged into a row imported before. */
  putMinutes(sessionId: string, rows: readonly PlatformMinuteRow[]): { merged: number } {
    const exists = this.db.prepare('SELECT 1 FROM platform_minutes WHERE session_id = ? AND platform = ? AND minute = ?');
    const upsert = this.db.prepare(
      `INSERT INTO platform_minutes (session_id, platform, minute, data) VALUES (?, ?, ?, ?)
       ON CONFLICT (session_id, platform, minute) DO UPDATE SET data = json_patch(data, excluded.data)`,
    );
    let merged = 0;
    this.db.transaction(() => {
      for (const r of rows) {
        if (exists.get(sessionId, r.platform, r.minute)) merged++;
        upsert.run(sessionId, r.platform, r.minute, JSON.stringify(r.figures));
      }
    })();
    return { merged };
  }

  putProducts(sessionId: string, rows: readonly PlatformProductRow[]): { merged: number } {
    const exists = this.db.prepare('SELECT 1 FROM platform_products WHERE session_id = ? AND platform = ? AND product_id = ?');
    const upsert = this.db.prepare(
      `INSERT INTO platform_products (session_id, platform, product_id, name, data) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (session_id, platform, product_id) DO UPDATE SET name = excluded.name, data = json_patch(data, excluded.data)`,
    );
    let merged = 0;
    this.db.transaction(() => {
      for (const r of rows) {
        if (exists.get(sessionId, r.platform, r.productId)) merged++;
        // A file without a SKU column keeps the match an earlier file made.
        upsert.run(sessionId, r.platform, r.productId, r.name, JSON.stringify(r.sku === null ? r.figures : { ...r.figures, sku: r.sku }));
      }
    })();
    return { merged };
  }

  putSession(sessionId: string, row: PlatformSessionRow): { merged: number } {
    const exists = this.db.prepare('SELECT 1 FROM platform_sessions WHERE session_id = ? AND platform = ?').get(sessionId, row.platform) !== undefined;
    this.db
      .prepare(
        `INSERT INTO platform_sessions (session_id, platform, data) VALUES (?, ?, ?)
         ON CONFLICT (session_id, platform) DO UPDATE SET data = json_patch(data, excluded.data)`,
      )
      .run(sessionId, row.platform, JSON.stringify(row.figures));
    return { merged: exists ? 1 : 0 };
  }

  /** The catalog's SKUs and names, for matching export rows to products. */
  catalog(): { sku: string; name: string }[] {
    return this.db.prepare<[], { sku: string; name: string }>('SELECT sku, name FROM products').all();
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

  products(sessionId: string): PlatformProductRow[] {
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

  sessions(sessionId: string): PlatformSessionRow[] {
    return this.db
      .prepare<[string], { platform: string; data: string }>('SELECT platform, data FROM platform_sessions WHERE session_id = ? ORDER BY platform')
      .all(sessionId)
      .flatMap((r) => {
        const figures = storedJson(r.data, z.record(z.string(), z.number()), `platform_sessions.data of session ${sessionId}`) as PlatformFigures | undefined;
        return figures ? [{ platform: r.platform, figures }] : [];
      });
  }
}
