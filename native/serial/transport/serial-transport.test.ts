import { afterEach, describe, expect, it } from 'vitest';
import { SerialPortMock } from 'serialport';
import type { TransportState } from './byte-transport.js';
import { SerialTransport, type PortLike } from './serial-transport.js';

const PATH = '/dev/fake-scale';
const settings = { path: PATH, baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 } as const;

function waitState(t: SerialTransport, predicate: (s: TransportState) => boolean): Promise<TransportState> {
  return new Promise((resolve) => {
    if (predicate(t.state)) return resolve(t.state);
    const off = t.onState((s) => {
      if (!predicate(s)) return;
      off();
      resolve(s);
    });
  });
}

describe('SerialTransport (SerialPortMock)', () => {
  const opened: SerialPortMock[] = [];
  const make = (silenceMs: number | null) =>
    new SerialTransport({
      settings,
      silenceMs,
      backoff: { initialMs: 20, maxMs: 100 },
      portFactory: (options) => {
        const port = new SerialPortMock(options);
        opened.push(port);
        return port as unknown as PortLike;
      },
    });
  let transport: SerialTransport | null = null;

  afterEach(async () => {
    await transport?.close();
    opened.length = 0;
    SerialPortMock.binding.reset();
  });

  it('opens with the line settings, delivers data and writes', async () => {
    SerialPortMock.binding.createPort(PATH, { record: true });
    transport = make(null);
    const got: Buffer[] = [];
    transport.onData((b) => got.push(Buffer.from(b)));
    transport.start();
    await waitState(transport, (s) => s.status === 'open');
    const port = opened[0] as SerialPortMock;
    expect(port.port?.openOptions).toMatchObject({ baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 });
    const arrived = new Promise<void>((resolve) => transport?.onData(() => resolve()));
    port.port?.emitData(Buffer.from('ST,+00001.00  g\r\n'));
    await arrived;
    expect(Buffer.concat(got).toString()).toBe('ST,+00001.00  g\r\n');
    await transport.write(Buffer.from('T\r\n'));
    expect(port.port?.recording.toString()).toBe('T\r\n');
  });

  it('shows a silent port as no-data, and open again when bytes come', async () => {
    SerialPortMock.binding.createPort(PATH);
    transport = make(200);
    transport.start();
    const silent = await waitState(transport, (s) => s.status === 'no-data');
    expect(silent.reason).toMatch(/no data for 0.2 s/);
    opened[0]?.port?.emitData(Buffer.from('x'));
    await waitState(transport, (s) => s.status === 'open');
  });

  it('reconnects with backoff after an unplug, once the port is back', async () => {
    SerialPortMock.binding.createPort(PATH);
    transport = make(null);
    transport.start();
    await waitState(transport, (s) => s.status === 'open');
    SerialPortMock.binding.reset();
    (opened[0] as unknown as { _disconnected(e: Error): void })._disconnected(new Error('device reports readiness to read but returned no data'));
    const lost = await waitState(transport, (s) => s.status === 'reconnecting');
    expect(lost.reason).toMatch(/unplugged/);
    expect(lost.retryAt).not.toBeNull();
    // The next attempts fail (no port) and stay "reconnecting" until it comes back.
    await waitState(transport, (s) => s.status === 'reconnecting' && /does not exist/.test(s.reason ?? ''));
    SerialPortMock.binding.createPort(PATH);
    await waitState(transport, (s) => s.status === 'open');
    expect(opened.length).toBeGreaterThan(2);
  });

  it('reports a port that never existed, and refuses writes while closed', async () => {
    transport = make(null);
    transport.start();
    const s = await waitState(transport, (x) => x.status === 'reconnecting');
    expect(s.reason).toMatch(/does not exist/);
    await expect(transport.write(Buffer.from('x'))).rejects.toThrow(/reconnecting/);
  });
});
