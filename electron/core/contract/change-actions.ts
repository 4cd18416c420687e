import { z } from 'zod';
import { actionSchema } from './actions.js';
import { productInputSchema } from './api.js';
import { bindingsSchema, learnRequestSchema } from './controls.js';
import { dmxCueListSchema, serialDeviceListSchema } from './devices.js';
import { commentKeywordsSchema } from './comments.js';
import { kpiSettingsSchema } from './kpi-settings.js';
import { obsProfileIdSchema, obsProfileInputSchema, obsSettingsSchema } from './obs-settings.js';
import { sessionNotesSchema, sessionPatchSchema } from './review.js';
import { planInputSchema } from './show.js';

/**
 * Changes to the desk's set-up and records: what the REST routes do (DESIGN §3.2), as actions on the
 * same bus as a key press, so each is validated, guarded and logged. They live apart from
 * `actionSchema` because they are not bound to keys (bindings themselves are one of them, and a key
 * that replaces the device list would be a trap), and because `bindingsSchema` is built from
 * `actionSchema`. A route validates its body first, so its errors keep naming the body's own fields.
 */
const act = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.strictObject({ type: z.literal(type), confirm: z.boolean().optional(), ...shape });

/** An id or sku from the route's path: the domain answers an unknown one with 404, as the route always did. */
const pathId = z.string();
/** A file the route already received and staged (see engine/uploads.ts): bytes never ride in the log. */
const uploadSchema = z.string().min(1).max(64);

export const changeActionSchema = z.discriminatedUnion('type', [
  // OBS (issue 3): settings and connection profiles; `id: null` goes back to the start-up --obs-url.
  act('obs.settings', { settings: obsSettingsSchema }),
  act('obs.profile.put', { id: obsProfileIdSchema, profile: obsProfileInputSchema }),
  act('obs.profile.remove', { id: pathId }),
  act('obs.profile.activate', { id: pathId.nullable() }),
  // Metrics (issue 7): thresholds and alert rules.
  act('kpi.settings', { settings: kpiSettingsSchema }),
  // The 弹幕 keywords the controller watches (issue 17).
  act('comments.keywords', { keywords: commentKeywordsSchema }),
  // The catalog and the show plans (issue 4).
  act('product.create', { product: productInputSchema }),
  act('product.update', { sku: pathId, product: productInputSchema }),
  act('product.remove', { sku: pathId }),
  act('product.image', { sku: pathId, image: z.string().min(1).max(128).nullable() }),
  act('product.import', { upload: uploadSchema }),
  act('plan.create', { plan: planInputSchema }),
  act('plan.update', { id: pathId, plan: planInputSchema }),
  act('plan.remove', { id: pathId }),
  act('plan.duplicate', { id: pathId, name: z.string().optional() }),
  // Devices and controls (issues 5 and 6).
  act('devices.replace', { devices: serialDeviceListSchema }),
  act('devices.cues', { cues: dmxCueListSchema }),
  act('bindings.replace', { bindings: bindingsSchema }),
  act('controls.learn', learnRequestSchema.shape),
  // Review (issues 7 and 8): a session's tags, notes, deletion (confirmed), imports.
  act('session.patch', { id: pathId, patch: sessionPatchSchema }),
  act('session.notes', { id: pathId, notes: sessionNotesSchema }),
  act('session.remove', { id: pathId }),
  act('session.import', { id: pathId, platform: z.string().nullable(), tz: z.string().nullable(), upload: uploadSchema }),
  act('review.import', { upload: uploadSchema }),
]);

export type ChangeAction = z.infer<typeof changeActionSchema>;

/** Everything the bus accepts: the bindable actions and the set-up changes. */
export const busActionSchema = z.discriminatedUnion('type', [...actionSchema.options, ...changeActionSchema.options]);
export type BusAction = z.infer<typeof busActionSchema>;
export type BusActionType = BusAction['type'];
export type BusActionOf<T extends BusActionType> = Extract<BusAction, { type: T }>;

/**
 * The copy of an action the session log keeps: secrets never reach the log (DESIGN §8), so an OBS
 * profile's password is recorded only as set or cleared.
 */
export function loggableAction<A extends { type: string }>(action: A): A {
  if (action.type !== 'obs.profile.put') return action;
  const { profile } = action as unknown as ChangeActionOf<'obs.profile.put'>;
  if (profile.password === undefined) return action;
  return { ...action, profile: { ...profile, password: profile.password ? '(set)' : null } };
}

type ChangeActionOf<T extends ChangeAction['type']> = Extract<ChangeAction, { type: T }>;
