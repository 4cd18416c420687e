import { afterEach, describe, expect, it } from 'vitest';
import type { BindingsInput, SessionEvent } from '../../contract/index.js';
import { startDeskFixture, type DeskFixture } from '../../testing/desk-fixture.js';
import { FakeDeckBus } from '../../../../native/hid/stream-deck/fake-deck-bus.js';
import { FakeHidBus } from '../../../../native/hid/generic/fake-hid-bus.js';
import { fakeControls, meanColour, untilWritten } from './testing.js';

let f: DeskFixture | null = null;
afterEach(async () => {
  await f?.close();
  f = null;
});

const SCENES = ['开场 Opening', '主播近景 Host', '商品特写 Product', '暂离 BRB'];

const isRed = ([r, g, b]: number[]) => r! > 120 && g! < 90 && b! < 90;
const isAmber = ([r, g, b]: number[]) => r! > 150 && g! > 80 && b! < 60;
const isGrey = ([r, g, b]: number[]) => Math.abs(r! - g!) < 8 && Math.abs(g! - b!) < 8 && r! < 70;

/**
 * Done-when of issue 5: with fake transports standing in for hardware, a session drives scenes,
 * explains and a flash sale from two decks and a pedal while the keys show live state, OBS going away
 * included.
 */
describe('a show run from two Stream Decks and a foot pedal', () => {
  it('drives scenes, explains and a flash sale while keys show live state', async () => {
    const decks = new FakeDeckBus();
    const host = decks.plug('xl', 'HOST-XL');
    const ctrl = decks.plug('original-mk2', 'CTRL-MK2');
    const hid = new FakeHidBus();
    const pedal = hid.plug({ vendorId: 0x3553, productId: 0xb001, product: 'FootSwitch' });
    f = await startDeskFixture({ scenes: SCENES, controls: fakeControls(decks, hid) });
    for (const [sku, name, priceFen] of [
      ['TEA-01', '明前龙井 250g', 12800],
      ['TEA-02', '碧螺春 礼盒', 9900],
      ['CUP-01', '青瓷茶杯', 5900],
    ] as const) {
      expect((await f.api('POST', '/products', { sku, name, priceFen, scene: '商品特写 Product' })).status).toBe(201);
    }
    const bindings: BindingsInput = {
      layouts: {
        // The host's XL: scenes on the top row, products on the second, the live audience in a corner.
        'streamdeck:HOST-XL': {
          pages: [
            {
              name: '直播',
              keys: {
                ...Object.fromEntries(SCENES.map((scene, i) => [String(i), { kind: 'action', action: { type: 'obs.scene', scene } }])),
                '8': { kind: 'action', action: { type: 'product.explain', sku: 'TEA-01' } },
                '9': { kind: 'action', action: { type: 'product.explain', sku: 'TEA-02' } },
                '10': { kind: 'action', action: { type: 'product.explain', sku: 'CUP-01' } },
                '7': { kind: 'show', what: 'kpi.online' },
                '31': { kind: 'page', to: 'next' },
              },
            },
            { name: '备用', keys: { '0': { kind: 'action', action: { type: 'obs.scene', scene: '暂离 BRB' } }, '31': { kind: 'page', to: 'prev' } } },
          ],
        },
        // The field controller's MK.2: stepping, clearing and a marker.
        'streamdeck:CTRL-MK2': {
          pages: [
            {
              name: '场控',
              keys: {
                '0': { kind: 'action', action: { type: 'product.prev' } },
                '1': { kind: 'action', action: { type: 'product.next' } },
                '2': { kind: 'action', action: { type: 'product.clear' } },
                '3': { kind: 'action', action: { type: 'session.mark', label: '爆款' } },
                '4': { kind: 'action', action: { type: 'obs.scene', scene: '主播近景 Host' } },
                '5': { kind: 'action', action: { type: 'flashsale.start', sku: 'CUP-01', price: 4900, seconds: 60, stock: 2 } },
              },
            },
          ],
        },
      },
      hid: [{ device: 'hid:3553:b001', report: '00 02 00', action: { type: 'product.next' }, label: '踏板 下一个' }],
    };
    expect((await f.api('PUT', '/bindings', bindings)).status).toBe(200);
    const session = (await f.api('POST', '/actions', { type: 'session.start', title: '茶叶专场' })).body.result as { id: string };
    await f.waitForState((s) => (s.controls ?? []).filter((c) => c.status === 'open').length === 3 && s.surfaces.some((x) => x.kind === 'hid'));
    await untilWritten(host, () => host.images.has(10) && host.images.has(31));
    await untilWritten(ctrl, () => ctrl.images.has(4));
    expect(isRed(meanColour(host, 0))).toBe(true); // 开场 is on program

    // The host switches to the close-up: the scene key lights up, the old one goes dark.
    host.press(1, true);
    host.press(1, false);
    await f.waitForState((s) => s.obs.programScene === '主播近景 Host');
    await untilWritten(host, () => isRed(meanColour(host, 1)) && !isRed(meanColour(host, 0)));
    expect(f.sim.programScene()).toBe('主播近景 Host');

    // The host explains the first tea from the XL: OBS cuts to the product scene, its key turns amber.
    host.press(8, true);
    host.press(8, false);
    await f.waitForState((s) => s.product?.sku === 'TEA-01' && s.obs.programScene === '商品特写 Product');
    await untilWritten(host, () => isAmber(meanColour(host, 8)) && isRed(meanColour(host, 2)));

    // The pedal steps on, then the controller's deck steps on again.
    pedal.send([0, 2, 0]);
    pedal.send([0, 0, 0]);
    await f.waitForState((s) => s.product?.sku === 'TEA-02');
    await untilWritten(host, () => isAmber(meanColour(host, 9)) && !isAmber(meanColour(host, 8)));
    ctrl.press(1, true);
    ctrl.press(1, false);
    await f.waitForState((s) => s.product?.sku === 'CUP-01');
    ctrl.press(3, true);
    await f.waitForState((s) => s.recent.some((e) => e.kind === 'mark'));

    // A flash sale from the controller's deck: its key counts down with the stock left, and the sale
    // ends by itself when ingested orders sell the stock.
    const flashWrites = ctrl.imageWrites.get(5) ?? 0;
    ctrl.press(5, true);
    ctrl.press(5, false);
    await f.waitForState((s) => s.flashSale?.sku === 'CUP-01');
    await f.waitForState((s) => /^\d+:\d\d 剩 2$/.test(s.surfaces.find((x) => x.id === 'streamdeck:CTRL-MK2')?.keys[5]?.detail ?? ''));
    await untilWritten(ctrl, () => (ctrl.imageWrites.get(5) ?? 0) > flashWrites);
    f.desk.ingest({
      events: [
        { type: 'order', ts: Date.now(), orderId: 'FS-1', sku: 'CUP-01', qty: 1, amount: 4900, buyer: 'a' },
        { type: 'order', ts: Date.now(), orderId: 'FS-2', sku: 'CUP-01', qty: 1, amount: 4900, buyer: 'b' },
      ],
    });
    await f.waitForState((s) => s.flashSale === null && s.lastFlashSale?.reason === 'sold-out');

    // A live number on a key follows ingest.
    f.desk.ingest({ events: [{ type: 'snapshot', ts: Date.now(), online: 1520 }] });
    await f.waitForState((s) => s.surfaces.find((x) => x.id === 'streamdeck:HOST-XL')?.keys[7]?.detail === '1520');

    // A page change on the 32-key deck redraws only the keys that differ between the pages.
    const before = new Map(host.imageWrites);
    host.press(31, true);
    await f.waitForState((s) => s.surfaces.find((x) => x.id === 'streamdeck:HOST-XL')?.page === 1);
    await untilWritten(host, () => !isRed(meanColour(host, 2)) && [10, 31].every((k) => (host.imageWrites.get(k) ?? 0) > (before.get(k) ?? 0)));
    const redrawn = [...host.imageWrites].filter(([key, n]) => n > (before.get(key) ?? 0)).map(([key]) => key);
    // Keys 0-3, 7-10 and 31 change; the 23 keys blank on both pages are not touched.
    expect(redrawn.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 7, 8, 9, 10, 31]);
    host.press(31, false);

    // OBS goes away: every scene key says so, on both decks, without anyone pressing anything.
    await f.sim.close({ abrupt: true });
    await f.waitForState((s) => s.obs.status !== 'connected');
    await untilWritten(ctrl, () => isGrey(meanColour(ctrl, 4)));
    await untilWritten(host, () => isGrey(meanColour(host, 0)));

    const events = (await f.api('GET', `/sessions/${session.id}`)).body.events as SessionEvent[];
    const fired = events.filter((e) => e.kind === 'action').map((e) => `${(e.data.origin as { device?: string }).device ?? 'api'}:${(e.data.action as { type: string }).type}`);
    expect(fired).toEqual(
      expect.arrayContaining([
        'streamdeck:HOST-XL:obs.scene',
        'streamdeck:HOST-XL:product.explain',
        'hid:3553:b001:product.next',
        'streamdeck:CTRL-MK2:product.next',
        'streamdeck:CTRL-MK2:session.mark',
        'streamdeck:CTRL-MK2:flashsale.start',
      ]),
    );
    const presses = events.filter((e) => e.kind === 'press');
    expect(new Set(presses.map((e) => e.data.surface))).toEqual(new Set(['streamdeck:HOST-XL', 'streamdeck:CTRL-MK2', 'hid:3553:b001']));
  });
});
