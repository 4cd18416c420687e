import { generatedLayout, type Action, type DeskState, type KeyLook, type Layout, type Product } from '../contract/index.js';

export interface GeneratedBinding {
  key: number;
  action: Action;
}

const formatYuan = (fen: number) => `¥${(fen / 100).toFixed(fen % 100 === 0 ? 0 : 2)}`;
const compact = (n: number) => (n >= 10_000 ? `${(n / 10_000).toFixed(n >= 100_000 ? 0 : 1)}万` : String(n));

/**
 * The default layout until bindings are edited: the first row switches scenes, the next rows explain
 * products in catalog order, and the last two keys drop a marker and clear the card.
 */
export function defaultBindings(keyCount: number, columns: number, scenes: readonly string[], products: readonly Product[]): GeneratedBinding[] {
  const bindings: GeneratedBinding[] = [];
  scenes.slice(0, columns).forEach((scene, i) => bindings.push({ key: i, action: { type: 'obs.scene', scene } }));
  const utilityKeys = 2;
  const productKeys = Math.max(0, keyCount - columns - utilityKeys);
  products.slice(0, productKeys).forEach((p, i) => bindings.push({ key: columns + i, action: { type: 'product.explain', sku: p.sku } }));
  if (keyCount >= columns + utilityKeys) {
    bindings.push({ key: keyCount - 2, action: { type: 'session.mark', label: '★' } });
    bindings.push({ key: keyCount - 1, action: { type: 'product.clear' } });
  }
  return bindings;
}

/** The generated layout as a one-page Layout, so bound and unbound surfaces take the same path. */
export function defaultLayout(keyCount: number, columns: number, scenes: readonly string[], products: readonly Product[]): Layout {
  return generatedLayout(keyCount, columns, scenes, products.map((p) => p.sku));
}

/** What a bound key shows, from the live state: keys tell the truth about OBS and the card. */
export function lookFor(action: Action, state: DeskState, products: ReadonlyMap<string, Product>): KeyLook {
  const obsUp = state.obs.status === 'connected';
  const obsDown = (label: string, tone: KeyLook['tone'] = 'action'): KeyLook => ({ label, detail: 'OBS ✕', tone, active: false, disabled: true });
  switch (action.type) {
    case 'obs.scene': {
      const onProgram = obsUp && state.obs.programScene === action.scene;
      return { label: action.scene, detail: !obsUp ? 'OBS ✕' : onProgram ? 'PGM' : null, tone: 'scene', active: onProgram, disabled: !obsUp };
    }
    case 'obs.preview': {
      if (!obsUp) return obsDown(action.scene, 'scene');
      const onPreview = state.obs.previewScene === action.scene;
      return { label: action.scene, detail: onPreview ? 'PVW' : '预览 PVW', tone: 'scene', active: onPreview, disabled: false };
    }
    case 'product.explain': {
      const p = products.get(action.sku);
      const live = state.product?.sku === action.sku;
      const look: KeyLook = { label: p?.name ?? action.sku, detail: live ? `讲解中 ${p ? formatYuan(p.priceFen) : ''}`.trim() : p ? formatYuan(p.priceFen) : '?', tone: 'product', active: live, disabled: !p };
      return p?.image ? { ...look, image: p.image } : look;
    }
    case 'session.mark':
      return { label: '标记 Mark', detail: action.label, tone: 'action', active: false, disabled: !state.session };
    case 'product.clear':
      return { label: '清除 Clear', detail: null, tone: 'action', active: false, disabled: !state.product };
    case 'product.next':
      return { label: '下一个 Next', detail: null, tone: 'product', active: false, disabled: false };
    case 'product.prev':
      return { label: '上一个 Prev', detail: null, tone: 'product', active: false, disabled: false };
    case 'obs.stream.start':
    case 'obs.stream.stop': {
      if (!obsUp) return obsDown(action.type === 'obs.stream.start' ? '开播 Go live' : '停播 Stop', 'danger');
      const start = action.type === 'obs.stream.start';
      return { label: start ? '开播 Go live' : '停播 Stop', detail: state.obs.streaming ? 'ON AIR' : start ? null : 'off', tone: 'danger', active: state.obs.streaming, disabled: start ? state.obs.streaming : !state.obs.streaming };
    }
    case 'obs.record.start':
    case 'obs.record.stop': {
      if (!obsUp) return obsDown(action.type === 'obs.record.start' ? '录制 Rec' : '停录 Stop rec', 'danger');
      const start = action.type === 'obs.record.start';
      return { label: start ? '录制 Rec' : '停录 Stop rec', detail: state.obs.recording ? 'REC' : null, tone: 'danger', active: state.obs.recording, disabled: start ? state.obs.recording : !state.obs.recording };
    }
    case 'session.start':
      return { label: '开场 Start', detail: action.title, tone: 'action', active: !!state.session, disabled: !!state.session };
    case 'session.end':
      return { label: '结束 End', detail: state.session ? '长按 hold' : null, tone: 'danger', active: false, disabled: !state.session };
    case 'light.cue':
      return { label: action.cue, detail: '灯光 Light', tone: 'action', active: false, disabled: false };
    case 'scale.tare':
      return { label: '去皮 Tare', detail: null, tone: 'action', active: false, disabled: !state.scale };
    default: {
      // Actions added by other features (flash sales, …) still get a truthful, readable key.
      const endsAt = flashSaleEnd(state);
      if (action.type.startsWith('flashsale.') && endsAt !== null) {
        const left = Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
        return { label: '秒杀 Flash', detail: `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`, tone: 'danger', active: left > 0, disabled: false };
      }
      return { label: action.type, detail: null, tone: 'action', active: false, disabled: action.type.startsWith('obs.') && !obsUp };
    }
  }
}

/** Display-only keys: a live number on the deck. */
export function kpiLook(metric: string, state: DeskState): KeyLook {
  const k = state.kpi;
  switch (metric) {
    case 'online':
      return { label: '在线 Online', detail: k.online === null ? '—' : compact(k.online), tone: 'idle', active: false, disabled: !state.session };
    case 'gmv':
      return { label: 'GMV', detail: formatYuan(k.gmvFen), tone: 'idle', active: false, disabled: !state.session };
    case 'orders':
      return { label: '订单 Orders', detail: compact(k.orders), tone: 'idle', active: false, disabled: !state.session };
    default:
      return { label: 'OBS', detail: state.obs.status === 'connected' ? (state.obs.programScene ?? '—') : 'OBS ✕', tone: 'idle', active: state.obs.streaming, disabled: state.obs.status !== 'connected' };
  }
}

/**
 * When the running flash sale ends, if the state has one (issue 4 publishes it; the field names are
 * read loosely so either shape works): keys counting down are redrawn every second until then.
 */
export function flashSaleEnd(state: DeskState): number | null {
  const sale = (state as { flashSale?: Record<string, unknown> | null }).flashSale;
  if (!sale || typeof sale !== 'object') return null;
  for (const field of ['endsAt', 'endAt', 'until', 'deadline']) {
    const value = sale[field];
    if (typeof value === 'number' && Number.isFinite(value)) return value;
  }
  return null;
}

/** The info strip of decks that have one: what is on program, and how the show is doing. */
export function statusLook(state: DeskState): KeyLook {
  const obs = state.obs;
  const up = obs.status === 'connected';
  const label = up ? `${obs.streaming ? '● LIVE ' : ''}PGM ${obs.programScene ?? '—'}` : `OBS ✕ ${obs.status}`;
  const k = state.kpi;
  const detail = state.session ? `${state.session.title} · 在线 ${k.online === null ? '—' : compact(k.online)} · ${formatYuan(k.gmvFen)} · ${k.orders}单` : '未开播 No session';
  return { label, detail, tone: 'scene', active: up && obs.streaming, disabled: !up };
}
