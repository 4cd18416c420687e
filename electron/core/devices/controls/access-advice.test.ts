import { describe, expect, it } from 'vitest';
import { BUSY_FIX, diagnoseOpenError, UDEV_FIX } from './access-advice.js';

const nodeHidError = new Error('cannot open device with path /dev/hidraw4');
const errno = (code: string) => Object.assign(new Error(code), { code });

describe('why a device cannot be opened', () => {
  it('tells missing udev rules from another program holding the device on Linux', () => {
    expect(diagnoseOpenError(nodeHidError, '/dev/hidraw4', { platform: 'linux', canAccess: () => errno('EACCES') })).toEqual({
      status: 'no-access',
      reason: 'no permission to open /dev/hidraw4 (EACCES)',
      fix: UDEV_FIX,
      reasonText: { code: 'controls.noAccess', params: { path: '/dev/hidraw4' } },
      fixText: { code: 'controlsFix.udev', params: { copy: expect.stringContaining('udev'), reload: expect.stringContaining('udevadm') } },
    });
    expect(diagnoseOpenError(nodeHidError, '/dev/hidraw4', { platform: 'linux', canAccess: () => null })).toMatchObject({ status: 'busy', fix: BUSY_FIX });
  });

  it('reads explicit codes and messages on any platform', () => {
    expect(diagnoseOpenError(errno('EBUSY'), 'x', { platform: 'win32' }).status).toBe('busy');
    expect(diagnoseOpenError(new Error('Access denied'), 'x', { platform: 'darwin' })).toMatchObject({ status: 'no-access', fix: expect.not.stringMatching(/udev/) });
    expect(diagnoseOpenError(new Error('weird'), 'x', { platform: 'darwin' })).toMatchObject({ status: 'error', reason: 'weird' });
  });
});
