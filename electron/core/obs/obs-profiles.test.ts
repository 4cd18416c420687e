import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startObsSim, type ObsSim } from '../../../native/sim/obs-sim.js';
import { startDeskFixture, type DeskFixture } from '../testing/desk-fixture.js';

let f: DeskFixture;
let studioB: ObsSim;
beforeEach(async () => {
  f = await startDeskFixture();
  studioB = await startObsSim({ password: 'studio-b-pass', scenes: ['B 开场', 'B 暂离 BRB'] });
});
afterEach(async () => {
  await f.close();
  await studioB.close({ abrupt: true });
});

describe('OBS profiles', () => {
  it('keeps passwords in the 0600 secrets file only, and switches the desk to the activated profile', async () => {
    const secretsFile = join(f.dir, 'secrets.json');
    writeFileSync(secretsFile, JSON.stringify({ token: 'kept-token-0123456789', overlayToken: 'kept-overlay-0123456789' }), { mode: 0o600 });

    const saved = await f.api('PUT', '/obs/profiles/studio-b', { name: '直播间 B', url: studioB.url, password: 'wrong' });
    expect(saved).toMatchObject({ status: 200, body: { active: null, profiles: [{ id: 'studio-b', name: '直播间 B', url: studioB.url, hasPassword: true }] } });
    expect(JSON.stringify(saved.body)).not.toContain('wrong');
    expect(statSync(secretsFile).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(secretsFile, 'utf8'))).toEqual({ token: 'kept-token-0123456789', overlayToken: 'kept-overlay-0123456789', obsProfilePasswords: { 'studio-b': 'wrong' } });
    expect(JSON.stringify(f.desk.hub.state)).not.toContain('wrong');

    expect((await f.api('POST', '/obs/profiles/studio-b/activate')).body.active).toBe('studio-b');
    const refused = await f.waitForState((s) => s.obs.url === studioB.url && s.obs.status === 'auth-failed');
    expect(refused.obs.reason).toMatch(/refused the password/);

    // Correcting the active profile's password reconnects at once (auth failures are not retried).
    await f.api('PUT', '/obs/profiles/studio-b', { name: '直播间 B', url: studioB.url, password: 'studio-b-pass' });
    const up = await f.waitForState((s) => s.obs.url === studioB.url && s.obs.status === 'connected');
    expect(up.obs.scenes).toEqual(['B 开场', 'B 暂离 BRB']);
    await f.api('POST', '/actions', { type: 'obs.safe' });
    expect(studioB.programScene()).toBe('B 暂离 BRB');
    expect(f.sim.programScene()).toBe('Opening');

    // Omitting the password keeps it.
    await f.api('PUT', '/obs/profiles/studio-b', { name: '直播间 B (备用)', url: studioB.url });
    expect(JSON.parse(readFileSync(secretsFile, 'utf8')).obsProfilePasswords).toEqual({ 'studio-b': 'studio-b-pass' });
    expect((await f.api('DELETE', '/obs/profiles/studio-b')).status).toBe(409);

    // Back to the start-up OBS.
    expect((await f.api('POST', '/obs/profiles/deactivate')).body.active).toBeNull();
    await f.waitForState((s) => s.obs.url === f.sim.url && s.obs.status === 'connected');
    expect((await f.api('DELETE', '/obs/profiles/studio-b')).body.profiles).toEqual([]);
    expect(JSON.parse(readFileSync(secretsFile, 'utf8')).obsProfilePasswords).toEqual({});
  });

  it('validates profiles at the edge', async () => {
    expect(await f.api('PUT', '/obs/profiles/studio-b', { name: 'B', url: 'http://x' })).toMatchObject({ status: 400, body: { error: { field: 'url' } } });
    expect(await f.api('PUT', '/obs/profiles/Bad%20Id', { name: 'B', url: 'ws://127.0.0.1:4455' })).toMatchObject({ status: 400, body: { error: { field: 'id' } } });
    expect((await f.api('POST', '/obs/profiles/nope/activate')).status).toBe(404);
    expect((await f.api('DELETE', '/obs/profiles/nope')).status).toBe(404);
  });
});
