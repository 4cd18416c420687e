import { z } from 'zod';
import { sceneNameSchema } from './primitives.js';

const sourceName = z.string().trim().min(1, 'source name must not be empty').max(256);

/** When stream health becomes an alert (DESIGN §3.2 `GET`/`PUT /obs/settings`). */
export const obsHealthThresholdsSchema = z.strictObject({
  /** Alert when OBS renders fewer frames per second than this. */
  minFps: z.number().min(0).max(240).default(24),
  /** Alert when more than this per cent of frames were skipped (render or encoder) in the last second. */
  maxSkippedPct: z.number().min(0).max(100).default(5),
  /** Alert when the stream's congestion (0..1) exceeds this. */
  maxCongestion: z.number().min(0).max(1).default(0.5),
  /** Alert when the stream's bitrate drops below this while streaming (0 = off). */
  minBitrateKbps: z.number().min(0).max(1_000_000).default(0),
  /** Alert when the recording drive has less free space than this. */
  minDiskSpaceMb: z.number().min(0).default(2048),
  /** A health alert clears only after its figure has been fine this long, so a flapping fps is one alert. */
  clearAfterSeconds: z.number().min(0).max(600).default(5),
});
export type ObsHealthThresholds = z.infer<typeof obsHealthThresholdsSchema>;

/** Product card written into OBS text sources, for builds without Browser Source. */
export const nativeCardSettingsSchema = z.strictObject({
  enabled: z.boolean().default(false),
  /** Text sources (text_ft2_source_v2 / text_gdiplus_v2) that receive the product's name and price. */
  nameSource: sourceName.nullable().default(null),
  priceSource: sourceName.nullable().default(null),
  /** An image_source that shows the product's image (a local file path; URLs are left to the overlay). */
  imageSource: sourceName.nullable().default(null),
  /** Written before the price, e.g. "¥" or "到手价 ¥". */
  pricePrefix: z.string().max(32).default('¥'),
  /** Written into the sources when no product is explained (and into weight / countdown when there is none). */
  emptyText: z.string().max(200).default(''),
  /** A text source that shows the live scale weight. */
  weightSource: sourceName.nullable().default(null),
  /** 'scale': the figure and unit as the scale shows them; otherwise grams converted to g, kg or 斤. */
  weightUnit: z.enum(['scale', 'g', 'kg', 'jin']).default('scale'),
  /** A text source that shows the running flash sale's countdown (mm:ss). */
  countdownSource: sourceName.nullable().default(null),
});
export type NativeCardSettings = z.infer<typeof nativeCardSettingsSchema>;

export const obsSettingsSchema = z.strictObject({
  /** The scene `obs.safe` switches to; null picks a scene named like BRB / 暂离 / standby. */
  safeScene: sceneNameSchema.nullable().default(null),
  health: obsHealthThresholdsSchema.default(() => obsHealthThresholdsSchema.parse({})),
  nativeCard: nativeCardSettingsSchema.default(() => nativeCardSettingsSchema.parse({})),
});
export type ObsSettings = z.infer<typeof obsSettingsSchema>;
export type ObsSettingsInput = z.input<typeof obsSettingsSchema>;

/** One OBS to connect to (DESIGN §3.2 `/obs/profiles`); the password is kept as a secret, never echoed. */
export const obsProfileInputSchema = z.strictObject({
  name: z.string().trim().min(1, 'name must not be empty').max(100),
  url: z.string().trim().regex(/^wss?:\/\/[^\s/]+/, 'url must be a ws:// or wss:// address such as ws://127.0.0.1:4455').max(2048),
  /** Omitted: keep the stored password; null or '': no password. */
  password: z.string().max(256).nullable().optional(),
});
export type ObsProfileInput = z.input<typeof obsProfileInputSchema>;

export const obsProfileIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'profile id is 1–40 lowercase letters, digits or "-"');

export const obsProfileSchema = z.object({ id: z.string(), name: z.string(), url: z.string(), hasPassword: z.boolean() });
export type ObsProfile = z.infer<typeof obsProfileSchema>;

export const obsProfilesSchema = z.object({
  /** The profile the desk connects to; null: the --obs-url / --obs-password it was started with. */
  active: z.string().nullable(),
  profiles: z.array(obsProfileSchema),
});
export type ObsProfiles = z.infer<typeof obsProfilesSchema>;

/** `GET /overlay/link`: where the product-card overlay is served, with its read-only token (for OBS Browser Source). */
export const overlayLinkSchema = z.object({ path: z.string() });
export type OverlayLink = z.infer<typeof overlayLinkSchema>;
