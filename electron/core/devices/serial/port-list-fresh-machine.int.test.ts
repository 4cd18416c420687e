import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PORTS_DEGRADED_HEADER } from '../../contract/index.js';
import { startCoreProcess, type CoreProcess } from '../../testing/core-process.js';
import { listSerialPorts, onPath } from './port-list.js';

/**
 * A fresh Debian without udev (issue 13): listing serial ports spawned `udevadm`, which is missing,
 * and `GET /devices/ports` answered 500. The core runs with a PATH that holds only node, as a machine
 * without udev would; the list degrades to a scan of /dev and says why.
 */
const dirs: string[] = [];
let core: CoreProcess | undefined;
afterAll(async () => {
  await core?.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('serial ports without udev', () => {
  it('GET /devices/ports answers the scanned list and says why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'livedesk-noudev-'));
    dirs.push(dir);
    const env = { ...process.env, PATH: dirname(process.execPath) };
    expect(onPath('udevadm', env)).toBe(false);
    core = await startCoreProcess(['--data-dir', dir, '--port', '0', '--obs-url', 'ws://127.0.0.1:9'], { env });
    const res = await fetch(`${core.url}/api/v1/devices/ports`, { headers: { authorization: `Bearer ${core.token}` } });
    expect(res.status).toBe(200);
    expect(Array.isArray(await res.json())).toBe(true);
    expect(res.headers.get(PORTS_DEGRADED_HEADER)).toMatch(/udevadm.*scanning \/dev\/serial\/by-id/);
  });

  it('finds adapters by id and by node name, each once', async () => {
    const dev = mkdtempSync(join(tmpdir(), 'livedesk-dev-'));
    dirs.push(dev);
    for (const n of ['ttyUSB0', 'ttyACM3', 'ttyS0', 'tty1']) writeFileSync(join(dev, n), '');
    mkdirSync(join(dev, 'serial', 'by-id'), { recursive: true });
    symlinkSync('../../ttyUSB0', join(dev, 'serial', 'by-id', 'usb-FTDI_FT232R-if00-port0'));
    symlinkSync('../../ttyUSB9', join(dev, 'serial', 'by-id', 'usb-gone-if00-port0'));
    const listing = await listSerialPorts({ devDir: dev, env: { PATH: '/nonexistent' }, platform: 'linux' });
    expect(listing.ports.map((p) => p.path)).toEqual([join(dev, 'ttyACM3'), join(dev, 'ttyUSB0')]);
    expect(listing.degraded).toMatch(/udevadm/);
  });

  it('degrades the same way when the OS listing fails', async () => {
    const listing = await listSerialPorts({ devDir: '/nonexistent', platform: 'linux', list: () => Promise.reject(new Error('spawn udevadm ENOENT')) });
    expect(listing).toEqual({ ports: [], degraded: expect.stringMatching(/spawn udevadm ENOENT/) });
  });
});
