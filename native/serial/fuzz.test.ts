import { describe, expect, it } from 'vitest';
import { SCALE_PROTOCOLS, type ScaleProtocolId } from '../../electron/core/contract/devices.js';
import { ScaleDecoder } from './scale/scale-decoder.js';
import { encodeXk3190, encodeXk3190Display } from './scale/xk3190.js';
import { ButtonLineDecoder } from './buttons/button-codec.js';

/** mulberry32: a seeded generator so a failing run can be replayed exactly. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const randomBytes = (next: () => number, n: number) => Uint8Array.from({ length: n }, () => Math.floor(next() * 256));
const custom = { pattern: '^(?<status>ST|US),(?<weight>[-+][0-9.]{7})(?<unit>kg)$', stable: ['ST'], unstable: ['US'], overload: ['OL'] };
const decoderFor = (id: ScaleProtocolId) => new ScaleDecoder(id, { unit: 'kg', custom });

/** One valid frame of 2.5 kg per protocol. */
const FRAMES: Record<ScaleProtocolId, Uint8Array> = {
  and: Buffer.from('ST,+00002.50 kg\r\n', 'latin1'),
  'mt-sics': Buffer.from('S S       2.50 kg\r\n', 'latin1'),
  ohaus: Buffer.from('      2.50 kg\r\n', 'latin1'),
  cas22: Buffer.from('ST,GS,1\xc0,   2.500 kg\r\n', 'latin1'),
  xk3190: encodeXk3190(2.5, 3),
  'xk3190-display': encodeXk3190Display(2.5, 3),
  custom: Buffer.from('ST,+002.500kg\r\n', 'latin1'),
};

describe('fuzz: random bytes into every parser', () => {
  for (const id of SCALE_PROTOCOLS) {
    it(`${id}: never throws and never reads a weight out of noise`, () => {
      const next = rng(0x5eed ^ id.length);
      const decoder = decoderFor(id);
      let weights = 0;
      for (let i = 0; i < 2000; i++) {
        const events = decoder.push(randomBytes(next, 1 + Math.floor(next() * 64)));
        for (const e of events) if (e.type === 'reading' && e.reading.grams !== null) weights++;
      }
      expect(weights).toBe(0);
      const c = decoder.counters;
      expect(c.garbageBytes + c.badFrames + c.badChecksums).toBeGreaterThan(0);
    });

    it(`${id}: valid frames among noise, split anywhere, read only as the true weight`, () => {
      const next = rng(0xf00d + id.length);
      const decoder = decoderFor(id);
      const parts: Uint8Array[] = [];
      for (let i = 0; i < 300; i++) {
        parts.push(FRAMES[id]);
        // Noise without frame starts or terminators, so it can only spoil the frame it touches.
        if (next() < 0.3) parts.push(randomBytes(next, 1 + Math.floor(next() * 20)).map((b) => (b < 0x0e || b === 0x3d ? 0x7f : b)));
      }
      const stream = Buffer.concat(parts);
      const grams: (number | null)[] = [];
      for (let at = 0; at < stream.length; ) {
        const size = 1 + Math.floor(next() * 40);
        for (const e of decoder.push(stream.subarray(at, at + size))) if (e.type === 'reading') grams.push(e.reading.grams);
        at += size;
      }
      expect(grams.length).toBeGreaterThan(100);
      expect(new Set(grams)).toEqual(new Set([2500]));
    });
  }

  it('button lines: never throw, only well-formed presses', () => {
    const next = rng(42);
    const decoder = new ButtonLineDecoder(16);
    for (let i = 0; i < 2000; i++) {
      for (const e of decoder.push(randomBytes(next, 1 + Math.floor(next() * 64)))) {
        if (e.type === 'button') expect(e.button).toBeGreaterThanOrEqual(1);
      }
    }
  });
});
