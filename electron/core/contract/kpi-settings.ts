import { z } from 'zod';
import { kpiBasisPrefsSchema } from './kpi.js';

/** KPIs an alert rule can watch: the gauges and counters, and the value of every ratio. */
export const alertKpiSchema = z.enum([
  'online',
  'peakOnline',
  'averageOnline',
  'viewersUv',
  'viewsPv',
  'gmvFen',
  'orders',
  'buyers',
  'likes',
  'comments',
  'newFollowers',
  'avgWatchSeconds',
  'interactionRate',
  'conversion',
  'perBuyerFen',
  'aovFen',
  'uvValueFen',
  'gpmFen',
  'productClickRate',
  'clickToOrder',
  'followerConversion',
  'roi',
  /** All sources' ingest events per second: a connector that stalls shows as a drop. */
  'ingestRate',
]);
export type AlertKpi = z.infer<typeof alertKpiSchema>;

/**
 * One threshold rule. `above`/`below` compare the value with the levels; `drop`/`rise` compare the
 * change against the highest (drop) or lowest (rise) value of the last `windowSec` seconds, as a
 * fraction: `{kpi:'online', condition:'drop', yellow:0.1, red:0.2, windowSec:120}` is "online falls
 * 10% / 20% within 2 minutes". An alert clears only once the value is back past the level by
 * `hysteresis` (a fraction of the level), so a value wobbling on the line does not flap.
 */
export const alertRuleSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/, 'id: lowercase letters, digits and "-", at most 48'),
    kpi: alertKpiSchema,
    condition: z.enum(['above', 'below', 'drop', 'rise']),
    yellow: z.number().nonnegative().optional(),
    red: z.number().nonnegative().optional(),
    windowSec: z.int().min(5).max(3600).default(120),
    hysteresis: z.number().min(0).max(1).default(0.05),
    /**
     * Minimum hold time in seconds: a level is entered only after its condition held this long, and
     * left only after it was clear for three times as long. Default: 10 for drop/rise (a rate of change
     * flaps otherwise), 0 for above/below (the hysteresis band is enough).
     */
    holdSec: z.int().min(0).max(600).optional(),
    label: z.string().max(80).optional(),
    enabled: z.boolean().default(true),
  })
  .refine((r) => r.yellow !== undefined || r.red !== undefined, { message: 'a rule needs a yellow or a red level', path: ['yellow'] })
  .refine(
    (r) => r.yellow === undefined || r.red === undefined || (r.condition === 'below' ? r.red <= r.yellow : r.red >= r.yellow),
    { message: 'red must be beyond yellow (lower for "below", higher otherwise)', path: ['red'] },
  );
export type AlertRule = z.infer<typeof alertRuleSchema>;
export type AlertRuleInput = z.input<typeof alertRuleSchema>;

export const kpiSettingsSchema = z.strictObject({
  basis: kpiBasisPrefsSchema.default(kpiBasisPrefsSchema.parse({})),
  alerts: z
    .array(alertRuleSchema)
    .max(50)
    .refine((rules) => new Set(rules.map((r) => r.id)).size === rules.length, { message: 'rule ids must be unique' })
    .default([]),
});
export type KpiSettings = z.infer<typeof kpiSettingsSchema>;
export type KpiSettingsInput = z.input<typeof kpiSettingsSchema>;

export const DEFAULT_KPI_SETTINGS: KpiSettings = kpiSettingsSchema.parse({
  alerts: [{ id: 'online-drop', kpi: 'online', condition: 'drop', yellow: 0.1, red: 0.2, windowSec: 120 }],
});
