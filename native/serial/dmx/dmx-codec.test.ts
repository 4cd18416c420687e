import { afterEach, describe, expect, it } from 'vitest';
import { SerialPortMock } from 'serialport';
import { encodeEnttecDmx, encodeOpenDmxSlots, OPEN_DMX_LINE, sendOpenDmxFrame } from './dmx-codec.js';
import { DmxFader } from './dmx-fader.js';

describe('Enttec DMX USB Pro', () => {
  it('frames a full universe as label 6 with length 513', () => {
    const channels = new Uint8Array(512);
    channels[0] = 255;
    channels[511] = 7;
    const frame = encodeEnttecDmx(channels);
    expect(frame).toHaveLength(518);
    expect([...frame.subarray(0, 6)]).toEqual([0x7e, 6, 0x01, 0x02, 0x00, 255]);
    expect(frame[516]).toBe(7);
    expect(frame[517]).toBe(0xe7);
  });
  it('pads a short universe and refuses a long one', () => {
    expect(encodeEnttecDmx(Uint8Array.of(1, 2, 3))).toHaveLength(518);
    expect(() => encodeEnttecDmx(new Uint8Array(513))).toThrow(RangeError);
  });
});

describe('Open DMX USB', () => {
  afterEach(() => SerialPortMock.binding.reset());

  it('sends break on, break off, then start code and 512 slots (SerialPortMock)', async () => {
    SerialPortMock.binding.createPort('/dev/fake-dmx', { record: true });
    const port = new SerialPortMock({ path: '/dev/fake-dmx', ...OPEN_DMX_LINE, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
    const binding = port.port as NonNullable<typeof port.port>;
    const calls: string[] = [];
    const set = binding.set.bind(binding);
    binding.set = async (options) => {
      calls.push(`brk:${options.brk}`);
      return set(options);
    };
    const wrapped = {
      setBreak: (on: boolean) => new Promise<void>((resolve, reject) => port.set({ brk: on }, (e) => (e ? reject(e) : resolve()))),
      write: (bytes: Uint8Array) =>
        new Promise<void>((resolve, reject) => {
          calls.push(`write:${bytes.length}`);
          port.write(Buffer.from(bytes), (e) => (e ? reject(e) : port.drain(() => resolve())));
        }),
    };
    const channels = new Uint8Array(512).fill(9);
    await sendOpenDmxFrame(wrapped, channels);
    expect(calls).toEqual(['brk:true', 'brk:false', 'write:513']);
    expect([...binding.recording]).toEqual([...encodeOpenDmxSlots(channels)]);
    expect(binding.openOptions).toMatchObject({ baudRate: 250000, stopBits: 2, dataBits: 8, parity: 'none' });
    await new Promise<void>((resolve) => port.close(() => resolve()));
  });
});

describe('DMX fader', () => {
  it('fades named channels from their current values and holds the rest', () => {
    const fader = new DmxFader();
    fader.fadeTo(new Map([[1, 200], [2, 100]]), 0, 0);
    fader.fadeTo(new Map([[1, 0]]), 1000, 1000);
    expect(fader.frame(1500)[0]).toBe(100);
    expect(fader.frame(1500)[1]).toBe(100);
    expect(fader.frame(2000)[0]).toBe(0);
    expect(fader.fading(2000)).toBe(false);
    fader.blackout(0, 3000);
    expect(fader.frame(3000).every((v) => v === 0)).toBe(true);
  });
});
