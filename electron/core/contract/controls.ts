import { z } from 'zod';
import { codedTextSchema } from './texts.js';
import { actionSchema, type Action, type ActionType } from './actions.js';
import { RESERVED_CUES } from './devices.js';

/**
 * Control hardware (Stream Decks, generic HID pedals and button boxes) and what its buttons do:
 * the `/bindings` document (DESIGN §3.2), device views the core publishes, and the hotkeys the shell
 * registers.
 */

/** A Stream Deck or HID device the OS lists, with whether the desk could open it and, if not, how to fix it. */
export const controlDeviceViewSchema = z.object({
  id: z.string(),
  kind: z.enum(['streamdeck', 'hid']),
  path: z.string(),
  name: z.string(),
  model: z.string().nullable(),
  serial: z.string().nullable(),
  /** `available`: a HID device nothing is bound to yet (not opened); `keyboard`: handled by hotkeys instead. */
  status: z.enum(['open', 'available', 'no-access', 'busy', 'error', 'keyboard']),
  reason: z.string().nullable(),
  /** What the user can do about a device that cannot be opened (udev rule, group, another app). */
  fix: z.string().nullable(),
  /** `reason` and `fix` as coded texts the console translates (`reason`/`fix` stay English for developers). */
  reasonText: codedTextSchema.nullable().optional(),
  fixText: codedTextSchema.nullable().optional(),
  vendorId: z.int().nullable(),
  productId: z.int().nullable(),
  brightness: z.int().min(0).max(100).nullable(),
});
export type ControlDeviceView = z.infer<typeof controlDeviceViewSchema>;

/** A layout is addressed by the surface id (`streamdeck:<serial>`, `virtual-1`, `hid:<vid>:<pid>:<serial>`) or `default`. */
const layoutIdSchema = z.string().min(1).max(160);

export const keyBindingSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('action'),
    action: actionSchema,
    /** Hold to fire; dangerous actions always need it, whatever this says. */
    longPress: z.boolean().optional(),
    /** Let a second press within the repeat window fire again (e.g. product.next). */
    allowRepeat: z.boolean().optional(),
    label: z.string().trim().max(40).optional(),
  }),
  z.strictObject({
    /** A display-only key: a live number or status on the deck. */
    kind: z.literal('show'),
    what: z.enum(['kpi.online', 'kpi.gmv', 'kpi.orders', 'obs.status']),
  }),
  z.strictObject({
    kind: z.literal('page'),
    to: z.union([z.literal('next'), z.literal('prev'), z.int().nonnegative().max(99)]),
    label: z.string().trim().max(40).optional(),
  }),
]);
export type KeyBinding = z.infer<typeof keyBindingSchema>;

/** What turning a dial does (Stream Deck +, Studio): one binding per direction, fired per detent. */
export const dialBindingSchema = z.strictObject({
  left: keyBindingSchema.optional(),
  right: keyBindingSchema.optional(),
});
export type DialBinding = z.infer<typeof dialBindingSchema>;

export const bindingPageSchema = z.strictObject({
  name: z.string().trim().max(40).default(''),
  /** Key index (as a string, JSON object keys) → binding; unlisted keys are blank. */
  keys: z.record(z.string().regex(/^\d{1,3}$/, 'key must be a key index such as "0"'), keyBindingSchema),
  /** Dial index → what turning it does; pressing a dial is a key (index 100 + dial). */
  dials: z.record(z.string().regex(/^\d$/, 'dial must be a dial index such as "0"'), dialBindingSchema).optional(),
});
export type BindingPage = z.infer<typeof bindingPageSchema>;

export const layoutSchema = z.strictObject({ pages: z.array(bindingPageSchema).min(1, 'a layout needs at least one page').max(100) });
export type Layout = z.infer<typeof layoutSchema>;

/** Electron accelerator syntax: modifiers then one key, e.g. "CommandOrControl+Shift+1", "F5". */
export const acceleratorSchema = z
  .string()
  .trim()
  .max(60)
  .regex(
    /^((CommandOrControl|CmdOrCtrl|Command|Cmd|Control|Ctrl|Alt|Option|AltGr|Shift|Super|Meta)\+)*([A-Z0-9]|F([1-9]|1[0-9]|2[0-4])|Space|Tab|Enter|Return|Backspace|Delete|Insert|Home|End|PageUp|PageDown|Up|Down|Left|Right|Escape|Esc|Plus|[-=[\];',./`\\])$/i,
    'accelerator must be modifiers and one key, e.g. "CommandOrControl+Shift+1" or "F5"',
  );

export const hotkeyBindingSchema = z.strictObject({
  accelerator: acceleratorSchema,
  action: actionSchema,
  /** Registered with the OS by the Electron shell, so it works while another app has focus. */
  global: z.boolean().default(true),
});
export type HotkeyBinding = z.infer<typeof hotkeyBindingSchema>;

/** A generic HID button learnt from its report: the device and the report bytes that mean "pressed". */
export const hidBindingSchema = z.strictObject({
  /** `hid:<vendorId>:<productId>` in lower-case hex, optionally `:<serial>` (or `:@<path>` for twins without one). */
  device: z.string().regex(/^hid:[0-9a-f]{4}:[0-9a-f]{4}(:.+)?$/, 'device must look like "hid:05f3:00ff"'),
  /** The report as hex (e.g. "00 02 00"); a press is this report arriving, a release any other. */
  report: z.string().regex(/^([0-9a-f]{2})( [0-9a-f]{2})*$/, 'report must be hex bytes such as "00 02 00"').max(3 * 64),
  action: actionSchema,
  label: z.string().trim().max(40).optional(),
  allowRepeat: z.boolean().optional(),
});
export type HidBinding = z.infer<typeof hidBindingSchema>;

const actionTypes = actionSchema.options.map((o) => o.shape.type.value) as [ActionType, ...ActionType[]];

export const guardSettingsSchema = z.strictObject({
  /** How long a key must be held to fire a long-press action. */
  longPressMs: z.int().min(200).max(5000).default(800),
  /** A second press of the same key within this window is ignored (bounce, double tap). */
  repeatWindowMs: z.int().min(0).max(5000).default(300),
  /** Actions that need a long press on hardware besides the always-dangerous ones. */
  longPressActions: z.array(z.enum(actionTypes)).max(64).default([]),
  /** Actions a quick second press may repeat (stepping through products). */
  repeatActions: z.array(z.enum(actionTypes)).max(64).default(['product.next', 'product.prev']),
});
export type GuardSettings = z.infer<typeof guardSettingsSchema>;

export const bindingsSchema = z.strictObject({
  layouts: z.record(layoutIdSchema, layoutSchema).default({}),
  hotkeys: z.array(hotkeyBindingSchema).max(200).default([]),
  hid: z.array(hidBindingSchema).max(500).default([]),
  guards: guardSettingsSchema.default({ longPressMs: 800, repeatWindowMs: 300, longPressActions: [], repeatActions: ['product.next', 'product.prev'] }),
});
export type Bindings = z.infer<typeof bindingsSchema>;
export type BindingsInput = z.input<typeof bindingsSchema>;

/** `POST /controls/learn`: listen to a HID device for the next button report (null stops). */
export const learnRequestSchema = z.strictObject({ device: z.string().min(1).max(160).nullable() });

/** `POST /hotkeys/fire`: a shortcut was pressed, in the shell (global) or the focused console. */
export const hotkeyFireSchema = z.strictObject({ accelerator: acceleratorSchema, source: z.enum(['global', 'console']).default('console') });

/** Decks with fewer keys keep one page: the live-show page needs room for its keys and a way back. */
const SHOW_PAGE_MIN_KEYS = 6;

/**
 * The automatic layout of a surface nobody has bound yet. Page 1: the first row switches scenes (its
 * last key turns to page 2), the next rows explain products in catalog order, and the last two keys drop
 * a marker and clear the card. Page 2 holds what a controller reaches for during the show (issue 17):
 * 秒杀 of the product on the card, stop it, 安全画面, 撤销切换, 回到脚本, a marker that asks nothing, and
 * the light cues (`cues`, then the built-in blackout), with its last key turning back. Shared with the
 * console so its editor starts from exactly what the deck shows.
 */
export function generatedLayout(keyCount: number, columns: number, scenes: readonly string[], skus: readonly string[], options: { scale?: boolean; cues?: readonly string[] } = {}): Layout {
  const keys: Record<string, KeyBinding> = {};
  const showPage = keyCount >= SHOW_PAGE_MIN_KEYS && columns >= 2;
  const sceneKeys = showPage ? columns - 1 : columns;
  scenes.slice(0, sceneKeys).forEach((scene, i) => (keys[String(i)] = { kind: 'action', action: { type: 'obs.scene', scene } }));
  if (showPage) keys[String(columns - 1)] = { kind: 'page', to: 'next' };
  // With a scale on the desk, the key before marker and clear shows the live weight and tares.
  const scaleKey = options.scale === true && keyCount >= columns + 3;
  const productKeys = Math.max(0, keyCount - columns - (scaleKey ? 3 : 2));
  skus.slice(0, productKeys).forEach((sku, i) => (keys[String(columns + i)] = { kind: 'action', action: { type: 'product.explain', sku } }));
  if (scaleKey) keys[String(keyCount - 3)] = { kind: 'action', action: { type: 'scale.tare' } };
  if (keyCount >= columns + 2) {
    keys[String(keyCount - 2)] = { kind: 'action', action: { type: 'session.mark', label: '★' } };
    keys[String(keyCount - 1)] = { kind: 'action', action: { type: 'product.clear' } };
  }
  return { pages: showPage ? [{ name: '', keys }, showPageOf(keyCount, options.cues ?? [])] : [{ name: '', keys }] };
}

/** The light cues products name, once each, in catalog order: the generated show page's light keys. */
export function productCues(products: readonly { cue?: string | null | undefined }[]): string[] {
  return [...new Set(products.flatMap((p) => (p.cue ? [p.cue] : [])))];
}

function showPageOf(keyCount: number, cues: readonly string[]): BindingPage {
  const lightCues = [...new Set([...cues, ...RESERVED_CUES])].map((cue): Action => ({ type: 'light.cue', cue }));
  const actions: Action[] = [
    { type: 'flashsale.current' },
    { type: 'flashsale.stop' },
    { type: 'obs.safe' },
    { type: 'obs.revert' },
    { type: 'plan.resume' },
    { type: 'session.mark', label: '★' },
    ...lightCues,
  ];
  const keys: Record<string, KeyBinding> = {};
  actions.slice(0, keyCount - 1).forEach((action, i) => (keys[String(i)] = { kind: 'action', action }));
  keys[String(keyCount - 1)] = { kind: 'page', to: 'next' };
  return { name: '', keys };
}
