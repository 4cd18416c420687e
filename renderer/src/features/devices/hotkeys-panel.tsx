import { useState, type KeyboardEvent } from 'react';
import { DANGEROUS_ACTIONS } from '../../contract.js';
import { Panel } from '../../components/panel.js';
import { acceleratorFor } from '../../lib/accelerator.js';
import { useBindingsStore } from '../../stores/bindings-store.js';
import { useProductsStore } from '../../stores/products-store.js';
import { useT } from '../../stores/prefs-store.js';
import { describeBinding } from './binding-palette.js';
import { usePaletteItems } from './use-palette.js';

export const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform);

/** Hotkeys: capture a shortcut, pick an action; saved with the rest of the bindings. */
export function HotkeysPanel() {
  const t = useT();
  const store = useBindingsStore();
  const products = useProductsStore((s) => s.products);
  const [capturing, setCapturing] = useState(false);
  const [accelerator, setAccelerator] = useState<string | null>(null);
  const [choice, setChoice] = useState('');
  // Stopping the stream or ending the session needs a long press; a keyboard cannot give one.
  const items = usePaletteItems().filter((i) => i.binding.kind === 'action' && !DANGEROUS_ACTIONS.has(i.binding.action.type));
  const hotkeys = store.draft?.hotkeys ?? [];

  const capture = (e: KeyboardEvent) => {
    if (!capturing) return;
    e.preventDefault();
    const acc = acceleratorFor(e.nativeEvent, isMac());
    if (!acc) return;
    setAccelerator(acc);
    setCapturing(false);
  };
  const add = () => {
    const item = items.find((i) => i.id === choice);
    if (!accelerator || !item || item.binding.kind !== 'action') return;
    const action = item.binding.action;
    store.update((d) => ({ ...d, hotkeys: [...d.hotkeys.filter((h) => h.accelerator !== accelerator), { accelerator, action, global: true }] }));
    setAccelerator(null);
    setChoice('');
  };

  return (
    <Panel title={t('hk.title')} testId="hotkeys">
      <p className="hint">{t('hk.hint')}</p>
      {hotkeys.length === 0 ? <p className="empty">{t('hk.none')}</p> : null}
      <ul className="hk-list">
        {hotkeys.map((h, i) => (
          <li key={h.accelerator}>
            <kbd>{h.accelerator}</kbd> → {describeBinding({ kind: 'action', action: h.action }, products, t)}
            <label>
              <input type="checkbox" checked={h.global} onChange={(e) => store.update((d) => ({ ...d, hotkeys: d.hotkeys.map((x, j) => (j === i ? { ...x, global: e.target.checked } : x)) }))} /> {t('hk.global')}
            </label>
            <button type="button" className="btn btn-ghost" aria-label={t('bind.clearKey')} onClick={() => store.update((d) => ({ ...d, hotkeys: d.hotkeys.filter((_, j) => j !== i) }))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="hk-add">
        <button type="button" className="btn" data-testid="hotkey-capture" onClick={() => setCapturing(true)} onKeyDown={capture}>
          {capturing ? t('hk.capture') : (accelerator ?? t('hk.capture'))}
        </button>
        <select value={choice} onChange={(e) => setChoice(e.target.value)} data-testid="hotkey-action">
          <option value="" />
          {items.map((i) => (
            <option key={i.id} value={i.id}>
              {i.label}
            </option>
          ))}
        </select>
        <button type="button" className="btn" disabled={!accelerator || !choice} onClick={add} data-testid="hotkey-add">
          {t('hk.add')}
        </button>
      </div>
    </Panel>
  );
}
