import { accessSync, constants } from 'node:fs';
import type { ControlDeviceView } from '../../contract/index.js';

export type AccessProblem = Pick<ControlDeviceView, 'status' | 'reason' | 'fix'>;

export const UDEV_FIX =
  'Linux: install the udev rules shipped with LiveDesk (sudo cp /opt/LiveDesk/resources/udev/*.rules /etc/udev/rules.d/ — or build/udev/ in a source checkout), ' +
  'run "sudo udevadm control --reload-rules && sudo udevadm trigger", then unplug and replug the device. On a headless machine also add your user to the plugdev group and log in again.';
export const BUSY_FIX = 'Another program holds the device: quit the Elgato Stream Deck app, Bitfocus Companion or any other deck software, then press Rescan.';
const RETRY_FIX = 'Unplug and replug the device, then press Rescan.';

/**
 * Why a listed device could not be opened, and what the user can do. node-hid reports every failure
 * as "cannot open device", so on Linux the hidraw node is checked directly: no read/write permission
 * means missing udev rules; permission but no open means another program has it.
 */
export function diagnoseOpenError(
  error: unknown,
  path: string,
  options: { platform?: NodeJS.Platform; canAccess?: (path: string) => NodeJS.ErrnoException | null } = {},
): AccessProblem {
  const platform = options.platform ?? process.platform;
  const err = error as NodeJS.ErrnoException;
  const message = err?.message ?? String(error);
  const code = err?.code ?? '';
  if (code === 'EACCES' || code === 'EPERM' || /permission denied|access denied/i.test(message)) {
    return { status: 'no-access', reason: `no permission to open ${path}`, fix: platform === 'linux' ? UDEV_FIX : 'Allow LiveDesk to use USB devices in the system settings, then press Rescan.' };
  }
  if (code === 'EBUSY' || /busy|exclusive|in use|already open/i.test(message)) {
    return { status: 'busy', reason: `${path} is in use by another program`, fix: BUSY_FIX };
  }
  if (platform === 'linux' && path.startsWith('/dev/')) {
    const denied = (options.canAccess ?? checkAccess)(path);
    if (denied && (denied.code === 'EACCES' || denied.code === 'EPERM')) {
      return { status: 'no-access', reason: `no permission to open ${path} (${denied.code})`, fix: UDEV_FIX };
    }
    if (!denied) return { status: 'busy', reason: `${path} is readable but would not open: another program probably holds it`, fix: BUSY_FIX };
  }
  return { status: 'error', reason: message, fix: RETRY_FIX };
}

function checkAccess(path: string): NodeJS.ErrnoException | null {
  try {
    accessSync(path, constants.R_OK | constants.W_OK);
    return null;
  } catch (error) {
    return error as NodeJS.ErrnoException;
  }
}
