import { actionSchema, keyBindingSchema, MARK_PRESETS, RESERVED_CUES, type Action, type ActionType, type KeyBinding, type Product } from '../../contract.js';
import { actionName } from '../../lib/describe-event.js';
import type { StringKey, Translate } from '../../lib/i18n.js';

export interface PaletteItem {
  id: string;
  group: 'scenes' | 'products' | 'actions';
  label: string;
  binding: KeyBinding;
}

/** What the palette offers beyond the action list itself: the desk's scenes, products and light cues. */
export interface PaletteSources {
  scenes: readonly string[];
  products: readonly Product[];
  /** Light cues the desk knows (DMX cues, the products' cues); the built-in ones are always added. */
  cues?: readonly string[];
}

const action = (a: Action): KeyBinding => ({ kind: 'action', action: a });

/** Every action type, in the order the contract lists them. */
export const ACTION_TYPES: readonly ActionType[] = actionSchema.options.map((o) => o.shape.type.value);

/**
 * Actions the palette does not offer, and why: a set-up switch or a choice the console makes in its own
 * dialog, or an argument the editor cannot pick (a transient alert id, a plan's segment, free text).
 * Everything else is offered, so an action added to the contract shows up by itself (a test holds this).
 */
export const NOT_ON_KEYS: ReadonlySet<ActionType> = new Set<ActionType>([
  'rehearsal.start',
  'rehearsal.stop',
  'rehearsal.audience',
  'rehearsal.scale',
  'rehearsal.scale.place',
  'session.start',
  'session.resume',
  'session.close',
  'obs.source.toggle',
  'obs.overlay.setup',
  'alert.ack',
  'alert.mute',
  'plan.goto',
  'deck.brightness',
  // A key turns pages with a page binding (the page chips below), not with this action.
  'deck.page',
]);

/** Actions that take no argument, read from the schema: any such new action becomes a chip. */
const needsNothing = (type: ActionType) => actionSchema.safeParse({ type }).success;

/** The display-only key kinds (`show` bindings), from the key binding schema. */
const SHOW_KINDS = keyBindingSchema.options.flatMap((o) => (o.shape.kind.value === 'show' && 'what' in o.shape ? o.shape.what.options : []));

const SHOW_NAMES: Record<(typeof SHOW_KINDS)[number], StringKey> = {
  'kpi.online': 'bind.kpiOnline',
  'kpi.gmv': 'bind.kpiGmv',
  'kpi.orders': 'bind.kpiOrders',
  'obs.status': 'bind.obsStatus',
};

/** The actions a key can take with arguments the desk can offer, one chip per choice. */
function withArguments(type: ActionType, { products, cues = [] }: PaletteSources): Action[] {
  switch (type) {
    case 'session.mark':
      return ['★', ...MARK_PRESETS].map((label) => ({ type, label }));
    case 'light.cue':
      return [...new Set([...cues, ...RESERVED_CUES])].map((cue) => ({ type, cue }));
    case 'flashsale.start':
      // A product's planned sale: its catalog flash price, for a minute (the console's default).
      return products.filter((p) => p.flashPriceFen != null).map((p) => ({ type, sku: p.sku, seconds: 60 }));
    case 'obs.studio':
      return [true, false].map((enabled) => ({ type, enabled }));
    default:
      return [];
  }
}

/** What can be put on a key: every scene OBS has, every product, and every action a key can take. */
export function paletteItems(sources: PaletteSources, t: Translate): PaletteItem[] {
  const { scenes, products } = sources;
  const actions = ACTION_TYPES.filter((type) => !NOT_ON_KEYS.has(type) && type !== 'obs.scene' && type !== 'obs.preview' && type !== 'product.explain').flatMap((type) =>
    needsNothing(type) ? [{ type } as Action] : withArguments(type, sources),
  );
  return [
    ...scenes.map((scene) => ({ id: `scene:${scene}`, group: 'scenes' as const, label: scene, binding: action({ type: 'obs.scene', scene }) })),
    ...scenes.map((scene) => ({ id: `preview:${scene}`, group: 'scenes' as const, label: `${actionName(t, 'obs.preview')} · ${scene}`, binding: action({ type: 'obs.preview', scene }) })),
    ...products.map((p) => ({ id: `product:${p.sku}`, group: 'products' as const, label: `${p.name} · ${p.sku}`, binding: action({ type: 'product.explain', sku: p.sku }) })),
    ...actions.map((a) => ({ id: chipId(a), group: 'actions' as const, label: actionLabel(a, products, t), binding: action(a) })),
    { id: 'a:page.next', group: 'actions', label: t('bind.pageNext'), binding: { kind: 'page', to: 'next' } },
    { id: 'a:page.prev', group: 'actions', label: t('bind.pagePrev'), binding: { kind: 'page', to: 'prev' } },
    ...SHOW_KINDS.map((what) => ({ id: `a:${what}`, group: 'actions' as const, label: t(SHOW_NAMES[what]), binding: { kind: 'show' as const, what } })),
  ];
}

/** A chip's stable id: `a:<type>`, with its argument when there are several of the type (`a:light.cue:blackout`). */
function chipId(a: Action): string {
  const arg = a.type === 'session.mark' ? a.label : a.type === 'light.cue' ? a.cue : a.type === 'flashsale.start' ? a.sku : a.type === 'obs.studio' ? String(a.enabled) : null;
  return arg === null ? `a:${a.type}` : `a:${a.type}:${arg}`;
}

/** An action by its name in the console's language, with the one argument that tells chips apart. */
function actionLabel(a: Action, products: readonly Product[], t: Translate): string {
  const name = actionName(t, a.type);
  switch (a.type) {
    case 'obs.scene':
      return a.scene;
    case 'product.explain':
      return products.find((p) => p.sku === a.sku)?.name ?? a.sku;
    case 'obs.preview':
      return `${name} · ${a.scene}`;
    case 'session.mark': {
      const preset = `mark.${a.label}`;
      return `${name} ${(MARK_PRESETS as readonly string[]).includes(a.label) ? t(preset as StringKey) : a.label}`;
    }
    case 'light.cue':
      return `${name} · ${a.cue}`;
    case 'flashsale.start':
      return `${name} · ${products.find((p) => p.sku === a.sku)?.name ?? a.sku}`;
    case 'obs.studio':
      return `${name} · ${t(a.enabled ? 'bind.on' : 'bind.off')}`;
    default:
      return name;
  }
}

/** A short, readable description of a binding for a key cell or a hotkey row, in the console's language. */
export function describeBinding(b: KeyBinding, products: readonly Product[], t: Translate): string {
  if (b.kind !== 'show' && b.label) return b.label;
  if (b.kind === 'page') return b.to === 'next' ? t('bind.pageNext') : b.to === 'prev' ? t('bind.pagePrev') : t('bind.page', { n: b.to + 1 });
  if (b.kind === 'show') return t(SHOW_NAMES[b.what]);
  return actionLabel(b.action, products, t);
}

export const PALETTE_MIME = 'application/x-livedesk-binding';
