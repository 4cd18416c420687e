import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDeskFixture, TEST_TOKEN, type DeskFixture } from '../testing/desk-fixture.js';
import { apiRoutes } from './api-routes.js';

/**
 * DESIGN §1: every input becomes an action on the one bus — validated, guarded, logged — and there is
 * no second path. This walks every route that changes state, as the router lists them (a new route
 * without an example here fails the test), with a session live, and finds each one's action in the
 * session log.
 */

/** Routes that change no desk state themselves, and why. */
const NOT_A_CHANGE: Record<string, string> = {
  'POST /actions': 'it is the bus itself: its action is logged as sent',
  'POST /ingest': 'audience and order events, logged as ingest.* events (DESIGN §4), not actions',
  'POST /products/import/preview': 'reads a file and says how it would map; nothing is written',
};

interface Example {
  path: string;
  body?: unknown;
  raw?: Buffer;
  /** The action the log must show (hotkeys log the action they are bound to). */
  action: string;
  /** Statuses other than 2xx the walk accepts: a refusal is still a logged action. */
  refusedWith?: number;
}

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const CATALOG_CSV = Buffer.from('sku,name,price\nWALK-2,走查商品,19.90\n', 'utf8');
const fixture = (name: string) => readFileSync(new URL(`../review/platform-import/fixtures/${name}`, import.meta.url));

let f: DeskFixture;
let live: string;
let old: string;
let plan: string;
let bundle: Buffer;

function examples(): Record<string, Example> {
  return {
    'PUT /kpi/settings': { path: '/kpi/settings', body: null, action: 'kpi.settings' },
    'PUT /comments/keywords': { path: '/comments/keywords', body: ['发货', '退款', '质量', '尺码'], action: 'comments.keywords' },
    'PUT /obs/settings': { path: '/obs/settings', body: null, action: 'obs.settings' },
    'PUT /obs/profiles/:id': { path: '/obs/profiles/walk', body: { name: 'Walk', url: f.sim.url, password: f.sim.password }, action: 'obs.profile.put' },
    'POST /obs/profiles/:id/activate': { path: '/obs/profiles/walk/activate', action: 'obs.profile.activate' },
    'POST /obs/profiles/deactivate': { path: '/obs/profiles/deactivate', action: 'obs.profile.activate' },
    'DELETE /obs/profiles/:id': { path: '/obs/profiles/walk', action: 'obs.profile.remove' },
    'POST /products': { path: '/products', body: { sku: 'WALK-1', name: '走查', priceFen: 990 }, action: 'product.create' },
    'PUT /products/:sku': { path: '/products/WALK-1', body: { name: '走查 2', priceFen: 1990 }, action: 'product.update' },
    'PUT /products/:sku/image': { path: '/products/WALK-1/image', body: { data: PNG.toString('base64') }, action: 'product.image' },
    'DELETE /products/:sku/image': { path: '/products/WALK-1/image', action: 'product.image' },
    'POST /products/import': { path: '/products/import', body: { name: 'walk.csv', data: CATALOG_CSV.toString('base64') }, action: 'product.import' },
    'DELETE /products/:sku': { path: '/products/WALK-1', action: 'product.remove' },
    'POST /plans': { path: '/plans', body: { name: '走查流程', items: [{ kind: 'opening', minutes: 5 }] }, action: 'plan.create' },
    'PUT /plans/:id': { path: `/plans/${plan}`, body: { name: '走查流程 2', items: [{ kind: 'closing', minutes: 5 }] }, action: 'plan.update' },
    'POST /plans/:id/duplicate': { path: `/plans/${plan}/duplicate`, action: 'plan.duplicate' },
    'DELETE /plans/:id': { path: `/plans/${plan}`, action: 'plan.remove' },
    'PUT /devices': { path: '/devices', body: [], action: 'devices.replace' },
    'PUT /devices/cues': { path: '/devices/cues', body: [{ name: 'warm', channels: { '1': 200 } }], action: 'devices.cues' },
    'PUT /bindings': { path: '/bindings', body: null, action: 'bindings.replace' },
    'POST /controls/rescan': { path: '/controls/rescan', action: 'deck.rescan' },
    // This desk has no generic HID bus: learning is refused, and the refusal is logged.
    'POST /controls/learn': { path: '/controls/learn', body: { device: null }, action: 'controls.learn', refusedWith: 409 },
    'POST /hotkeys/fire': { path: '/hotkeys/fire', body: { accelerator: 'F9', source: 'console' }, action: 'session.mark' },
    'PATCH /sessions/:id': { path: `/sessions/${old}`, body: { tags: ['走查'] }, action: 'session.patch' },
    'PUT /sessions/:id/notes': { path: `/sessions/${old}/notes`, body: { notes: [{ role: '场控', text: '走查' }], actions: [] }, action: 'session.notes' },
    'POST /sessions/:id/import': { path: `/sessions/${live}/import`, raw: fixture('douyin-compass-minutes-old.csv'), action: 'session.import' },
    'DELETE /sessions/:id': { path: `/sessions/${old}?confirm=true`, action: 'session.remove' },
    'POST /review/import': { path: '/review/import', raw: bundle, action: 'review.import' },
  };
}

async function send(method: string, example: Example): Promise<{ status: number; body: unknown }> {
  if (!example.raw) return f.api(method, example.path, example.body === undefined ? undefined : example.body);
  const res = await fetch(`${f.server.url}/api/v1${example.path}`, {
    method,
    headers: { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/octet-stream' },
    body: example.raw,
  });
  return { status: res.status, body: await res.json() };
}

/** The newest action entries of the live session's log. */
function loggedActions(): { type: string; refused: boolean }[] {
  return f.desk.repos.sessions
    .events(live, { limit: 20, newestFirst: true })
    .filter((e) => e.kind === 'action' || e.kind === 'action.refused')
    .map((e) => ({ type: (e.data as { action: { type: string } }).action.type, refused: e.kind === 'action.refused' }));
}

beforeAll(async () => {
  f = await startDeskFixture();
  // A finished session to edit, export, delete and import back while another is live.
  old = (await f.api('POST', '/actions', { type: 'session.start', title: '上一场' })).body.result.id;
  await f.api('POST', '/actions', { type: 'session.end', confirm: true });
  const exported = await fetch(`${f.server.url}/api/v1/sessions/${old}/export?format=bundle`, { headers: { authorization: `Bearer ${TEST_TOKEN}` } });
  bundle = Buffer.from(await exported.arrayBuffer());
  live = (await f.api('POST', '/actions', { type: 'session.start', title: '走查' })).body.result.id;
  plan = '';
});
afterAll(async () => {
  await f?.close();
});

describe('every route that changes state', () => {
  it('is an action on the bus: each appears in the live session log', async () => {
    const routes = apiRoutes(f.desk).list().filter((r) => r.method !== 'GET' && !(`${r.method} ${r.pattern}` in NOT_A_CHANGE));
    expect(routes.length).toBeGreaterThan(20);
    // Documents sent back as they are: a change that changes nothing is still a change request.
    const bodies: Record<string, unknown> = {
      'PUT /kpi/settings': (await f.api('GET', '/kpi/settings')).body,
      'PUT /obs/settings': (await f.api('GET', '/obs/settings')).body,
      'PUT /bindings': { ...(await f.api('GET', '/bindings')).body, hotkeys: [{ accelerator: 'F9', action: { type: 'session.mark', label: '热键' } }] },
    };
    // Every state-changing route has an example, and every example is a route (derived, not copied).
    const keys = routes.map((r) => `${r.method} ${r.pattern}`).sort();
    expect(Object.keys(examples()).sort(), 'a route that changes state needs an example here, or a reason in NOT_A_CHANGE').toEqual(keys);
    // Walked in the examples' order: a profile is saved before it is activated, a product before its image.
    for (const key of Object.keys(examples())) {
      const example = examples()[key] as Example;
      const method = key.split(' ')[0] as string;
      if (example.body === null) example.body = bodies[key];
      const res = await send(method, example);
      if (example.refusedWith) expect(res.status, key).toBe(example.refusedWith);
      else expect(res.status, `${key} → ${JSON.stringify(res.body)}`).toBeLessThan(300);
      if (key === 'POST /plans') plan = (res.body as { id: string }).id;
      const newest = loggedActions()[0];
      expect(newest, `${key} left no action in the session log`).toEqual({ type: example.action, refused: example.refusedWith !== undefined });
    }
    // Secrets never reach the log (DESIGN §8): the profile's password is logged only as set.
    const log = JSON.stringify(f.desk.repos.sessions.events(live, { limit: 1000 }));
    expect(log).toContain('obs.profile.put');
    expect(log).not.toContain(f.sim.password);
  });
});
