import { describe, expect, it } from 'vitest';
import { linkReasonText } from './link-reason.js';

// Reasons as serialport and the transport word them on Linux.
describe('linkReasonText', () => {
  it.each([
    ['no-data', 'no data for 3 s: is the scale switched on and in continuous mode?', 'serialLink.silent'],
    ['error', 'Error: Permission denied, cannot open /dev/ttyUSB0', 'serialLink.noPermission'],
    ['error', 'Error Resource temporarily unavailable Cannot lock port', 'serialLink.busy'],
    ['reconnecting', 'Error: No such file or directory, cannot open /dev/ttyUSB0', 'serialLink.notFound'],
    ['reconnecting', 'unplugged (Port disconnected)', 'serialLink.unplugged'],
    ['error', 'cannot send DMX: Inappropriate ioctl for device', 'serialLink.sendFailed'],
    ['error', 'cannot use /dev/ttyS0: "baudRate" must be a number: abc (invalid)', 'serialLink.badSettings'],
    ['reconnecting', 'closed by the system', 'serialLink.failed'],
  ] as const)('%s "%s" → %s, ', (status, reason, code) => {
    expect(linkReasonText(status, reason)).toEqual({ code, params: {} });
  });

  it('says nothing when there is nothing wrong', () => {
    expect(linkReasonText('open', null)).toBeNull();
  });
});
