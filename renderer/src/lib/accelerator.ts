/**
 * Keyboard events as Electron accelerators ("CommandOrControl+Shift+1"), the one syntax hotkeys are
 * stored in, so a shortcut typed in the console matches the one the shell registers globally.
 */
export type KeyLike = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

const NAMED: Record<string, string> = {
  ' ': 'Space',
  Spacebar: 'Space',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  Escape: 'Escape',
  Enter: 'Enter',
  Tab: 'Tab',
  Backspace: 'Backspace',
  Delete: 'Delete',
  Insert: 'Insert',
  Home: 'Home',
  End: 'End',
  PageUp: 'PageUp',
  PageDown: 'PageDown',
  '+': 'Plus',
};

/** The accelerator for a key press, or null for a bare modifier. Letters and digits come from `code`, so Shift+1 stays "1". */
export function acceleratorFor(e: KeyLike, mac: boolean): string | null {
  if (['Control', 'Shift', 'Alt', 'Meta', 'AltGraph', 'OS'].includes(e.key)) return null;
  let key: string | null = null;
  const code = /^Key([A-Z])$/.exec(e.code) ?? /^Digit([0-9])$/.exec(e.code) ?? /^Numpad([0-9])$/.exec(e.code);
  if (code?.[1]) key = code[1];
  else if (/^F([1-9]|1[0-9]|2[0-4])$/.test(e.key)) key = e.key;
  else if (NAMED[e.key]) key = NAMED[e.key] as string;
  else if (e.key.length === 1 && /[-=[\];',./`\\]/.test(e.key)) key = e.key;
  if (!key) return null;
  const parts: string[] = [];
  // The platform's command key (⌘ on macOS, Ctrl elsewhere) is stored portably.
  if (mac ? e.metaKey : e.ctrlKey) parts.push('CommandOrControl');
  if (mac && e.ctrlKey) parts.push('Control');
  if (!mac && e.metaKey) parts.push('Super');
  if (e.altKey) parts.push('Alt');
  if (e.shiftKey) parts.push('Shift');
  parts.push(key);
  return parts.join('+');
}

const ALIASES: Record<string, string> = { cmdorctrl: 'commandorcontrol', ctrl: 'control', cmd: 'command', esc: 'escape', return: 'enter', option: 'alt' };

/** Canonical form for comparing accelerators written by hand ("Ctrl+Shift+1") and captured ones. */
export function normalizeAccelerator(accelerator: string, mac: boolean): string {
  const parts = accelerator.split('+').map((p) => ALIASES[p.toLowerCase()] ?? p.toLowerCase());
  const key = parts.pop() ?? '';
  const mods = new Set(parts.map((m) => (m === 'commandorcontrol' ? (mac ? 'command' : 'control') : m === 'super' || m === 'meta' ? 'command' : m)));
  return [...[...mods].sort(), key].join('+');
}
