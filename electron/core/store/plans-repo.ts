import { randomUUID } from 'node:crypto';
import { pacingRulesSchema, planItemSchema, type Plan } from '../contract/index.js';
import type { Db } from './database.js';
import { storedJson } from './stored-json.js';

interface PlanRow {
  id: string;
  name: string;
  items: string;
  pacing: string;
  created_at: number;
  updated_at: number;
}

// Parsing again on read fills defaults added by later versions; a damaged column reads as an empty
// plan (reported once) that the planner can still open and save, instead of failing every list.
const toPlan = (r: PlanRow): Plan => ({
  id: r.id,
  name: r.name,
  items: storedJson(r.items, planItemSchema.array(), `show_plans.items of ${r.id}`) ?? [],
  pacing: storedJson(r.pacing, pacingRulesSchema, `show_plans.pacing of ${r.id}`) ?? pacingRulesSchema.parse({}),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export type PlanFields = Pick<Plan, 'name' | 'items' | 'pacing'>;

/** Show plans (run-of-show), newest edit first. */
export class PlansRepo {
  constructor(private readonly db: Db) {}

  list(): Plan[] {
    return this.db.prepare<[], PlanRow>('SELECT * FROM show_plans ORDER BY updated_at DESC, rowid DESC').all().map(toPlan);
  }

  get(id: string): Plan | null {
    const row = this.db.prepare<[string], PlanRow>('SELECT * FROM show_plans WHERE id = ?').get(id);
    return row ? toPlan(row) : null;
  }

  insert(p: PlanFields, now: number): Plan {
    const id = `plan-${randomUUID().slice(0, 8)}`;
    this.db
      .prepare('INSERT INTO show_plans (id, name, items, pacing, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, p.name, JSON.stringify(p.items), JSON.stringify(p.pacing), now, now);
    return this.get(id) as Plan;
  }

  update(id: string, p: PlanFields, now: number): Plan | null {
    const info = this.db
      .prepare('UPDATE show_plans SET name = ?, items = ?, pacing = ?, updated_at = ? WHERE id = ?')
      .run(p.name, JSON.stringify(p.items), JSON.stringify(p.pacing), now, id);
    return info.changes === 1 ? this.get(id) : null;
  }

  remove(id: string): boolean {
    return this.db.prepare('DELETE FROM show_plans WHERE id = ?').run(id).changes === 1;
  }
}
