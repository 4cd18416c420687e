import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CommerceRepo } from './commerce-repo.js';
import { openDatabase, type Db } from './database.js';
import { SessionsRepo } from './sessions-repo.js';

let dir: string;
let db: Db;
afterEach(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('CommerceRepo.timeline', () => {
  it('downsamples a 12-hour session to at most maxPoints buckets (peak online, last GMV)', () => {
    dir = mkdtempSync(join(tmpdir(), 'livedesk-timeline-'));
    db = openDatabase(join(dir, 'desk.sqlite'));
    const start = Date.UTC(2026, 10, 1, 8);
    const session = new SessionsRepo(db).create({ title: 't', rehearsal: false, startedAt: start });
    const commerce = new CommerceRepo(db);
    const seconds = 12 * 3600;
    db.transaction(() => {
      for (let s = 0; s < seconds; s++) commerce.writeSecond(session.id, start / 1000 + s, s === 1234 ? 9_999 : 100, s * 10, s);
    })();
    const { bucketMs, points } = commerce.timeline(session.id, start, start + seconds * 1000, 2000);
    expect(bucketMs).toBe(22_000);
    expect(points.length).toBeLessThanOrEqual(2000);
    expect(points.length).toBeGreaterThan(1900);
    expect(Math.max(...points.map((p) => p.online ?? 0))).toBe(9_999);
    expect(points.at(-1)).toMatchObject({ gmvFen: (seconds - 1) * 10, orders: seconds - 1 });
  });
});
