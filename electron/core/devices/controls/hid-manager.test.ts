import { afterEach, describe, expect, it } from 'vitest';
import type { SessionEvent } from '../../contract/index.js';
import { startDeskFixture, type DeskFixture } from '../../testing/desk-fixture.js';
import { FakeDeckBus } from '../../../../native/hid/stream-deck/fake-deck-bus.js';
import { FakeHidBus } from '../../../../native/hid/generic/fake-hid-bus.js';
import { fakeControls } from './testing.js';

let f: DeskFixture | null = null;
afterEach(async () => {
  await f?.close();
  f = null;
});

const PEDAL = { vendorId: 0x3553, productId: 0xb001, product: 'FootSwitch', usagePage: 0x0c, usage: 0x01 };

describe('generic HID buttons', () => {
  it('lists pedals as bindable, keyboards as "use hotkeys", and ignores mice', async () => {
    const hid = new FakeHidBus();
    hid.plug(PEDAL);
    hid.plug({ vendorId: 0x046d, productId: 0xc31c, product: 'USB Keyboard', usagePage: 0x01, usage: 0x06 });
    hid.plug({ vendorId: 0x046d, productId: 0xc077, product: 'USB Mouse', usagePage: 0x01, usage: 0x02 });
    f = await startDeskFixture({ controls: fakeControls(new FakeDeckBus(), hid) });
    const state = await f.waitForState((s) => (s.controls ?? []).length === 2);
    expect(state.controls).toEqual([
      expect.objectContaining({ id: 'hid:3553:b001', kind: 'hid', status: 'available', vendorId: 0x3553 }),
      expect.objectContaining({ id: 'hid:046d:c31c', status: 'keyboard', fix: expect.stringMatching(/Hotkeys/) }),
    ]);
  });

  it('learns a pedal report, binds it, fires it through the bus, and survives unplug and replug', async () => {
    const hid = new FakeHidBus();
    let pedal = hid.plug(PEDAL);
    f = await startDeskFixture({ controls: fakeControls(new FakeDeckBus(), hid) });
    await f.waitForState((s) => s.controls?.[0]?.status === 'available');
    const unknown = await f.api('POST', '/controls/learn', { device: 'hid:dead:beef' });
    expect(unknown.status).toBe(404);
    const learn = await f.api('POST', '/controls/learn', { device: 'hid:3553:b001' });
    expect(learn.status).toBe(200);
    await f.waitForState((s) => s.controls?.[0]?.status === 'open');
    pedal.send([0, 0, 0]);
    pedal.send([0, 2, 0]);
    const learnt = await f.waitForState((s) => s.learn?.report === '00 02 00');
    expect(learnt.learn?.device).toBe('hid:3553:b001');

    await f.api('POST', '/controls/learn', { device: null });
    const put = await f.api('PUT', '/bindings', { hid: [{ device: 'hid:3553:b001', report: '00 02 00', action: { type: 'obs.scene', scene: 'Host' }, label: '左踏板' }] });
    expect(put.status).toBe(200);
    await f.waitForState((s) => s.surfaces.some((x) => x.kind === 'hid' && x.keys[0]?.label === '左踏板'));
    const session = (await f.api('POST', '/actions', { type: 'session.start', title: '踏板' })).body.result as { id: string };
    pedal.send([0, 2, 0]);
    pedal.send([0, 0, 0]);
    await f.waitForState((s) => s.obs.programScene === 'Host');

    hid.unplug(pedal.descriptor.path);
    await f.waitForState((s) => !s.surfaces.some((x) => x.kind === 'hid') && (s.controls ?? []).length === 0);
    pedal = hid.plug(PEDAL);
    await f.waitForState((s) => s.surfaces.some((x) => x.kind === 'hid' && x.connected));
    await f.api('POST', '/actions', { type: 'obs.scene', scene: 'Opening' });
    pedal.send([0, 2, 0]);
    await f.waitForState((s) => s.obs.programScene === 'Host');
    const events = (await f.api('GET', `/sessions/${session.id}`)).body.events as SessionEvent[];
    const fired = events.filter((e) => e.kind === 'action' && (e.data.origin as { surface: string }).surface === 'hid');
    expect(fired).toHaveLength(2);
    expect(fired[0]?.data.origin).toEqual({ surface: 'hid', device: 'hid:3553:b001', key: 0 });
  });

  it('tells two identical pedals without serial numbers apart by their path, each bindable alone', async () => {
    const hid = new FakeHidBus();
    const left = hid.plug({ ...PEDAL, path: '/dev/hidraw3' });
    const right = hid.plug({ ...PEDAL, path: '/dev/hidraw4' });
    f = await startDeskFixture({ controls: fakeControls(new FakeDeckBus(), hid) });
    const state = await f.waitForState((s) => (s.controls ?? []).length === 2);
    expect(state.controls?.map((c) => c.id)).toEqual(['hid:3553:b001:@/dev/hidraw3', 'hid:3553:b001:@/dev/hidraw4']);
    const put = await f.api('PUT', '/bindings', {
      hid: [
        { device: 'hid:3553:b001:@/dev/hidraw3', report: '00 02 00', action: { type: 'obs.scene', scene: 'Host' } },
        { device: 'hid:3553:b001:@/dev/hidraw4', report: '00 02 00', action: { type: 'obs.scene', scene: 'Opening' } },
      ],
    });
    expect(put.status).toBe(200);
    await f.waitForState((s) => s.surfaces.filter((x) => x.kind === 'hid' && x.connected).length === 2);
    await f.api('POST', '/actions', { type: 'obs.scene', scene: 'Opening' });
    left.send([0, 2, 0]);
    left.send([0, 0, 0]);
    await f.waitForState((s) => s.obs.programScene === 'Host');
    right.send([0, 2, 0]);
    right.send([0, 0, 0]);
    await f.waitForState((s) => s.obs.programScene === 'Opening');
  });

  it('explains a pedal it cannot open', async () => {
    const hid = new FakeHidBus();
    const pedal = hid.plug({ ...PEDAL, path: '/dev/hidraw3' });
    hid.refuseOpen(pedal.descriptor.path, Object.assign(new Error('cannot open device'), { code: 'EACCES' }));
    f = await startDeskFixture({ controls: fakeControls(new FakeDeckBus(), hid) });
    await f.api('PUT', '/bindings', { hid: [{ device: 'hid:3553:b001', report: '00 02 00', action: { type: 'product.next' } }] });
    const state = await f.waitForState((s) => s.controls?.[0]?.status === 'no-access');
    expect(state.controls?.[0]?.fix).toMatch(/udev/);
  });
});

describe('hotkeys', () => {
  it('fires bound shortcuts from the shell or the console, through the repeat guard', async () => {
    f = await startDeskFixture();
    const put = await f.api('PUT', '/bindings', { hotkeys: [{ accelerator: 'CommandOrControl+Shift+1', action: { type: 'obs.scene', scene: 'BRB' } }] });
    expect(put.body.hotkeys[0]).toMatchObject({ global: true });
    const fired = await f.api('POST', '/hotkeys/fire', { accelerator: 'CommandOrControl+Shift+1', source: 'global' });
    expect(fired.status).toBe(200);
    await f.waitForState((s) => s.obs.programScene === 'BRB');
    const again = await f.api('POST', '/hotkeys/fire', { accelerator: 'commandorcontrol+shift+1' });
    expect(again.body, JSON.stringify(again.body)).toMatchObject({ result: { ignored: 'repeat-ignored' } });
    const unbound = await f.api('POST', '/hotkeys/fire', { accelerator: 'F9' });
    expect(unbound.status).toBe(404);
    const invalid = await f.api('POST', '/hotkeys/fire', { accelerator: 'Hyper+Q' });
    expect(invalid.status).toBe(400);
  });
});
