import { z } from 'zod';
import { fenSchema, sceneNameSchema, skuSchema } from './primitives.js';
import { audienceMoodSchema } from './rehearsal.js';

/**
 * Every input of the desk (UI click, deck key, hotkey, serial button, HTTP call) becomes one of these
 * actions on the core's action bus. `confirm` acknowledges a dangerous action (DESIGN §3.3).
 */
const base = { confirm: z.boolean().optional() };

const act = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.strictObject({ type: z.literal(type), ...base, ...shape });

export const actionSchema = z.discriminatedUnion('type', [
  act('obs.scene', { scene: sceneNameSchema }),
  act('obs.stream.start', {}),
  act('obs.stream.stop', {}),
  act('obs.record.start', {}),
  act('obs.record.stop', {}),
  // Studio mode, sources and the emergency pair (issue 3).
  act('obs.preview', { scene: sceneNameSchema }),
  act('obs.studio', { enabled: z.boolean() }),
  act('obs.transition', {}),
  act('obs.source.toggle', { scene: sceneNameSchema, source: z.string().min(1, 'source must not be empty').max(256) }),
  act('obs.safe', {}),
  act('obs.revert', {}),
  // Creates (or repoints) the LiveDesk overlay as a Browser Source in `scene`.
  act('obs.overlay.setup', {
    scene: sceneNameSchema,
    url: z.string().regex(/^https?:\/\/\S+$/, 'url must be an http(s) address of the overlay page').max(2048),
    name: z.string().trim().min(1).max(256).default('LiveDesk overlay'),
    width: z.int().min(16).max(7680).default(1080),
    height: z.int().min(16).max(7680).default(1920),
  }),
  act('session.start', {
    title: z.string().trim().min(1, 'title must not be empty').max(200),
    planId: z.string().min(1).optional(),
  }),
  act('session.end', {}),
  // A session cut off by a crash is marked interrupted at the next start: resume it (it goes live
  // again, KPIs restored from the database) or close it as ended. `id` defaults to the newest one.
  act('session.resume', { id: z.string().min(1).max(64).optional() }),
  act('session.close', { id: z.string().min(1).max(64).optional() }),
  act('session.mark', { label: z.string().trim().min(1, 'label must not be empty').max(200) }),
  act('product.explain', { sku: skuSchema }),
  act('product.next', {}),
  act('product.prev', {}),
  act('product.clear', {}),
  // Rehearsal: switch the desk to a simulated OBS and audience (and back) without a restart.
  act('rehearsal.start', {}),
  act('rehearsal.stop', {}),
  // Tunes the simulated audience (issue 7): its baseline online and a total events-per-second target
  // for load rehearsals (0 = follow the room). Applies now, or at the next rehearsal.start.
  act('rehearsal.audience', {
    baseOnline: z.int().min(1).max(1_000_000).optional(),
    eventsPerSecond: z.int().min(0).max(10_000).optional(),
    // Issue 17: the controller pauses, turns off or sets the mood of the simulated room.
    enabled: z.boolean().optional(),
    paused: z.boolean().optional(),
    mood: audienceMoodSchema.optional(),
  }),
  // The rehearsal's scale (issue 17): off, paused, or placing by itself every `autoEverySec` (0 = only
  // when asked). `rehearsal.scale.place` puts a product of `grams` on it (0 takes it off).
  act('rehearsal.scale', {
    enabled: z.boolean().optional(),
    paused: z.boolean().optional(),
    autoEverySec: z.int().min(0).max(3_600).optional(),
  }),
  act('rehearsal.scale.place', { grams: z.number().min(0).max(100_000) }),
  // Serial hardware (issue 6): `device` picks a scale when there are several (default: the first).
  act('scale.tare', { device: z.string().max(64).optional() }),
  act('scale.zero', { device: z.string().max(64).optional() }),
  act('light.cue', { cue: z.string().trim().min(1, 'cue must not be empty').max(64) }),
  // The show (issue 4): flash sales (秒杀) and following the show plan.
  act('flashsale.start', {
    sku: skuSchema,
    /** Flash price in fen; defaults to the product's flash-sale price. */
    price: fenSchema.optional(),
    seconds: z.int().min(1, 'seconds must be at least 1').max(24 * 3600),
    /** Units on offer; omitted means no stock limit. */
    stock: z.int().positive('stock must be at least 1').optional(),
    /** 预热: announce the sale with a countdown to its opening this many seconds ahead; orders count from the opening. */
    warmupSeconds: z.int().min(1, 'warmupSeconds must be at least 1').max(3600).optional(),
  }),
  // The deck's one 秒杀 key (issue 17): the product on the card at its catalog flash price. Plans carry no
  // flash sale, so seconds default to 60 (the console's default) and stock to the product's stock when set.
  act('flashsale.current', {
    seconds: z.int().min(1, 'seconds must be at least 1').max(24 * 3600).optional(),
    stock: z.int().positive('stock must be at least 1').optional(),
  }),
  act('flashsale.stop', {}),
  // Alerts (issue 16): the field controller acknowledges one (kept, silent) or mutes it (hidden until it clears).
  act('alert.ack', { id: z.string().min(1).max(120) }),
  act('alert.mute', { id: z.string().min(1).max(120) }),
  act('plan.goto', { index: z.int().nonnegative() }),
  act('plan.resume', {}),
  // Control surfaces (issue 5): `surface` is a surface id (default: the first Stream Deck, else the virtual deck).
  act('deck.page', { surface: z.string().max(160).optional(), to: z.union([z.literal('next'), z.literal('prev'), z.int().nonnegative().max(99)]) }),
  act('deck.brightness', { surface: z.string().max(160).optional(), percent: z.int().min(0).max(100) }),
  act('deck.rescan', {}),
]);

export type Action = z.infer<typeof actionSchema>;
export type ActionType = Action['type'];
export type ActionOf<T extends ActionType> = Extract<Action, { type: T }>;

/** Actions that stop something the audience sees: they run only when confirmed. */
export const DANGEROUS_ACTIONS: ReadonlySet<ActionType> = new Set<ActionType>([
  'obs.stream.stop',
  'obs.record.stop',
  'session.end',
]);

/** Where an action came from; logged with it so review can tell a key press from an API call. */
export const originSchema = z.strictObject({
  surface: z.enum(['api', 'ws', 'ui', 'deck', 'hotkey', 'serial', 'scale', 'system', 'hid']),
  device: z.string().max(128).optional(),
  key: z.int().nonnegative().optional(),
});
export type Origin = z.infer<typeof originSchema>;
