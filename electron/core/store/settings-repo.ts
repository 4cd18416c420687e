import type { Statement } from 'better-sqlite3';
import type { Db } from './database.js';

/** Small desk-wide settings (never secrets: those live in the OS store or a 0600 file). */
export class SettingsRepo {
  /** Prepared once: some settings are read on every state change (a show's light cues). */
  private getStmt: Statement<[string], { value: string }> | undefined;

  constructor(private readonly db: Db) {}

  get(key: string): string | null {
    this.getStmt ??= this.db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
    return this.getStmt.get(key)?.value ?? null;
  }

  set(key: string, value: string): void {
    this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  getOrCreate(key: string, create: () => string): string {
    const existing = this.get(key);
    if (existing !== null) return existing;
    const value = create();
    this.set(key, value);
    return value;
  }
}
