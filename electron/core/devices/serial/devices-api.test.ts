import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDeskFixture, type DeskFixture } from '../../testing/desk-fixture.js';
import { openDatabase } from '../../store/database.js';
import { SerialDevicesRepo } from '../../store/serial-devices-repo.js';

describe('/devices API', () => {
  let f: DeskFixture;
  beforeAll(async () => {
    f = await startDeskFixture();
  });
  afterAll(() => f.close());

  it('starts empty, stores a valid list with defaults filled in, and shows each device status', async () => {
    expect((await f.api('GET', '/devices')).body).toEqual([]);
    const missing = join(f.dir, 'no-such-tty');
    const put = await f.api('PUT', '/devices', [{ id: 'scale1', kind: 'scale', path: missing, protocol: 'xk3190' }, { id: 'off', kind: 'buttons', path: missing, enabled: false }]);
    expect(put.status).toBe(200);
    expect(put.body[0]).toMatchObject({ id: 'scale1', baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1, mode: 'continuous', unit: 'kg' });
    expect(put.body[1].live.status).toBe('disabled');
    await f.waitForState((s) => s.serial?.[0]?.live.status === 'reconnecting');
    const db = openDatabase(join(f.dir, 'desk.sqlite'));
    try {
      expect(new SerialDevicesRepo(db).list().devices.map((d) => d.id)).toEqual(['scale1', 'off']);
    } finally {
      db.close();
    }
    const health = await f.api('GET', '/health');
    expect(health.body.devices).toEqual(expect.arrayContaining([{ id: 'scale1', kind: 'scale', connected: false }]));
  });

  it('refuses an invalid list whole, naming the field', async () => {
    const bad = await f.api('PUT', '/devices', [{ id: 'x', kind: 'scale', path: '/dev/ttyUSB0', protocol: 'nope' }]);
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('0.protocol');
    expect((await f.api('GET', '/devices')).body.map((d: { id: string }) => d.id)).toEqual(['scale1', 'off']);
  });

  it('explains why tare, zero and cues cannot run', async () => {
    const tare = await f.api('POST', '/actions', { type: 'scale.tare' });
    expect(tare.status).toBe(409);
    expect(tare.body.error.message).toMatch(/no tare command/);
    const cue = await f.api('POST', '/actions', { type: 'light.cue', cue: 'warm' });
    expect(cue.status).toBe(404);
    expect((await f.api('PUT', '/devices/cues', [{ name: 'warm', channels: { '600': 1 } }])).status).toBe(400);
    expect((await f.api('PUT', '/devices/cues', [{ name: 'warm', channels: { '1': 200 }, fadeMs: 1500 }])).body).toEqual([{ name: 'warm', channels: { '1': 200 }, fadeMs: 1500 }]);
    expect((await f.api('POST', '/actions', { type: 'light.cue', cue: 'warm' })).body.error.message).toMatch(/no DMX device/);
    expect(Array.isArray((await f.api('GET', '/devices/ports')).body)).toBe(true);
  });
});
