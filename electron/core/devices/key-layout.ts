import type { Action, DeskState, KeyLook, Product } from '../contract/index.js';
import { obsKeyLook } from '../obs/obs-key-looks.js';

export interface KeyBinding {
  key: number;
  action: Action;
}

const formatYuan = (fen: number) => `¥${(fen / 100).toFixed(fen % 100 === 0 ? 0 : 2)}`;

/**
 * The default layout until bindings are edited: the first row switches scenes, the next rows explain
 * products in catalog order, and the last two keys drop a marker and clear the card.
 */
export function defaultBindings(keyCount: number, columns: number, scenes: readonly string[], products: readonly Product[], options: { scale?: boolean } = {}): KeyBinding[] {
  const bindings: KeyBinding[] = [];
  scenes.slice(0, columns).forEach((scene, i) => bindings.push({ key: i, action: { type: 'obs.scene', scene } }));
  // With a scale on the desk, the key before marker and clear shows the live weight and tares.
  const scaleKey = options.scale === true && keyCount >= columns + 3;
  const utilityKeys = scaleKey ? 3 : 2;
  const productKeys = Math.max(0, keyCount - columns - utilityKeys);
  products.slice(0, productKeys).forEach((p, i) => bindings.push({ key: columns + i, action: { type: 'product.explain', sku: p.sku } }));
  if (scaleKey) bindings.push({ key: keyCount - 3, action: { type: 'scale.tare' } });
  if (keyCount >= columns + 2) {
    bindings.push({ key: keyCount - 2, action: { type: 'session.mark', label: '★' } });
    bindings.push({ key: keyCount - 1, action: { type: 'product.clear' } });
  }
  return bindings;
}

/** What a bound key shows, from the live state: keys tell the truth about OBS and the card. */
export function lookFor(action: Action, state: DeskState, products: ReadonlyMap<string, Product>): KeyLook {
  const obsUp = state.obs.status === 'connected';
  switch (action.type) {
    case 'obs.scene': {
      const onProgram = obsUp && state.obs.programScene === action.scene;
      return { label: action.scene, detail: !obsUp ? 'OBS ✕' : onProgram ? 'PGM' : null, tone: 'scene', active: onProgram, disabled: !obsUp };
    }
    case 'product.explain': {
      const p = products.get(action.sku);
      const live = state.product?.sku === action.sku;
      return { label: p?.name ?? action.sku, detail: p ? formatYuan(p.priceFen) : '?', tone: 'product', active: live, disabled: !p };
    }
    case 'session.mark':
      return { label: '标记 Mark', detail: action.label, tone: 'action', active: false, disabled: !state.session };
    case 'scale.tare': {
      const s = state.scale;
      const weight = !s ? '—' : s.status === 'overload' ? 'OL' : s.value === null ? '—' : `${s.value} ${s.unit}${s.status === 'unstable' ? ' ~' : ''}`;
      return { label: '去皮 Tare', detail: weight, tone: 'action', active: s?.placed ?? false, disabled: !s };
    }
    case 'product.clear':
      return { label: '清除 Clear', detail: null, tone: 'action', active: false, disabled: !state.product };
    // The show (issue 4): keys tell the truth about the flash sale and the plan too.
    case 'flashsale.start': {
      const p = products.get(action.sku);
      const sale = state.flashSale ?? null;
      const mine = sale?.sku === action.sku;
      const detail = mine && sale ? (sale.stock === null ? `已抢 ${sale.sold}` : `剩 ${Math.max(0, sale.stock - sale.sold)}`) : formatYuan(action.price ?? p?.flashPriceFen ?? 0);
      return { label: `秒杀 ${p?.name ?? action.sku}`, detail, tone: 'danger', active: mine, disabled: !p || (sale !== null && !mine) };
    }
    case 'flashsale.stop':
      return { label: '停止秒杀 Stop', detail: state.flashSale?.name ?? null, tone: 'danger', active: !!state.flashSale, disabled: !state.flashSale };
    case 'product.next':
    case 'product.prev': {
      const next = action.type === 'product.next';
      const plan = state.plan ?? null;
      const target = plan ? (next ? plan.next : null) : null;
      return { label: next ? '下一个 Next' : '上一个 Prev', detail: target ? (target.sku ?? target.kind) : null, tone: 'action', active: false, disabled: plan ? (next ? !plan.next : plan.index === 0) : false };
    }
    case 'plan.resume': {
      const off = state.plan?.offPlan ?? null;
      return { label: '回到脚本 Resume', detail: off ? off.sku : null, tone: 'action', active: off !== null, disabled: off === null };
    }
    default:
      return obsKeyLook(action, state) ?? { label: action.type, detail: null, tone: 'action', active: false, disabled: false };
  }
}
