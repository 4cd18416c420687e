import { bindingsSchema, type Bindings } from '../contract/index.js';
import type { Db } from './database.js';

const PARTS = ['layouts', 'hotkeys', 'hid', 'guards'] as const;

/**
 * The `/bindings` document, stored as one JSON row per part and validated on the way in and out. A
 * part written by a newer or broken build falls back to its default and is reported, never fatal.
 */
export class BindingsRepo {
  constructor(private readonly db: Db) {}

  read(): { bindings: Bindings; unreadable: string[] } {
    const rows = this.db.prepare<[], { part: string; config: string }>('SELECT part, config FROM control_bindings').all();
    const raw: Record<string, unknown> = {};
    const unreadable: string[] = [];
    for (const row of rows) {
      try {
        const value: unknown = JSON.parse(row.config);
        const check = bindingsSchema.safeParse({ [row.part]: value });
        if (check.success) raw[row.part] = value;
        else unreadable.push(row.part);
      } catch {
        unreadable.push(row.part);
      }
    }
    return { bindings: bindingsSchema.parse(raw), unreadable };
  }

  /** Replaces the whole document in one transaction. */
  write(bindings: Bindings, at: number): void {
    const upsert = this.db.prepare(
      'INSERT INTO control_bindings (part, config, updated_at) VALUES (?, ?, ?) ON CONFLICT (part) DO UPDATE SET config = excluded.config, updated_at = excluded.updated_at',
    );
    this.db.transaction(() => {
      for (const part of PARTS) upsert.run(part, JSON.stringify(bindings[part]), at);
    })();
  }
}
