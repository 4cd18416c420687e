import type { Action, KeyBinding, Product } from '../../contract.js';
import type { Translate } from '../../lib/i18n.js';

export interface PaletteItem {
  id: string;
  group: 'scenes' | 'products' | 'actions';
  label: string;
  binding: KeyBinding;
}

const action = (a: Action): KeyBinding => ({ kind: 'action', action: a });

const ACTION_NAMES: Partial<Record<Action['type'], string>> = {
  'product.next': '下一个 Next',
  'product.prev': '上一个 Prev',
  'product.clear': '清除 Clear',
  'obs.stream.start': '开播 Go live',
  'obs.stream.stop': '停播 Stop stream',
  'obs.record.start': '录制 Record',
  'obs.record.stop': '停录 Stop record',
  'session.end': '结束场次 End session',
};

/** What can be put on a key: every scene OBS has, every product, and the desk's common actions. */
export function paletteItems(scenes: readonly string[], products: readonly Product[], t: Translate): PaletteItem[] {
  return [
    ...scenes.map((scene) => ({ id: `scene:${scene}`, group: 'scenes' as const, label: scene, binding: action({ type: 'obs.scene', scene }) })),
    ...products.map((p) => ({ id: `product:${p.sku}`, group: 'products' as const, label: `${p.name} · ${p.sku}`, binding: action({ type: 'product.explain', sku: p.sku }) })),
    { id: 'a:next', group: 'actions', label: '下一个 Next', binding: action({ type: 'product.next' }) },
    { id: 'a:prev', group: 'actions', label: '上一个 Prev', binding: action({ type: 'product.prev' }) },
    { id: 'a:clear', group: 'actions', label: '清除 Clear', binding: action({ type: 'product.clear' }) },
    { id: 'a:mark', group: 'actions', label: '标记 Mark ★', binding: action({ type: 'session.mark', label: '★' }) },
    { id: 'a:stream.start', group: 'actions', label: '开播 Go live', binding: action({ type: 'obs.stream.start' }) },
    { id: 'a:stream.stop', group: 'actions', label: '停播 Stop stream', binding: action({ type: 'obs.stream.stop' }) },
    { id: 'a:record.start', group: 'actions', label: '录制 Record', binding: action({ type: 'obs.record.start' }) },
    { id: 'a:record.stop', group: 'actions', label: '停录 Stop record', binding: action({ type: 'obs.record.stop' }) },
    { id: 'a:session.end', group: 'actions', label: '结束场次 End session', binding: action({ type: 'session.end' }) },
    { id: 'a:page.next', group: 'actions', label: t('bind.pageNext'), binding: { kind: 'page', to: 'next' } },
    { id: 'a:page.prev', group: 'actions', label: t('bind.pagePrev'), binding: { kind: 'page', to: 'prev' } },
    { id: 'a:kpi.online', group: 'actions', label: t('bind.kpiOnline'), binding: { kind: 'show', what: 'kpi.online' } },
    { id: 'a:kpi.gmv', group: 'actions', label: t('bind.kpiGmv'), binding: { kind: 'show', what: 'kpi.gmv' } },
    { id: 'a:obs.status', group: 'actions', label: t('bind.obsStatus'), binding: { kind: 'show', what: 'obs.status' } },
  ];
}

/** A short, readable description of a binding for a key cell or a hotkey row. */
export function describeBinding(b: KeyBinding, products: readonly Product[]): string {
  if (b.kind !== 'show' && b.label) return b.label;
  if (b.kind === 'page') return b.to === 'next' ? '▶ page' : b.to === 'prev' ? '◀ page' : `page ${b.to + 1}`;
  if (b.kind === 'show') return b.what;
  const a = b.action;
  if (a.type === 'obs.scene') return a.scene;
  if (a.type === 'product.explain') return products.find((p) => p.sku === a.sku)?.name ?? a.sku;
  if (a.type === 'session.mark') return `标记 Mark ${a.label}`;
  return ACTION_NAMES[a.type] ?? a.type;
}

export const PALETTE_MIME = 'application/x-livedesk-binding';
