import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCoreProcess, type CoreProcess } from '../../testing/core-process.js';
import { openDatabase } from '../../store/database.js';
import { SessionsRepo } from '../../store/sessions-repo.js';

const NPM = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm'];

/** `npm run demo` as a newcomer starts it: a simulated scale weighs and explains with no hardware. */
describe('npm run demo: the simulated scale', () => {
  let core: CoreProcess;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'livedesk-demo-scale-'));
    core = await startCoreProcess(['--data-dir', dir, '--port', '0'], { command: [...NPM, 'run', '--silent', 'demo', '--'], timeoutMs: 120_000 });
  });

  afterAll(async () => {
    await core?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows the demo scale open, weighs a product, explains it and logs the stable reading', async () => {
    await core.waitForState((s) => s.serial?.some((d) => d.id === 'demo-scale' && d.live.status === 'open') === true);
    expect((await core.api('POST', '/products', { sku: 'TEA-1', name: '明前龙井 250g', priceFen: 12_800 })).status).toBe(201);
    const started = await core.api('POST', '/actions', { type: 'session.start', title: '演示称重' });
    expect(started.status).toBe(200);
    // The rehearsal's scale weighs only when the controller puts something on it (issue 17).
    expect((await core.api('POST', '/actions', { type: 'rehearsal.scale.place', grams: 251.2 })).status).toBe(200);
    const placed = await core.waitForState((s) => s.scale?.placed === true && s.product?.sku === 'TEA-1', 30_000);
    expect(placed.scale).toMatchObject({ device: 'demo-scale', status: 'stable', unit: 'g' });
    expect(placed.scale?.grams).toBeGreaterThan(50);
    const overlay = await core.api('GET', '/overlay', undefined, core.overlayToken);
    expect(overlay.body.scale.device).toBe('demo-scale');
    // GET /devices lists what the user stored: the rehearsal's scale is not among them.
    expect((await core.api('GET', '/devices')).body).toEqual([]);
    // Read the session log from the database file itself once the core has let go of it.
    await core.stop();
    const db = openDatabase(join(dir, 'livedesk.sqlite'));
    try {
      const events = new SessionsRepo(db).events(placed.session?.id as string, { limit: 5_000, excludeKinds: ['ingest.snapshot', 'ingest.like', 'ingest.enter', 'ingest.comment', 'ingest.follow', 'ingest.order'] });
      const readings = events.filter((e) => e.kind === 'scale.reading');
      expect(readings.some((e) => e.data.device === 'demo-scale' && e.data.grams === placed.scale?.grams)).toBe(true);
      expect(events.map((e) => e.kind)).toContain('scale.placed');
    } finally {
      db.close();
    }
  });
});
