import { describe, expect, it } from 'vitest';
import { acceleratorFor, normalizeAccelerator } from './accelerator.js';

const key = (over: Partial<KeyboardEvent>) => ({ key: '', code: '', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...over });

describe('accelerators', () => {
  it('turns key presses into Electron accelerators, portable across platforms', () => {
    expect(acceleratorFor(key({ key: '!', code: 'Digit1', ctrlKey: true, shiftKey: true }), false)).toBe('CommandOrControl+Shift+1');
    expect(acceleratorFor(key({ key: '1', code: 'Digit1', metaKey: true }), true)).toBe('CommandOrControl+1');
    expect(acceleratorFor(key({ key: 'F5', code: 'F5' }), false)).toBe('F5');
    expect(acceleratorFor(key({ key: 'ArrowRight', code: 'ArrowRight', altKey: true }), false)).toBe('Alt+Right');
    expect(acceleratorFor(key({ key: 'Shift', code: 'ShiftLeft', shiftKey: true }), false)).toBeNull();
  });

  it('compares hand-written and captured accelerators', () => {
    expect(normalizeAccelerator('Ctrl+Shift+1', false)).toBe(normalizeAccelerator('CommandOrControl+Shift+1', false));
    expect(normalizeAccelerator('CmdOrCtrl+K', true)).toBe(normalizeAccelerator('Command+k', true));
    expect(normalizeAccelerator('Ctrl+K', true)).not.toBe(normalizeAccelerator('CommandOrControl+K', true));
  });
});
