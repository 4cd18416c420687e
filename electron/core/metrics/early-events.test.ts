import { describe, expect, it } from 'vitest';
import { RollupFold } from '../review/rollup-fold.js';
import { replayKpis, type LoggedEvent } from './kpi-replay.js';

// A log written before the live path left out events stamped before the session's start (issue 16)
// may hold them: a resume and the review leave them out all the same, so every surface agrees.
const START = Date.UTC(2026, 2, 3, 12, 0, 0);
const log: LoggedEvent[] = [
  { ts: START - 5_000, kind: 'ingest.snapshot', data: { online: 900, viewersUv: 4_000 } },
  { ts: START - 4_000, kind: 'ingest.order', data: { orderId: 'old', sku: 'A', qty: 1, amount: 9_900, buyer: 'zoe' } },
  { ts: START + 1_000, kind: 'ingest.snapshot', data: { online: 12, viewersUv: 15 } },
  { ts: START + 2_000, kind: 'ingest.order', data: { orderId: 'new', sku: 'A', qty: 1, amount: 2_990, buyer: 'amy' } },
];

describe('events stamped before the session started', () => {
  it('are left out when a session is resumed from its log', () => {
    const t = replayKpis(log, () => false, START);
    expect({ online: t.online, peakOnline: t.peakOnline, gmvFen: t.gmvFen, orders: t.orders }).toEqual({ online: 12, peakOnline: 12, gmvFen: 2_990, orders: 1 });
  });

  it('are left out of the review rollups', () => {
    const fold = new RollupFold(START);
    for (const e of log) fold.add(e.ts, e.kind, JSON.stringify(e.data));
    const rows = [...fold.rows.values()];
    expect(rows.map((r) => r.bucket)).toEqual([0]);
    expect(rows[0]).toMatchObject({ online_max: 12, viewers_cum: 15, gmv_fen: 2_990, orders: 1 });
  });
});
