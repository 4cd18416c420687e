import { z } from 'zod';

/**
 * The rehearsal's simulators as the controller sets them (issue 17): each can be paused, retuned or
 * turned off from the console, and the simulated scale places a product only when asked to (a
 * self-running scale fired 讲解 next/clear every ~18 s and ran a 43-minute plan out in 3 minutes).
 */

/** `room` follows what is on screen; the others hold the room in one mood whatever happens. */
export const audienceMoodSchema = z.enum(['room', 'cold', 'warm', 'hot']);
export type AudienceMoodSetting = z.infer<typeof audienceMoodSchema>;

export const audienceSimSettingsSchema = z.object({
  /** Off: no simulated viewers at all (a rehearsal of the run-of-show only). */
  enabled: z.boolean(),
  /** Paused: the room holds still, sending nothing, until resumed. */
  paused: z.boolean(),
  baseOnline: z.int().min(1).max(1_000_000),
  /** Total events per second for load rehearsals; null follows the room. */
  eventsPerSecond: z.int().min(1).max(10_000).nullable(),
  mood: audienceMoodSchema,
});
export type AudienceSimSettings = z.infer<typeof audienceSimSettingsSchema>;

export const scaleSimSettingsSchema = z.object({
  /** Off: the simulated scale is unplugged (gone from the devices list). */
  enabled: z.boolean(),
  /** Paused: an automatic cycle holds where it is. */
  paused: z.boolean(),
  /** Seconds between automatic placements; 0 (the default) places a product only when asked. */
  autoEverySec: z.int().min(0).max(3_600),
  /** What is on the scale now (grams, 0 = empty). */
  grams: z.number().min(0).max(100_000),
});
export type ScaleSimSettings = z.infer<typeof scaleSimSettingsSchema>;

/** Published while rehearsal runs (null otherwise), so every console shows the same switches. */
export const rehearsalSimsSchema = z.object({
  audience: audienceSimSettingsSchema,
  scale: scaleSimSettingsSchema,
});
export type RehearsalSims = z.infer<typeof rehearsalSimsSchema>;
