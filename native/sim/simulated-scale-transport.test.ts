import { describe, expect, it } from 'vitest';
import { ScaleDecoder } from '../serial/scale/scale-decoder.js';
import { SimulatedScaleTransport } from './simulated-scale-transport.js';

describe('SimulatedScaleTransport', () => {
  it('streams frames of its protocol, runs its script and obeys tare', async () => {
    const t = new SimulatedScaleTransport({ protocol: 'and', intervalMs: 10, settleMs: 30, noiseGrams: 4, script: { weights: [250.5], heldMs: 150, emptyMs: 100 } });
    const decoder = new ScaleDecoder('and', { unit: 'g', stableCount: 2, stableToleranceGrams: 0 });
    const seen: string[] = [];
    const done = new Promise<void>((resolve) =>
      t.onData((bytes) => {
        for (const e of decoder.push(bytes)) {
          if (e.type !== 'reading') continue;
          const label = `${e.reading.grams}:${e.reading.status}`;
          if (seen.at(-1) !== label) seen.push(label);
          // On, settled, then off again: the whole placement cycle.
          if (seen.includes('250.5:stable') && label === '0:stable' && seen.indexOf('250.5:stable') < seen.length - 1) resolve();
        }
      }),
    );
    t.start();
    expect(t.state.status).toBe('open');
    await done;
    expect(seen[0]).toBe('0:stable');
    expect(seen.some((s) => s.endsWith(':unstable'))).toBe(true);
    expect(decoder.counters.badFrames).toBe(0);
    await t.write(Buffer.from('T\r\n'));
    await t.close();
    expect(t.state.status).toBe('closed');
    await expect(t.write(Buffer.from('Q\r\n'))).rejects.toThrow(/closed/);
  });
});
