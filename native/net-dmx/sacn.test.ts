import { describe, expect, it } from 'vitest';
import { cidFromName, encodeSacn, sacnMulticastAddress, SACN_PACKET_BYTES } from './sacn.js';

const hex = (bytes: Uint8Array, from: number, to: number) => Buffer.from(bytes.subarray(from, to)).toString('hex');

describe('sACN (E1.31) data packet', () => {
  const cid = Uint8Array.from({ length: 16 }, (_, i) => 0xa0 + i);
  const channels = new Uint8Array(512);
  channels[0] = 255;
  channels[1] = 128;
  channels[511] = 7;
  const packet = encodeSacn({ cid, sourceName: 'LiveDesk 直播', universe: 0x0102, priority: 150 }, channels, 42);

  it('lays out the root layer as the spec table', () => {
    expect(packet.length).toBe(SACN_PACKET_BYTES);
    // preamble 0x0010, post-amble 0, "ASC-E1.17\0\0\0", flags+length 0x7000|622, VECTOR_ROOT_E131_DATA
    expect(hex(packet, 0, 22)).toBe('00100000' + '4153432d45312e3137000000' + '726e' + '00000004');
    expect(hex(packet, 22, 38)).toBe('a0a1a2a3a4a5a6a7a8a9aaabacadaeaf');
  });

  it('lays out the framing layer: source name, priority, sequence, options, universe', () => {
    expect(hex(packet, 38, 44)).toBe('7258' + '00000002');
    const name = Buffer.from('LiveDesk 直播', 'utf8');
    expect(hex(packet, 44, 44 + name.length)).toBe(name.toString('hex'));
    expect(packet.subarray(44 + name.length, 108).every((b) => b === 0)).toBe(true);
    expect([...packet.subarray(108, 115)]).toEqual([150, 0, 0, 42, 0, 0x01, 0x02]);
  });

  it('lays out the DMP layer and the 512 slots after start code 0', () => {
    expect(hex(packet, 115, 126)).toBe('720b' + '02' + 'a1' + '0000' + '0001' + '0201' + '00');
    expect([...packet.subarray(126, 129)]).toEqual([255, 128, 0]);
    expect(packet[637]).toBe(7);
  });

  it('marks a terminated stream, wraps sequences and refuses impossible universes', () => {
    const last = encodeSacn({ cid, sourceName: 'x', universe: 1, priority: 100 }, new Uint8Array(512), 256, true);
    expect(last[111]).toBe(0);
    expect(last[112]).toBe(0x40);
    expect(() => encodeSacn({ cid, sourceName: 'x', universe: 0, priority: 100 }, channels, 0)).toThrow(/1–63999/);
    expect(() => encodeSacn({ cid, sourceName: 'x', universe: 1, priority: 100 }, new Uint8Array(513), 0)).toThrow(/512 channels/);
  });

  it('cuts long source names on a character boundary and keeps the NUL', () => {
    const p = encodeSacn({ cid, sourceName: '灯'.repeat(40), universe: 1, priority: 100 }, channels, 0);
    // 21 three-byte characters fit in 63 bytes; byte 107 stays the terminating zero.
    expect(Buffer.from(p.subarray(44, 107)).toString('utf8')).toBe('灯'.repeat(21));
    expect(p[107]).toBe(0);
  });

  it('derives multicast groups and stable version-5 CIDs', () => {
    expect(sacnMulticastAddress(1)).toBe('239.255.0.1');
    expect(sacnMulticastAddress(0x0102)).toBe('239.255.1.2');
    const a = cidFromName('dmx1');
    expect(a).toEqual(cidFromName('dmx1'));
    expect(a).not.toEqual(cidFromName('dmx2'));
    expect((a[6] as number) >> 4).toBe(5);
    expect((a[8] as number) & 0xc0).toBe(0x80);
  });
});
