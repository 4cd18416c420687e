import { describe, expect, it } from 'vitest';
import { encodeScaleFrame } from './encode-frame.js';
import { ScaleDecoder } from './scale-decoder.js';

describe('simulator frames decode to what was encoded', () => {
  for (const protocol of ['and', 'mt-sics', 'ohaus', 'cas22', 'xk3190', 'xk3190-display'] as const) {
    it(protocol, () => {
      const decoder = new ScaleDecoder(protocol, { unit: 'kg', stableCount: 2 });
      // XK3190 and CAS send kilograms with three decimals: whole grams survive, quarter grams do not.
      const grams = protocol.startsWith('xk3190') || protocol === 'cas22' ? 1234 : 1234.25;
      const frames = [encodeScaleFrame(protocol, { grams, stable: true }), encodeScaleFrame(protocol, { grams, stable: true }), encodeScaleFrame(protocol, { grams: 0, stable: true })];
      // The "=" format ends a frame at the next marker.
      const events = decoder.push(Buffer.concat([...frames, Buffer.from(protocol === 'xk3190-display' ? '=' : '')]));
      const r = events.flatMap((e) => (e.type === 'reading' ? [e.reading] : []));
      expect(r.map((x) => x.grams)).toEqual([grams, grams, 0]);
      expect(r[1]?.status).toBe('stable');
      if (protocol !== 'xk3190-display' && protocol !== 'xk3190') {
        expect(decoder.push(encodeScaleFrame(protocol, { grams: 1, stable: false, overload: true })).map((e) => e.type === 'reading' && e.reading.status)).toEqual(['overload']);
      }
    });
  }
});
