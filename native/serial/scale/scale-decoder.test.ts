import { describe, expect, it } from 'vitest';
import { ScaleDecoder, type ScaleEvent, type ScaleReading } from './scale-decoder.js';
import { encodeXk3190, encodeXk3190Display, xk3190Checksum } from './xk3190.js';
import { fromGrams, toGrams } from './units.js';

const bytes = (text: string) => Buffer.from(text, 'latin1');
const hex = (text: string) => Buffer.from(text.replace(/ /g, ''), 'hex');
const readings = (events: ScaleEvent[]): ScaleReading[] => events.flatMap((e) => (e.type === 'reading' ? [e.reading] : []));
const feed = (decoder: ScaleDecoder, ...chunks: Uint8Array[]) => chunks.flatMap((c) => decoder.push(c));

describe('A&D', () => {
  const d = () => new ScaleDecoder('and', { unit: 'g' });
  it('reads stable, unstable and overload frames', () => {
    const r = readings(feed(d(), bytes('ST,+00123.45  g\r\nUS,-00001.20 kg\r\nQT,+00000.00  g\r\nOL,+9999999E+19\r\n')));
    expect(r).toEqual([
      { grams: 123.45, value: 123.45, unit: 'g', status: 'stable', net: false },
      { grams: -1200, value: -1.2, unit: 'kg', status: 'unstable', net: false },
      { grams: 0, value: 0, unit: 'g', status: 'stable', net: false },
      { grams: null, value: null, unit: 'g', status: 'overload', net: false },
    ]);
  });
  it('joins a frame split over reads, byte by byte', () => {
    const decoder = d();
    const events = [...bytes('ST,+00123.45  g\r\n')].flatMap((b) => decoder.push(Uint8Array.of(b)));
    expect(readings(events).map((r) => r.grams)).toEqual([123.45]);
  });
  it('counts a truncated frame and never reads its fragment', () => {
    const decoder = d();
    const r = readings(feed(decoder, bytes('ST,+001\r\n23.45  g\r\nST,+00002.00  g\r\n')));
    expect(r.map((x) => x.grams)).toEqual([2]);
    expect(decoder.counters.badFrames).toBe(2);
  });
});

describe('MT-SICS', () => {
  it('reads S S / S D, overload, errors and acks', () => {
    const decoder = new ScaleDecoder('mt-sics', { unit: 'g' });
    const events = feed(decoder, bytes('S S      12.34 g\r\nS D     100.5 g\r\nS +\r\nS I\r\nES\r\nZ A\r\n'));
    expect(readings(events).map((r) => [r.grams, r.status])).toEqual([[12.34, 'stable'], [100.5, 'unstable'], [null, 'overload']]);
    expect(events.filter((e) => e.type === 'error')).toHaveLength(2);
    expect(events.filter((e) => e.type === 'ack')).toEqual([{ type: 'ack', text: 'Z A' }]);
  });
});

describe('OHAUS', () => {
  it('reads the ? unstable flag, net and pounds', () => {
    const decoder = new ScaleDecoder('ohaus', { unit: 'g' });
    const r = readings(feed(decoder, bytes('     192.21 g\r\n     192.25 g ?\r\n      1.50 lb N\r\n')));
    expect(r.map((x) => [x.grams, x.status, x.net])).toEqual([[192.21, 'stable', false], [192.25, 'unstable', false], [680.388555, 'stable', true]]);
  });
});

describe('CAS 22-byte', () => {
  const frame = (header: string, kind: string, lamp: number, data: string, unit = 'kg') => Buffer.concat([bytes(`${header},${kind},1`), Uint8Array.of(lamp), bytes(`,${data} ${unit}\r\n`)]);
  it('reads 22-byte frames with the lamp byte', () => {
    const decoder = new ScaleDecoder('cas22', { unit: 'kg' });
    expect(frame('ST', 'GS', 0xc0, '  1.234 ')).toHaveLength(22);
    const r = readings(feed(decoder, frame('ST', 'GS', 0xc0, '   1.234'), frame('US', 'NT', 0x80, '   0.500'), frame('ST', 'GS', 0x80, '   1.234'), frame('OL', 'GS', 0x80, '--------')));
    expect(r.map((x) => [x.grams, x.status, x.net])).toEqual([[1234, 'stable', false], [500, 'unstable', true], [1234, 'unstable', false], [null, 'overload', false]]);
  });
  it('refuses a lamp byte without bit 7', () => {
    const decoder = new ScaleDecoder('cas22', { unit: 'kg' });
    expect(readings(feed(decoder, frame('ST', 'GS', 0x40, '   1.234')))).toEqual([]);
    expect(decoder.counters.badFrames).toBe(1);
  });
});

describe('XK3190 continuous', () => {
  it('reads the real captures', () => {
    const decoder = new ScaleDecoder('xk3190', { unit: 'kg', stableCount: 2 });
    const r = readings(feed(decoder, hex('02 2B 30 30 31 35 36 30 30 31 39 03'), hex('02 2B 30 30 31 35 36 30 30 31 39 03'), hex('02 2B 30 30 30 30 30 30 30 31 42 03')));
    expect(r.map((x) => [x.grams, x.status])).toEqual([[1_560_000, 'unstable'], [1_560_000, 'stable'], [0, 'unstable']]);
  });
  it('counts a bad checksum and yields no weight', () => {
    const decoder = new ScaleDecoder('xk3190', { unit: 'kg' });
    expect(readings(feed(decoder, hex('02 2B 30 30 31 35 36 30 30 31 41 03')))).toEqual([]);
    expect(decoder.counters.badChecksums).toBe(1);
  });
  it('handles merged frames, split frames and garbage between them', () => {
    const decoder = new ScaleDecoder('xk3190', { unit: 'g', stableCount: 3 });
    const f = encodeXk3190(12.5, 1);
    const stream = Buffer.concat([bytes('\xff\x00junk'), f, f, bytes('\x02+12'), f, f]);
    const r = readings([...stream].flatMap((_, i, all) => (i % 5 === 4 || i === all.length - 1 ? decoder.push(stream.subarray(i - (i % 5), i + 1)) : [])));
    expect(r.map((x) => x.grams)).toEqual([12.5, 12.5, 12.5, 12.5]);
    expect(r.at(-1)?.status).toBe('stable');
    expect(decoder.counters.garbageBytes).toBe(6);
    expect(decoder.counters.badFrames).toBe(1);
  });
  it('encodes the checksum as two upper-case hex digits', () => {
    expect(xk3190Checksum('+0015600')).toBe('19');
    expect(Buffer.from(encodeXk3190(1560, 0)).toString('hex')).toBe('022b3030313536303031390' + '3');
  });
});

describe('XK3190 "=" display format', () => {
  it('reverses the digits and splits on "="', () => {
    const decoder = new ScaleDecoder('xk3190-display', { unit: 'kg', stableCount: 2 });
    const r = readings(feed(decoder, bytes('=000.3000=000.3'), bytes('000=52.1000-=')));
    expect(r.map((x) => [x.value, x.status])).toEqual([[3, 'unstable'], [3, 'stable'], [-1.25, 'unstable']]);
    expect(Buffer.from(encodeXk3190Display(3, 3)).toString('latin1')).toBe('=000.3000');
  });
});

describe('custom format', () => {
  const custom = { pattern: '^(?<status>[A-Z]{2}):(?<weight>[-+ 0-9.]+)(?<unit>kg|g)$', stable: ['OK'], unstable: ['MV'], overload: ['OV'] };
  it('maps named groups and status texts', () => {
    const decoder = new ScaleDecoder('custom', { unit: 'g', custom });
    const r = readings(feed(decoder, bytes('OK: 1.5kg\nMV:12g\nOV:0g\nXX:1g\n')));
    expect(r.map((x) => [x.grams, x.status])).toEqual([[1500, 'stable'], [12, 'unstable'], [null, 'overload']]);
    expect(decoder.counters.badFrames).toBe(1);
    expect(decoder.protocol.commands).toEqual({});
  });
  it('derives stability when the format has no status', () => {
    const decoder = new ScaleDecoder('custom', { unit: 'g', stableCount: 2, custom: { pattern: '^W(?<weight>\\d+)$', stable: [], unstable: [], overload: [] } });
    expect(readings(feed(decoder, bytes('W5\nW5\n'))).map((x) => x.status)).toEqual(['unstable', 'stable']);
  });
});

describe('units and commands', () => {
  it('converts without binary noise', () => {
    expect(toGrams(123.45, 'kg')).toBe(123450);
    expect(toGrams(1, 'jin')).toBe(500);
    expect(fromGrams(500, 'kg')).toBe(0.5);
  });
  it('encodes tare and zero per protocol', () => {
    const text = (id: 'and' | 'mt-sics' | 'ohaus' | 'xk3190') => {
      const c = new ScaleDecoder(id, { unit: 'g' }).protocol.commands;
      return [c.tare, c.zero].map((b) => (b ? Buffer.from(b).toString('latin1') : null));
    };
    expect(text('and')).toEqual(['T\r\n', 'Z\r\n']);
    expect(text('mt-sics')).toEqual(['T\r\n', 'Z\r\n']);
    expect(text('ohaus')).toEqual(['T\r\n', 'Z\r\n']);
    expect(text('xk3190')).toEqual([null, null]);
  });
});
