import { afterEach, describe, expect, it } from 'vitest';
import { startDeskFixture, type DeskFixture } from '../../testing/desk-fixture.js';
import { FakeDeckBus } from '../../../../native/hid/stream-deck/fake-deck-bus.js';
import { fakeControls, meanColour, untilWritten } from './testing.js';

let f: DeskFixture | null = null;
afterEach(async () => {
  await f?.close();
  f = null;
});

const open = (s: { controls?: { status: string }[] }) => (s.controls ?? []).filter((c) => c.status === 'open').length;

describe('Stream Decks on the desk', () => {
  it('opens several models at once, shows model and serial, draws keys at each model size, mirrors the first deck with displays on screen', async () => {
    const bus = new FakeDeckBus();
    bus.plug('pedal', 'PEDAL-0000');
    const xl = bus.plug('xl', 'XL-0001');
    const mini = bus.plug('mini', 'MINI-0002');
    f = await startDeskFixture({ controls: fakeControls(bus) });
    const state = await f.waitForState((s) => open(s) === 3 && s.surfaces.length === 4);
    expect(state.surfaces.find((s) => s.id === 'streamdeck:PEDAL-0000')).toMatchObject({ model: 'pedal', columns: 3, rows: 1 });
    expect(state.controls).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'streamdeck:XL-0001', model: 'xl', name: 'Stream Deck XL', serial: 'XL-0001', status: 'open', brightness: 80 }),
        expect.objectContaining({ id: 'streamdeck:MINI-0002', model: 'mini', serial: 'MINI-0002', status: 'open' }),
      ]),
    );
    const xlView = state.surfaces.find((s) => s.id === 'streamdeck:XL-0001');
    expect(xlView).toMatchObject({ kind: 'streamdeck', columns: 8, rows: 4, model: 'xl', serial: 'XL-0001', keyWidth: 96 });
    expect(state.surfaces.find((s) => s.id === 'virtual-1')).toMatchObject({ columns: 8, rows: 4, layout: 'default' });
    await untilWritten(xl, () => xl.images.has(0));
    await untilWritten(mini, () => mini.images.has(0));
    expect(xl.images.get(0)).toMatchObject({ width: 96, height: 96 });
    expect(mini.images.get(0)).toMatchObject({ width: 80, height: 80 });
    expect(xl.brightness).toBe(80);
  });

  it('fires a key through the bus and redraws only the keys whose look changed', async () => {
    const bus = new FakeDeckBus();
    const deck = bus.plug('original-mk2', 'MK2-1');
    f = await startDeskFixture({ controls: fakeControls(bus) });
    await f.waitForState((s) => open(s) === 1);
    // Opening is on program: key 0 active, key 1 (Host) not. Wait for the scene keys drawn with OBS
    // connected (blue, not the grey of the "connecting" picture the deck may have shown first). Key 3:
    // the first row's last key turns to the generated show page.
    await untilWritten(deck, () => {
      const [r, , b] = meanColour(deck, 3);
      return b > r + 20;
    });
    const before = new Map(deck.imageWrites);
    deck.press(1, true);
    deck.press(1, false);
    await f.waitForState((s) => s.obs.programScene === 'Host');
    await untilWritten(deck, () => (deck.imageWrites.get(1) ?? 0) > (before.get(1) ?? 0) && (deck.imageWrites.get(0) ?? 0) > (before.get(0) ?? 0));
    expect(deck.imageWrites.get(2)).toBe(before.get(2));
    expect(deck.imageWrites.get(3)).toBe(before.get(3));
    const session = await f.api('GET', '/state');
    expect(session.status).toBe(200);
  });

  it('follows unplug and replug without a restart; the other deck keeps working meanwhile', async () => {
    const bus = new FakeDeckBus();
    const a = bus.plug('original-mk2', 'A');
    bus.plug('mini', 'B');
    f = await startDeskFixture({ controls: fakeControls(bus) });
    await f.waitForState((s) => open(s) === 2);
    bus.unplug('fake:B');
    let state = await f.waitForState((s) => open(s) === 1 && !s.surfaces.some((x) => x.id === 'streamdeck:B'));
    expect(state.controls?.map((c) => c.id)).toEqual(['streamdeck:A']);
    a.press(1, true);
    await f.waitForState((s) => s.obs.programScene === 'Host');
    const b2 = bus.plug('mini', 'B');
    state = await f.waitForState((s) => open(s) === 2);
    await untilWritten(b2, () => b2.images.has(0));
    expect(bus.opens.get('fake:B')).toBe(2);
  });

  it('isolates a deck whose writes fail: it is closed and retried, the other deck is untouched', async () => {
    const bus = new FakeDeckBus();
    const bad = bus.plug('xl', 'BAD');
    const good = bus.plug('original-mk2', 'GOOD');
    f = await startDeskFixture({ controls: fakeControls(bus) });
    await f.waitForState((s) => open(s) === 2);
    await untilWritten(good, () => good.images.has(1));
    bad.failure = new Error('LIBUSB_ERROR_IO');
    // Any change of look makes both decks write; the bad one fails and drops out.
    good.press(1, true);
    await f.waitForState((s) => s.obs.programScene === 'Host' && !s.surfaces.some((x) => x.id === 'streamdeck:BAD'));
    await untilWritten(good, () => (good.imageWrites.get(1) ?? 0) >= 2);
    bad.failure = null;
    await f.waitForState((s) => open(s) === 2, 5000);
  });

  it('says why a deck cannot be opened and how to fix it, then opens it on Rescan', async () => {
    const bus = new FakeDeckBus();
    bus.plug('neo', 'NEO-1', '/dev/hidraw7');
    bus.refuseOpen('/dev/hidraw7', Object.assign(new Error('cannot open device with path /dev/hidraw7'), { code: 'EACCES' }));
    f = await startDeskFixture({ controls: fakeControls(bus) });
    const state = await f.waitForState((s) => (s.controls ?? []).some((c) => c.status === 'no-access'));
    expect(state.controls?.[0]).toMatchObject({ model: 'neo', status: 'no-access', reason: expect.stringContaining('/dev/hidraw7') });
    expect(state.controls?.[0]?.fix).toMatch(/udev/);
    // The live console's alerts say it too, so nobody has to open the devices page mid-show.
    expect(state.alerts.find((a) => a.id === 'control:/dev/hidraw7')?.text).toMatch(/Stream Deck Neo: no permission.*udev/);
    bus.refuseOpen('/dev/hidraw7', Object.assign(new Error('cannot open device with path /dev/hidraw7'), { code: 'EBUSY' }));
    const rescan = await f.api('POST', '/controls/rescan');
    expect(rescan.body[0]).toMatchObject({ status: 'busy', fix: expect.stringMatching(/Companion|Stream Deck app/) });
    bus.refuseOpen('/dev/hidraw7', null);
    const result = await f.api('POST', '/actions', { type: 'deck.rescan' });
    expect(result.body.result[0]).toMatchObject({ status: 'open', serial: 'NEO-1' });
    await f.waitForState((s) => !s.alerts.some((a) => a.id.startsWith('control:')));
  });

  it('sets and remembers brightness per deck', async () => {
    const bus = new FakeDeckBus();
    const deck = bus.plug('plus', 'PLUS-1');
    f = await startDeskFixture({ controls: fakeControls(bus) });
    await f.waitForState((s) => open(s) === 1);
    const res = await f.api('POST', '/actions', { type: 'deck.brightness', percent: 35 });
    expect(res.body.result).toEqual({ surface: 'streamdeck:PLUS-1', percent: 35 });
    expect(deck.brightness).toBe(35);
    await f.waitForState((s) => s.controls?.[0]?.brightness === 35);
    bus.unplug('fake:PLUS-1');
    await f.waitForState((s) => open(s) === 0);
    const again = bus.plug('plus', 'PLUS-1');
    await f.waitForState((s) => open(s) === 1);
    expect(again.brightness).toBe(35);
    const bad = await f.api('POST', '/actions', { type: 'deck.brightness', percent: 140 });
    expect(bad.status).toBe(400);
  });
});

describe('dials on the Stream Deck +', () => {
  it('turns a dial to step through products and presses it to clear', async () => {
    const bus = new FakeDeckBus();
    const plus = bus.plug('plus', 'DIAL-1');
    f = await startDeskFixture({ controls: fakeControls(bus) });
    for (const sku of ['A1', 'B2', 'C3']) await f.api('POST', '/products', { sku, name: sku, priceFen: 100 });
    const put = await f.api('PUT', '/bindings', {
      layouts: {
        'streamdeck:DIAL-1': {
          pages: [
            {
              keys: { '100': { kind: 'action', action: { type: 'product.clear' } } },
              dials: { '0': { right: { kind: 'action', action: { type: 'product.next' } }, left: { kind: 'action', action: { type: 'product.prev' } } }, '1': { right: { kind: 'action', action: { type: 'session.end' } } } },
            },
          ],
        },
      },
    });
    expect(put.status).toBe(200);
    await f.waitForState((s) => open(s) === 1);
    plus.turn(0, 1);
    await f.waitForState((s) => s.product?.sku === 'A1');
    plus.turn(0, 1);
    await f.waitForState((s) => s.product?.sku === 'B2');
    plus.turn(0, -1);
    await f.waitForState((s) => s.product?.sku === 'A1');
    plus.pressDial(0, true);
    plus.pressDial(0, false);
    await f.waitForState((s) => s.product === null);
    // A dial cannot be held, so a dangerous action on it never fires.
    await f.api('POST', '/actions', { type: 'session.start', title: 'dial' });
    plus.turn(1, 1);
    plus.turn(0, 1);
    await f.waitForState((s) => s.product?.sku === 'A1');
    expect(f.desk.hub.state.session).not.toBeNull();
  });
});
