import { z } from 'zod';
import { originSchema } from './actions.js';
import { deskStateSchema, overlayStateSchema } from './state.js';
import { overlayPatchSchema, statePatchSchema } from './state-patch.js';
import { apiErrorSchema } from './api.js';

/**
 * WebSocket protocol on `/ws`. Clients send actions, ingest batches and surface key presses; the core
 * pushes the full state on connect and whenever it changes (coalesced), or, for clients that connect
 * with `patch=1`, the full state on connect and then only what changed. A request carries an `id` that
 * its `result` echoes.
 */
export const wsClientMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('action'),
    id: z.string().max(64).optional(),
    action: z.unknown(),
    /** The console marks its clicks as 'ui' so review can tell them from tools on the socket. */
    via: z.enum(['ui', 'ws']).optional(),
  }),
  z.strictObject({ type: z.literal('ingest'), id: z.string().max(64).optional(), batch: z.unknown() }),
  z.strictObject({
    type: z.literal('surface.key'),
    id: z.string().max(64).optional(),
    surface: z.string().min(1).max(128),
    key: z.int().nonnegative(),
    down: z.boolean(),
  }),
  /** A patch client that missed a revision asks for the whole state again. */
  z.strictObject({ type: z.literal('resync'), id: z.string().max(64).optional() }),
]);
export type WsClientMessage = z.infer<typeof wsClientMessageSchema>;

export const wsServerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('state'), state: deskStateSchema }),
  z.object({ type: z.literal('overlay'), state: overlayStateSchema }),
  /** What changed since revision `from`, for clients that connected with `patch=1` (see state-patch.ts). */
  z.object({ type: z.literal('patch'), ...statePatchSchema.shape }),
  z.object({ type: z.literal('overlay.patch'), ...overlayPatchSchema.shape }),
  z.object({
    type: z.literal('result'),
    id: z.string().nullable(),
    ok: z.boolean(),
    result: z.unknown().optional(),
    error: apiErrorSchema.shape.error.optional(),
  }),
]);
export type WsServerMessage = z.infer<typeof wsServerMessageSchema>;

export { originSchema };
