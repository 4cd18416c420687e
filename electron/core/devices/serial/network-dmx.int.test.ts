import { createSocket, type Socket } from 'node:dgram';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDeskFixture, type DeskFixture } from '../../testing/desk-fixture.js';

/** A network DMX node on loopback: a real UDP socket that keeps every datagram it receives. */
async function startNode(): Promise<{ socket: Socket; port: number; packets: Buffer[]; next: (match: (p: Buffer) => boolean) => Promise<Buffer> }> {
  const socket = createSocket('udp4');
  const packets: Buffer[] = [];
  const waiters = new Set<{ match: (p: Buffer) => boolean; resolve: (p: Buffer) => void }>();
  socket.on('message', (msg) => {
    packets.push(msg);
    for (const w of waiters) {
      if (!w.match(msg)) continue;
      waiters.delete(w);
      w.resolve(msg);
    }
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const next = (match: (p: Buffer) => boolean) => new Promise<Buffer>((resolve) => waiters.add({ match, resolve }));
  return { socket, port: (socket.address() as AddressInfo).port, packets, next };
}

const hex = (b: Buffer, from: number, to: number) => b.subarray(from, to).toString('hex');

describe('network DMX (sACN, Art-Net) to a UDP node on loopback', () => {
  let fx: DeskFixture;
  let sacn: Awaited<ReturnType<typeof startNode>>;
  let artnet: Awaited<ReturnType<typeof startNode>>;

  beforeAll(async () => {
    sacn = await startNode();
    artnet = await startNode();
    fx = await startDeskFixture();
    const put = await fx.api('PUT', '/devices', [
      { id: 'wash', name: '顶光', kind: 'sacn', host: '127.0.0.1', port: sacn.port, universe: 7, priority: 120 },
      { id: 'node2', kind: 'artnet', host: '127.0.0.1', port: artnet.port, universe: 0x0123 },
    ]);
    expect(put.status).toBe(200);
    // GET /devices gives back exactly what was saved (so the UI can PUT it again); the state says where packets go.
    expect(put.body.map((d: { kind: string; live: { status: string } }) => d.kind)).toEqual(['sacn', 'artnet']);
    expect(fx.desk.hub.state.serial?.map((d) => d.path)).toEqual([`udp://127.0.0.1:${sacn.port}`, `udp://127.0.0.1:${artnet.port}`]);
    expect((await fx.api('PUT', '/devices/cues', [{ name: 'product', channels: { '1': 255, '3': 64, '512': 9 }, fadeMs: 0 }])).status).toBe(200);
  });

  afterAll(async () => {
    await fx?.close();
    sacn?.socket.close();
    artnet?.socket.close();
  });

  it('shows both nodes sending (UDP cannot confirm, so never "open") with the last frame time, and refuses a universe the protocol cannot address', async () => {
    const state = await fx.waitForState((s) => (s.serial ?? []).filter((d) => d.live.status === 'sending' && typeof d.live.lastFrameAt === 'number').length === 2);
    expect((state.serial ?? []).map((d) => d.live.status)).toEqual(['sending', 'sending']);
    // A node the desk is sending to is connected as far as /health can know (issue 16).
    const health = await fx.api('GET', '/health');
    expect(health.body.devices).toEqual(expect.arrayContaining([{ id: 'wash', kind: 'sacn', connected: true }, { id: 'node2', kind: 'artnet', connected: true }]));
    const bad = await fx.api('PUT', '/devices', [{ id: 'x', kind: 'sacn', universe: 0 }]);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/0\.universe: sACN universes are 1–63999/);
    expect((await fx.api('GET', '/devices')).body).toHaveLength(2);
  });

  it('fires a cue: the sACN node receives an E1.31 packet with the exact layout', async () => {
    const lit = (p: Buffer) => p.length === 638 && p[126] === 255;
    const first = sacn.next(lit);
    const res = await fx.api('POST', '/actions', { type: 'light.cue', cue: 'product' });
    expect(res.body.result).toEqual({ cue: 'product', devices: ['wash', 'node2'] });
    const p = await first;
    expect(hex(p, 0, 22)).toBe('0010' + '0000' + '4153432d45312e3137000000' + '726e' + '00000004');
    expect(hex(p, 38, 44)).toBe('7258' + '00000002');
    expect(p.subarray(44, 108).toString('utf8').replace(/\0+$/, '')).toBe('LiveDesk 顶光');
    expect(p[108]).toBe(120); // priority
    expect(hex(p, 109, 111)).toBe('0000'); // no sync universe
    expect(p[112]).toBe(0); // options
    expect(hex(p, 113, 115)).toBe('0007'); // universe 7
    expect(hex(p, 115, 126)).toBe('720b' + '02' + 'a1' + '0000' + '0001' + '0201' + '00');
    const slots = p.subarray(126);
    expect([slots[0], slots[1], slots[2], slots[511]]).toEqual([255, 0, 64, 9]);
    expect(slots.filter((v) => v !== 0)).toHaveLength(3);
    // The CID is the same 16 bytes in every packet of this source, and sequences count up by one.
    const second = await sacn.next((q) => lit(q) && q[111] === ((p[111] as number) + 1) % 256);
    expect(hex(second, 22, 38)).toBe(hex(p, 22, 38));
  });

  it('the Art-Net node receives ArtDmx with the port-address and sequence', async () => {
    const p = await artnet.next((q) => q.length === 530 && q[18] === 255);
    expect(hex(p, 0, 12)).toBe('4172742d4e657400' + '0050' + '000e');
    expect(p[12]).toBeGreaterThanOrEqual(1);
    expect(hex(p, 13, 18)).toBe('00' + '23' + '01' + '0200');
    expect([p[18], p[19], p[20], p[529]]).toEqual([255, 0, 64, 9]);
    const next = await artnet.next((q) => q[12] === ((p[12] as number) % 255) + 1);
    expect(next.subarray(18).equals(p.subarray(18))).toBe(true);
  });

  it('blackout reaches the nodes, and removing the sACN node terminates its stream', async () => {
    // A user cue may not take the built-in name: it would leave the lights on at "blackout".
    const taken = await fx.api('PUT', '/devices/cues', [{ name: 'Blackout', channels: { '1': 255 }, fadeMs: 0 }]);
    expect(taken.status).toBe(400);
    expect(taken.body.error.message).toMatch(/built-in cue/);
    const dark = sacn.next((p) => p[126] === 0 && p[128] === 0 && p[637] === 0);
    await fx.api('POST', '/actions', { type: 'light.cue', cue: 'blackout' });
    await dark;
    const before = sacn.packets.length;
    expect((await fx.api('PUT', '/devices', [{ id: 'node2', kind: 'artnet', host: '127.0.0.1', port: artnet.port, universe: 0x0123 }])).status).toBe(200);
    await expect.poll(() => sacn.packets.slice(before).filter((p) => p[112] === 0x40).length).toBe(3);
    const sequences = sacn.packets.slice(before).filter((p) => p[112] === 0x40).map((p) => p[111] as number);
    expect(sequences[1]).toBe(((sequences[0] as number) + 1) % 256);
  });
});
