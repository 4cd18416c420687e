import { createSocket } from 'node:dgram';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { UdpTransport } from './udp-transport.js';

describe('UdpTransport', () => {
  it('opens once bound, delivers datagrams to the node, and refuses writes once closed', async () => {
    const node = createSocket('udp4');
    await new Promise<void>((resolve) => node.bind(0, '127.0.0.1', resolve));
    const received = new Promise<Buffer>((resolve) => node.once('message', resolve));
    const t = new UdpTransport({ host: '127.0.0.1', port: (node.address() as AddressInfo).port });
    const open = new Promise<void>((resolve) => t.onState((s) => s.status === 'open' && resolve()));
    t.start();
    await open;
    await t.write(Uint8Array.from([1, 2, 3]));
    expect([...(await received)]).toEqual([1, 2, 3]);
    await expect(t.setBreak()).rejects.toThrow(/no break line/);
    await t.close();
    expect(t.state.status).toBe('closed');
    await expect(t.write(Uint8Array.from([4]))).rejects.toThrow(/closed/);
    node.close();
  });
});
