import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BindingsInput, SessionEvent } from '../../contract/index.js';
import { openDatabase } from '../../store/database.js';
import { BindingsRepo } from '../../store/bindings-repo.js';
import { startDeskFixture, type DeskFixture } from '../../testing/desk-fixture.js';

let f: DeskFixture | null = null;
afterEach(async () => {
  await f?.close();
  f = null;
});

const layout: BindingsInput = {
  layouts: {
    default: {
      pages: [
        {
          name: '场景',
          keys: {
            '0': { kind: 'action', action: { type: 'obs.scene', scene: 'Host' } },
            '1': { kind: 'action', action: { type: 'session.mark', label: '爆款' } },
            '2': { kind: 'action', action: { type: 'product.next' } },
            '3': { kind: 'show', what: 'kpi.online' },
            '14': { kind: 'page', to: 'next' },
          },
        },
        {
          name: '危险',
          keys: {
            '0': { kind: 'action', action: { type: 'session.end' } },
            '14': { kind: 'page', to: 'prev' },
          },
        },
      ],
    },
  },
  guards: { longPressMs: 200, repeatWindowMs: 5000 },
};

const tap = (fx: DeskFixture, key: number) => {
  fx.desk.deck.press(key, true);
  fx.desk.deck.press(key, false);
};

describe('GET/PUT /bindings', () => {
  it('starts from defaults, refuses a bad document whole naming the field, and applies a good one at once', async () => {
    f = await startDeskFixture();
    const initial = await f.api('GET', '/bindings');
    expect(initial.body).toEqual({ layouts: {}, hotkeys: [], hid: [], guards: { longPressMs: 800, repeatWindowMs: 300, longPressActions: [], repeatActions: ['product.next', 'product.prev'] } });
    const bad = await f.api('PUT', '/bindings', { layouts: { default: { pages: [{ keys: { '0': { kind: 'action', action: { type: 'obs.scene', scene: '' } } } }] } } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('layouts.default.pages.0.keys.0.action.scene');
    const badHotkey = await f.api('PUT', '/bindings', { hotkeys: [{ accelerator: 'Ctrl+Alt+X', action: { type: 'session.end' } }] });
    expect(badHotkey.status).toBe(400);
    expect(badHotkey.body.error.message).toMatch(/long press/);
    const badKey = await f.api('PUT', '/bindings', { hotkeys: [{ accelerator: 'Ctrl+Banana', action: { type: 'product.next' } }] });
    expect(badKey.body.error.field).toBe('hotkeys.0.accelerator');
    expect((await f.api('GET', '/bindings')).body.layouts).toEqual({});

    const put = await f.api('PUT', '/bindings', layout);
    expect(put.status).toBe(200);
    const state = await f.waitForState((s) => s.surfaces[0]?.pages?.length === 2);
    expect(state.surfaces[0]).toMatchObject({ id: 'virtual-1', page: 0, pages: ['场景', '危险'], layout: 'default' });
    expect(state.surfaces[0]?.keys[0]).toMatchObject({ label: 'Host', tone: 'scene' });
    expect(state.surfaces[0]?.keys[14]).toMatchObject({ label: '下一页 ▶', detail: '1/2' });
    expect(state.surfaces[0]?.keys[5]).toBeNull();
  });

  it('switches pages, guards repeats and long presses, and logs every press with surface and key', async () => {
    f = await startDeskFixture();
    await f.api('PUT', '/bindings', layout);
    const session = (await f.api('POST', '/actions', { type: 'session.start', title: '按键测试' })).body.result as { id: string };
    await f.waitForState((s) => s.surfaces[0]?.keys[1]?.disabled === false);

    tap(f, 1);
    tap(f, 1); // a double tap inside the repeat window: one marker
    await f.waitForState((s) => s.recent.some((e) => e.kind === 'mark'));

    tap(f, 14);
    await f.waitForState((s) => s.surfaces[0]?.page === 1);
    expect(f.desk.hub.state.surfaces[0]?.keys[0]).toMatchObject({ label: '结束', tone: 'danger', detail: '长按' });

    tap(f, 0); // too short: the session stays live
    expect(f.desk.hub.state.session).not.toBeNull();
    f.desk.deck.press(0, true);
    await f.waitForState((s) => s.session === null);
    f.desk.deck.press(0, false);

    const detail = await f.api('GET', `/sessions/${session.id}`);
    const events = detail.body.events as SessionEvent[];
    const presses = events.filter((e) => e.kind === 'press').map((e) => `${e.data.key}:${e.data.outcome}`);
    expect(presses).toEqual(['1:fired', '1:repeat-ignored', '14:page', '0:too-short', '0:held']);
    expect(events.find((e) => e.kind === 'press')?.data).toMatchObject({ surface: 'virtual-1', kind: 'virtual' });
    expect(events.filter((e) => e.kind === 'mark')).toHaveLength(1);
    const ended = events.find((e) => e.kind === 'action' && (e.data.action as { type: string }).type === 'session.end');
    expect(ended?.data).toMatchObject({ action: { type: 'session.end', confirm: true }, origin: { surface: 'deck', device: 'virtual-1', key: 0 } });
  });

  it('lets repeat-allowed actions repeat and switches pages by action', async () => {
    f = await startDeskFixture();
    for (const sku of ['A1', 'B2', 'C3']) await f.api('POST', '/products', { sku, name: sku, priceFen: 100 });
    await f.api('PUT', '/bindings', layout);
    await f.waitForState((s) => s.surfaces[0]?.keys[2]?.label === '下一个');
    tap(f, 2);
    tap(f, 2);
    await f.waitForState((s) => s.product?.sku === 'B2');
    const res = await f.api('POST', '/actions', { type: 'deck.page', to: 1 });
    expect(res.body.result).toEqual({ surface: 'virtual-1', page: 1 });
    const unknown = await f.api('POST', '/actions', { type: 'deck.page', surface: 'nope', to: 1 });
    expect(unknown.status).toBe(404);
  });

  it('stores the document across restarts of the repository', () => {
    const dir = mkdtempSync(join(tmpdir(), 'livedesk-bindings-'));
    try {
      const file = join(dir, 'desk.sqlite');
      let db = openDatabase(file);
      const saved = { layouts: {}, hotkeys: [{ accelerator: 'F5', action: { type: 'product.next' as const }, global: true }], hid: [], guards: { longPressMs: 900, repeatWindowMs: 250, longPressActions: [], repeatActions: [] } };
      new BindingsRepo(db).write(saved, 1);
      db.close();
      db = openDatabase(file);
      expect(new BindingsRepo(db).read()).toEqual({ bindings: saved, unreadable: [] });
      db.prepare("UPDATE control_bindings SET config = '{broken' WHERE part = 'hotkeys'").run();
      expect(new BindingsRepo(db).read()).toMatchObject({ bindings: { hotkeys: [], guards: { longPressMs: 900 } }, unreadable: ['hotkeys'] });
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
