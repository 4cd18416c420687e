import { useEffect } from 'react';
import { z } from 'zod';
import { acceleratorFor, normalizeAccelerator } from '../../lib/accelerator.js';
import { getLink } from '../../lib/desk-link.js';
import { useBindingsStore } from '../../stores/bindings-store.js';
import { useDeskStore } from '../../stores/desk-store.js';
import { isMac } from './hotkeys-panel.js';

/**
 * Hotkeys while the console has focus (a browser tab, or the desktop window). Typing in a field never
 * fires one. The core applies the same guards as for any key (repeat window), and logs it as a hotkey.
 */
export function useConsoleHotkeys(): void {
  useEffect(() => {
    void useBindingsStore.getState().load();
    const onKey = (e: KeyboardEvent) => {
      if (e.repeat || e.defaultPrevented) return;
      const target = e.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      const acc = acceleratorFor(e, isMac());
      if (!acc) return;
      const wanted = normalizeAccelerator(acc, isMac());
      const hotkey = useBindingsStore.getState().saved?.hotkeys.find((h) => normalizeAccelerator(h.accelerator, isMac()) === wanted);
      const link = getLink();
      if (!hotkey || !link) return;
      e.preventDefault();
      // A refused hotkey (no live session to mark, no plan running, …) says why on screen, never only in the log.
      link.api.send('POST', '/hotkeys/fire', { accelerator: hotkey.accelerator, source: 'console' }, z.unknown()).catch((err: unknown) => {
        useDeskStore.getState().report(hotkey.accelerator, err);
      });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
