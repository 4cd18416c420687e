import { useEffect, useState, type DragEvent } from 'react';
import { DANGEROUS_ACTIONS, generatedLayout, productCues, type KeyBinding, type Layout, type SurfaceState } from '../../contract.js';
import { Panel } from '../../components/panel.js';
import { isDirty, useBindingsStore } from '../../stores/bindings-store.js';
import { useDeskStore } from '../../stores/desk-store.js';
import { useProductsStore } from '../../stores/products-store.js';
import { useT } from '../../stores/prefs-store.js';
import { describeBinding, PALETTE_MIME, type PaletteItem } from './binding-palette.js';
import { usePaletteItems } from './use-palette.js';
import { DIAL_TURNS, dialBinding, dialCount, setDial, type DialTurn } from './dial-form.js';

/** Decks a layout can be made for: `default` (every deck, shown on the virtual deck's grid) or one real deck. */
function layoutTargets(surfaces: readonly SurfaceState[], saved: readonly string[]): { id: string; surface: SurfaceState }[] {
  const virtual = surfaces.find((s) => s.kind === 'virtual');
  const decks = surfaces.filter((s) => s.kind === 'streamdeck');
  // A deck that is unplugged right now keeps its layout editable, on the virtual deck's grid.
  const away = saved.filter((id) => id !== 'default' && !decks.some((d) => d.id === id) && virtual).map((id) => ({ id, surface: { ...(virtual as SurfaceState), id, name: id } }));
  return [...(virtual ? [{ id: 'default', surface: virtual }] : []), ...decks.map((s) => ({ id: s.id, surface: s })), ...away];
}

export function BindingsEditor() {
  const t = useT();
  const state = useDeskStore((s) => s.state);
  const products = useProductsStore((s) => s.products);
  const store = useBindingsStore();
  const [target, setTarget] = useState('default');
  const [page, setPage] = useState(0);
  const [picked, setPicked] = useState<PaletteItem | null>(null);
  const [selectedKey, setSelectedKey] = useState<number | null>(null);

  useEffect(() => {
    void useProductsStore.getState().load();
    void useBindingsStore.getState().load();
  }, []);

  const targets = layoutTargets(state?.surfaces ?? [], Object.keys(store.draft?.layouts ?? {}));
  const current = targets.find((x) => x.id === target) ?? targets[0];
  const surface = current?.surface;
  const items = usePaletteItems();
  if (!state || !store.draft || !surface || !current) return <Panel title={t('bind.title')}><p className="empty">…</p></Panel>;

  const keyCount = surface.columns * surface.rows;
  const seed: Layout = store.draft.layouts[current.id] ?? store.draft.layouts.default ?? generatedLayout(keyCount, surface.columns, state.obs.scenes, products.map((p) => p.sku), { cues: productCues(products) });
  const layout = store.draft.layouts[current.id] ?? seed;
  const own = store.draft.layouts[current.id] !== undefined;
  const pageIndex = Math.min(page, layout.pages.length - 1);
  const keys = layout.pages[pageIndex]?.keys ?? {};
  const put = (key: number, binding: KeyBinding | null) => store.setKey(current.id, pageIndex, key, binding, seed);
  const dropOn = (key: number) => (e: DragEvent) => {
    e.preventDefault();
    const raw = e.dataTransfer.getData(PALETTE_MIME);
    if (raw) put(key, JSON.parse(raw) as KeyBinding);
  };
  const dials = dialCount(surface.model, current.id);
  // Dials go through the same draft as keys: the layout starts from the seed the first time one is bound.
  const putDial = (dial: number, turn: DialTurn, binding: KeyBinding | null) =>
    store.update((d) => ({ ...d, layouts: { ...d.layouts, [current.id]: setDial(d.layouts[current.id] ?? structuredClone(seed), pageIndex, dial, turn, binding) } }));
  const dropOnDial = (dial: number, turn: DialTurn) => (e: DragEvent) => {
    e.preventDefault();
    const raw = e.dataTransfer.getData(PALETTE_MIME);
    if (raw) putDial(dial, turn, JSON.parse(raw) as KeyBinding);
  };
  const selected = selectedKey !== null ? keys[String(selectedKey)] : undefined;
  const dirty = isDirty(store);

  return (
    <Panel
      title={t('bind.title')}
      className="bindings-panel"
      testId="bindings-editor"
      aside={
        <>
          <button type="button" className="btn btn-ghost" disabled={!dirty} onClick={() => store.revert()}>
            {t('bind.revert')}
          </button>
          <button type="button" className="btn btn-primary" data-testid="bindings-save" disabled={!dirty || store.status === 'saving'} onClick={() => void store.save()}>
            {dirty ? t('bind.save') : t('bind.saved')}
          </button>
        </>
      }
    >
      <div className="bind-toolbar">
        <label>
          {t('bind.layoutFor')}{' '}
          <select value={current.id} onChange={(e) => (setTarget(e.target.value), setPage(0), setSelectedKey(null))} data-testid="bindings-target">
            {targets.map((x) => (
              <option key={x.id} value={x.id}>
                {x.id === 'default' ? t('bind.layout.default') : `${x.surface.name} · ${x.surface.serial ?? x.id}`}
              </option>
            ))}
          </select>
        </label>
        <div className="bind-pages" role="tablist">
          {layout.pages.map((p, i) => (
            <button key={i} type="button" role="tab" aria-selected={i === pageIndex} className={`btn btn-ghost ${i === pageIndex ? 'tab-current' : ''}`} onClick={() => setPage(i)}>
              {p.name || t('bind.page', { n: i + 1 })}
            </button>
          ))}
          <button type="button" className="btn btn-ghost" onClick={() => (store.addPage(current.id, seed), setPage(layout.pages.length))}>
            {t('bind.addPage')}
          </button>
          {own && layout.pages.length > 1 ? (
            <button type="button" className="btn btn-ghost" onClick={() => (store.removePage(current.id, pageIndex), setPage(0))}>
              {t('bind.removePage')}
            </button>
          ) : null}
        </div>
      </div>
      {!own ? <p className="hint">{t('bind.generated')}</p> : null}
      {store.error ? <p className="form-error" role="alert">{store.error}</p> : null}
      <div className="bind-body">
        <div className="bind-surface">
        <div className="deck bind-grid" style={{ gridTemplateColumns: `repeat(${surface.columns}, 1fr)` }} data-layout={current.id}>
          {Array.from({ length: keyCount }, (_, i) => {
            const b = keys[String(i)];
            return (
              <div
                key={i}
                className={`deck-key bind-key ${b ? `tone-${b.kind === 'action' ? (DANGEROUS_ACTIONS.has(b.action.type) ? 'danger' : b.action.type.startsWith('obs.scene') ? 'scene' : b.action.type.startsWith('product') ? 'product' : 'action') : 'idle'}` : 'tone-blank'} ${selectedKey === i ? 'key-selected' : ''}`}
                data-key={i}
                onDragOver={(e) => e.preventDefault()}
                onDrop={dropOn(i)}
                onClick={() => (picked ? (put(i, picked.binding), setPicked(null)) : setSelectedKey(i))}
              >
                <span className="key-label">{b ? describeBinding(b, products, t) : i + 1}</span>
                {b ? (
                  <button type="button" className="key-clear" aria-label={t('bind.clearKey')} onClick={(e) => (e.stopPropagation(), put(i, null))}>
                    ×
                  </button>
                ) : null}
              </div>
            );
          })}
        </div>
        {dials > 0 ? (
          <div className="bind-dials" data-testid="bind-dials">
            <h3>{t('bind.dials')}</h3>
            {Array.from({ length: dials }, (_, dial) => (
              <div key={dial} className="bind-dial">
                <span>{t('bind.dial', { n: dial + 1 })}</span>
                {DIAL_TURNS.map((turn) => {
                  const b = dialBinding(layout.pages[pageIndex], dial, turn);
                  return (
                    <div
                      key={turn}
                      className={`deck-key bind-key ${b ? 'tone-action' : 'tone-blank'}`}
                      data-dial={dial}
                      data-turn={turn}
                      onDragOver={(e) => e.preventDefault()}
                      onDrop={dropOnDial(dial, turn)}
                      onClick={() => (picked ? (putDial(dial, turn, picked.binding), setPicked(null)) : undefined)}
                    >
                      <span className="key-label">{b ? describeBinding(b, products, t) : t(turn === 'left' ? 'bind.turnLeft' : 'bind.turnRight')}</span>
                      {b ? (
                        <button type="button" className="key-clear" aria-label={t('bind.clearKey')} onClick={(e) => (e.stopPropagation(), putDial(dial, turn, null))}>
                          ×
                        </button>
                      ) : null}
                    </div>
                  );
                })}
              </div>
            ))}
          </div>
        ) : null}
        </div>
        <div className="bind-palette" aria-label={t('bind.palette')}>
          <p className="hint">{t('bind.hint')}</p>
          {(['scenes', 'products', 'actions'] as const).map((group) => (
            <div key={group} className="palette-group">
              <h3>{t(`bind.${group}`)}</h3>
              {!items.some((it) => it.group === group) ? <p className="empty">—</p> : null}
              {items
                .filter((it) => it.group === group)
                .map((it) => (
                  <button
                    key={it.id}
                    type="button"
                    draggable
                    className={`chip ${picked?.id === it.id ? 'chip-picked' : ''}`}
                    data-palette={it.id}
                    onDragStart={(e) => e.dataTransfer.setData(PALETTE_MIME, JSON.stringify(it.binding))}
                    onClick={() => setPicked(picked?.id === it.id ? null : it)}
                  >
                    {it.label}
                  </button>
                ))}
            </div>
          ))}
        </div>
      </div>
      {selected && selected.kind === 'action' && selectedKey !== null ? (
        <label className="bind-option">
          <input
            type="checkbox"
            checked={selected.longPress === true || DANGEROUS_ACTIONS.has(selected.action.type)}
            disabled={DANGEROUS_ACTIONS.has(selected.action.type)}
            onChange={(e) => put(selectedKey, { ...selected, longPress: e.target.checked })}
          />{' '}
          {t('bind.longPress')} · {t('bind.page', { n: pageIndex + 1 })} / {selectedKey + 1}
        </label>
      ) : null}
      <div className="bind-guards">
        <h3>{t('bind.guards')}</h3>
        <label>
          {t('bind.longPressMs')}{' '}
          <input type="number" min={200} max={5000} step={50} value={store.draft.guards.longPressMs} onChange={(e) => store.update((d) => ({ ...d, guards: { ...d.guards, longPressMs: Number(e.target.value) } }))} />
        </label>
        <label>
          {t('bind.repeatMs')}{' '}
          <input type="number" min={0} max={5000} step={50} value={store.draft.guards.repeatWindowMs} onChange={(e) => store.update((d) => ({ ...d, guards: { ...d.guards, repeatWindowMs: Number(e.target.value) } }))} />
        </label>
      </div>
    </Panel>
  );
}
