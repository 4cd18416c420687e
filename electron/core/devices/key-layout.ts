import { generatedLayout, productCues, type Action, type BindingPage, type DeskState, type KeyLook, type Layout, type Product } from '../contract/index.js';
import { obsKeyLook } from '../obs/obs-key-looks.js';

export interface GeneratedBinding {
  key: number;
  action: Action;
}

/**
 * Keys speak one language (issue 17): Chinese, the product's default, since the desk has no language
 * setting of its own and the on-screen deck mirrors the hardware exactly. PGM/PVW, OBS and GMV stay as
 * the studio's own abbreviations.
 */
export const HOLD = '长按';

const formatYuan = (fen: number) => `¥${(fen / 100).toFixed(fen % 100 === 0 ? 0 : 2)}`;
const compact = (n: number) => (n >= 10_000 ? `${(n / 10_000).toFixed(n >= 100_000 ? 0 : 1)}万` : String(n));

/**
 * The default layout until bindings are edited (see `generatedLayout`): page 1 switches scenes and
 * explains products (with a scale, a key tares it); page 2 holds the live-show keys, with the products'
 * light cues in catalog order.
 */
export function defaultLayout(keyCount: number, columns: number, scenes: readonly string[], products: readonly Product[], options: { scale?: boolean } = {}): Layout {
  return generatedLayout(keyCount, columns, scenes, products.map((p) => p.sku), { ...options, cues: productCues(products) });
}


/** The generated layout's bindings, key by key. */
export function defaultBindings(keyCount: number, columns: number, scenes: readonly string[], products: readonly Product[], options: { scale?: boolean } = {}): GeneratedBinding[] {
  const keys = defaultLayout(keyCount, columns, scenes, products, options).pages[0]?.keys ?? {};
  return Object.entries(keys)
    .flatMap(([key, binding]) => (binding.kind === 'action' ? [{ key: Number(key), action: binding.action }] : []))
    .sort((a, b) => a.key - b.key);
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
      return { label: action.scene, detail: onPreview ? 'PVW' : '预览', tone: 'scene', active: onPreview, disabled: false };
    }
    case 'product.explain': {
      const p = products.get(action.sku);
      const live = state.product?.sku === action.sku;
      const look: KeyLook = { label: p?.name ?? action.sku, detail: live ? `讲解中 ${p ? formatYuan(p.priceFen) : ''}`.trim() : p ? formatYuan(p.priceFen) : '?', tone: 'product', active: live, disabled: !p };
      return p?.image ? { ...look, image: p.image } : look;
    }
    case 'session.mark':
      return { label: '标记', detail: action.label, tone: 'action', active: false, disabled: !state.session };
    case 'scale.tare': {
      const s = state.scale;
      const weight = !s ? '—' : s.status === 'overload' ? 'OL' : s.value === null ? '—' : `${s.value} ${s.unit}${s.status === 'unstable' ? ' ~' : ''}`;
      return { label: '去皮', detail: weight, tone: 'action', active: s?.placed ?? false, disabled: !s };
    }
    case 'product.clear':
      return { label: '清除', detail: null, tone: 'action', active: false, disabled: !state.product };
    // The show (issue 4): keys tell the truth about the flash sale and the plan too.
    case 'flashsale.start': {
      const p = products.get(action.sku);
      const sale = state.flashSale ?? null;
      const mine = sale?.sku === action.sku;
      // 预热: the key counts down to the opening; once open, to the end with what is left.
      const left = mine && sale ? saleDetail(sale) : null;
      const detail = left ?? formatYuan(action.price ?? p?.flashPriceFen ?? 0);
      return { label: `秒杀 ${p?.name ?? action.sku}`, detail, tone: 'danger', active: mine, disabled: !p || (sale !== null && !mine) };
    }
    case 'flashsale.current': {
      // The product on the card, at its flash price; lit while its sale runs.
      const card = state.product ? products.get(state.product.sku) : undefined;
      const sale = state.flashSale ?? null;
      const mine = !!card && sale?.sku === card.sku;
      const left = mine && sale ? saleDetail(sale) : null;
      const price = card?.flashPriceFen == null ? null : formatYuan(card.flashPriceFen);
      // Named like a product's own 秒杀 key: the name on the label, the price or the countdown below.
      return { label: card ? `秒杀 ${card.name}` : '秒杀', detail: left ?? (card ? (price ?? '?') : null), tone: 'danger', active: mine, disabled: !state.session || !card || price === null || (sale !== null && !mine) };
    }
    case 'flashsale.stop':
      return { label: '停止秒杀', detail: state.flashSale?.name ?? null, tone: 'danger', active: !!state.flashSale, disabled: !state.flashSale };
    case 'product.next':
    case 'product.prev': {
      const next = action.type === 'product.next';
      const plan = state.plan ?? null;
      const target = plan ? (next ? plan.next : null) : null;
      return { label: next ? '下一个' : '上一个', detail: target ? (target.sku ?? target.kind) : null, tone: 'action', active: false, disabled: plan ? (next ? !plan.next : plan.index === 0) : false };
    }
    case 'plan.resume': {
      const off = state.plan?.offPlan ?? null;
      return { label: '回到脚本', detail: off ? off.sku : null, tone: 'action', active: off !== null, disabled: off === null };
    }
    case 'session.start':
      return { label: '开场', detail: action.title, tone: 'action', active: !!state.session, disabled: !!state.session };
    case 'session.end':
      return { label: '结束', detail: state.session ? HOLD : null, tone: 'danger', active: false, disabled: !state.session };
    case 'light.cue':
      return { label: action.cue, detail: '灯光', tone: 'action', active: false, disabled: false };
    default:
      return obsKeyLook(action, state) ?? { label: action.type, detail: null, tone: 'action', active: false, disabled: false };
  }
}

/** Display-only keys: a live number on the deck. */
export function kpiLook(metric: string, state: DeskState): KeyLook {
  const k = state.kpi;
  switch (metric) {
    case 'online':
      return { label: '在线', detail: k.online === null ? '—' : compact(k.online), tone: 'idle', active: false, disabled: !state.session };
    case 'gmv':
      return { label: 'GMV', detail: formatYuan(k.gmvFen), tone: 'idle', active: false, disabled: !state.session };
    case 'orders':
      return { label: '订单', detail: compact(k.orders), tone: 'idle', active: false, disabled: !state.session };
    default:
      return { label: 'OBS', detail: state.obs.status === 'connected' ? (state.obs.programScene ?? '—') : 'OBS ✕', tone: 'idle', active: state.obs.streaming, disabled: state.obs.status !== 'connected' };
  }
}

/** When the running flash sale ends: keys counting down are redrawn every second until then. */
export function flashSaleEnd(state: DeskState): number | null {
  return state.flashSale?.endsAt ?? null;
}

/**
 * Whether any of these pages shows the running sale's countdown (a `flashsale.start` key of its sku,
 * see `lookFor`): decided from the typed state and bindings, never from what a key's label says.
 */
export function showsFlashCountdown(state: DeskState, pages: readonly (BindingPage | undefined)[], now = Date.now()): boolean {
  const sale = state.flashSale ?? null;
  if (!sale || sale.endsAt <= now) return false;
  return pages.some((page) => Object.values(page?.keys ?? {}).some((b) => b.kind === 'action' && ((b.action.type === 'flashsale.start' && b.action.sku === sale.sku) || (b.action.type === 'flashsale.current' && state.product?.sku === sale.sku))));
}

/** A running sale on its key: during 预热 the time to the opening, once open the time left and the stock. */
function saleDetail(sale: NonNullable<DeskState['flashSale']>): string {
  if (Date.now() < sale.startedAt) return `预热 ${countdown(sale.startedAt)}`;
  return `${countdown(sale.endsAt)} ${sale.stock === null ? `已抢 ${sale.sold}` : `剩 ${Math.max(0, sale.stock - sale.sold)}`}`;
}

/** Time left until `endsAt`, as a key shows it: 1:05. */
function countdown(endsAt: number): string {
  const left = Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
  return `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
}

/** The info strip of decks that have one: what is on program, and how the show is doing. */
export function statusLook(state: DeskState): KeyLook {
  const obs = state.obs;
  const up = obs.status === 'connected';
  const label = up ? `${obs.streaming ? '● 直播中 ' : ''}PGM ${obs.programScene ?? '—'}` : `OBS ✕ ${obs.status}`;
  const k = state.kpi;
  const detail = state.session ? `${state.session.title} · 在线 ${k.online === null ? '—' : compact(k.online)} · ${formatYuan(k.gmvFen)} · ${k.orders}单` : '未开播';
  return { label, detail, tone: 'scene', active: up && obs.streaming, disabled: !up };
}
