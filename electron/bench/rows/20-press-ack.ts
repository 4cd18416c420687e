import { pressSamples } from '../fixtures/press-samples.js';
import { percentile } from '../stats.js';
import type { BenchRow } from '../types.js';

const BUDGET_RATIO = 1.2;

/** Key press → OBS acknowledged, against a bare obs-websocket-js round trip to the same OBS. */
export const row: BenchRow = {
  id: 'press-ack',
  what: 'key press → OBS acknowledged, vs a bare obs-websocket-js call',
  budget: '≤ 1.2× at p50 and p99',
  async run(ctx) {
    const s = await pressSamples(ctx);
    const note = `${s.deskAck.length} presses on the virtual deck against ${s.server}, interleaved with bare calls`;
    return [50, 99].map((p) => {
      const value = percentile(s.deskAck, p);
      const floor = percentile(s.bareAck, p);
      return { part: `p${p}`, value, unit: 'ms', floor, floorWhat: 'bare obs-websocket-js round trip', meets: value <= floor * BUDGET_RATIO, note };
    });
  },
};
