import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { supportedDeckModels } from '../../../../native/hid/stream-deck/deck-models.js';
import { UDEV_FIX } from './access-advice.js';

const rules = (name: string) => readFileSync(new URL(`../../../../build/udev/${name}`, import.meta.url), 'utf8');

describe('udev rules shipped in build/udev', () => {
  it('cover every vendor of every Stream Deck model the library supports, for hidraw and usb', () => {
    const text = rules('50-livedesk-streamdeck.rules');
    for (const vendor of new Set(supportedDeckModels().filter((m) => m.usb).map((m) => m.vendorId.toString(16).padStart(4, '0')))) {
      expect(text).toMatch(new RegExp(`KERNEL=="hidraw\\*", ATTRS\\{idVendor\\}=="${vendor}"`));
    }
    expect(text).toMatch(/TAG\+="uaccess"/);
  });

  it('give serial adapters to dialout and keep ModemManager off them', () => {
    const text = rules('50-livedesk-serial.rules');
    expect(text).toMatch(/SUBSYSTEM=="tty", ATTRS\{idVendor\}=="0403".*GROUP="dialout"/);
    expect(text).toMatch(/ID_MM_DEVICE_IGNORE/);
  });

  it('are where the console tells users to find them', () => {
    expect(UDEV_FIX).toMatch(/resources\/udev/);
    expect(readFileSync(new URL('../../../../electron-builder.yml', import.meta.url), 'utf8')).toMatch(/from: build\/udev\s+to: udev/);
  });
});
