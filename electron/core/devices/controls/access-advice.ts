import { accessSync, constants } from 'node:fs';
import { coded, onWire, type CodedText, type ControlDeviceView } from '../../contract/index.js';

export type AccessProblem = Pick<ControlDeviceView, 'status' | 'reason' | 'fix' | 'reasonText' | 'fixText'>;

/** A problem with its English sentences for developers and the coded texts the console shows. */
export function problem(status: ControlDeviceView['status'], reason: CodedText, fix: CodedText): AccessProblem {
  return { status, reason: reason.detail, fix: fix.detail, reasonText: onWire(reason), fixText: onWire(fix) };
}

/** No problem: the device is open, or listed and not bound. */
export const NO_PROBLEM = { reason: null, fix: null, reasonText: null, fixText: null } as const;

export const UDEV_FIX =
  'Linux: install the udev rules shipped with LiveDesk (sudo cp /opt/LiveDesk/resources/udev/*.rules /etc/udev/rules.d/ — or build/udev/ in a source checkout), ' +
  'run "sudo udevadm control --reload-rules && sudo udevadm trigger", then unplug and replug the device. On a headless machine also add your user to the plugdev group and log in again.';
export const BUSY_FIX = 'Another program holds the device: quit the Elgato Stream Deck app, Bitfocus Companion or any other deck software, then press Rescan.';
const RETRY_FIX = 'Unplug and replug the device, then press Rescan.';
const UDEV_COPY = 'sudo cp /opt/LiveDesk/resources/udev/*.rules /etc/udev/rules.d/';
const UDEV_RELOAD = 'sudo udevadm control --reload-rules && sudo udevadm trigger';
const udevFix = () => coded('controlsFix.udev', { copy: UDEV_COPY, reload: UDEV_RELOAD }, UDEV_FIX);
const busyFix = () => coded('controlsFix.busy', {}, BUSY_FIX);
export const replugFix = () => coded('controlsFix.replug', {}, RETRY_FIX);

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
    const fix = platform === 'linux' ? udevFix() : coded('controlsFix.allowUsb', {}, 'Allow LiveDesk to use USB devices in the system settings, then press Rescan.');
    return problem('no-access', coded('controls.noAccess', { path }, `no permission to open ${path}`), fix);
  }
  if (code === 'EBUSY' || /busy|exclusive|in use|already open/i.test(message)) {
    return problem('busy', coded('controls.inUse', { path }, `${path} is in use by another program`), busyFix());
  }
  if (platform === 'linux' && path.startsWith('/dev/')) {
    const denied = (options.canAccess ?? checkAccess)(path);
    if (denied && (denied.code === 'EACCES' || denied.code === 'EPERM')) {
      return problem('no-access', coded('controls.noAccess', { path }, `no permission to open ${path} (${denied.code})`), udevFix());
    }
    if (!denied) return problem('busy', coded('controls.heldElsewhere', { path }, `${path} is readable but would not open: another program probably holds it`), busyFix());
  }
  return problem('error', coded('controls.openFailed', {}, message), replugFix());
}

function checkAccess(path: string): NodeJS.ErrnoException | null {
  try {
    accessSync(path, constants.R_OK | constants.W_OK);
    return null;
  } catch (error) {
    return error as NodeJS.ErrnoException;
  }
}
