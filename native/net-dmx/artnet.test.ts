import { describe, expect, it } from 'vitest';
import { encodeArtDmx, nextArtnetSequence } from './artnet.js';

describe('Art-Net ArtDmx packet', () => {
  it('has the ID, little-endian OpCode, version 14, sequence, port-address and big-endian length', () => {
    const channels = new Uint8Array(512);
    channels[0] = 10;
    channels[511] = 250;
    const p = encodeArtDmx(0x1234, channels, 7);
    expect(p.length).toBe(530);
    expect(Buffer.from(p.subarray(0, 18)).toString('hex')).toBe(
      '4172742d4e657400' + // "Art-Net\0"
        '0050' + // OpDmx 0x5000, low byte first
        '000e' + // ProtVer 14
        '07' + // sequence
        '00' + // physical
        '34' + // SubUni
        '12' + // Net
        '0200', // length 512, high byte first
    );
    expect(p[18]).toBe(10);
    expect(p[529]).toBe(250);
  });

  it('keeps Net to 7 bits, refuses bad port-addresses and wraps the sequence past 0', () => {
    expect(() => encodeArtDmx(0x8000, new Uint8Array(512), 1)).toThrow(/0–32767/);
    expect(encodeArtDmx(0x7fff, new Uint8Array(512), 1)[15]).toBe(0x7f);
    expect(nextArtnetSequence(1)).toBe(2);
    expect(nextArtnetSequence(255)).toBe(1);
  });
});
