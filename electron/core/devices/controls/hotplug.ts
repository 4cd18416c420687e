import { existsSync } from 'node:fs';

/** Calls back whenever a USB device comes or goes; returns a function that stops watching. */
export type HotplugWatch = (onChange: () => void) => () => void;

/**
 * USB attach/detach through the `usb` package (v3: `connect`/`disconnect` events on `usb`). Loaded
 * lazily and optional: where it cannot load, the desk polls instead and Rescan always works.
 */
export async function usbHotplug(): Promise<HotplugWatch | null> {
  // Without sysfs (containers, some sandboxes) `usb` rejects inside its own listeners, where no caller
  // can catch it and the process dies; so it is only used where it can list devices first.
  if (process.platform === 'linux' && !existsSync('/sys/bus/usb/devices')) return null;
  try {
    const { usb } = await import('usb');
    await usb.getDevices();
    return (onChange) => {
      const listener = () => onChange();
      usb.addEventListener('connect', listener);
      usb.addEventListener('disconnect', listener);
      return () => {
        usb.removeEventListener('connect', listener);
        usb.removeEventListener('disconnect', listener);
      };
    };
  } catch {
    return null;
  }
}

/** Polls instead of listening: for machines where `usb` cannot load. */
export function pollingHotplug(intervalMs: number): HotplugWatch {
  return (onChange) => {
    const timer = setInterval(onChange, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  };
}
