import { DEFAULT_KPI_SETTINGS, kpiSettingsSchema, type KpiSettings } from '../contract/index.js';
import type { SettingsRepo } from '../store/settings-repo.js';

export const KPI_SETTINGS_KEY = 'kpi-settings';

/**
 * The stored KPI settings (basis per ratio, alert rules). The live desk and the review read them the
 * same way, so a ratio has the same basis on the desk and in the 复盘. Settings from an older or
 * damaged database fall back to the defaults instead of stopping the desk.
 */
export function loadKpiSettings(settings: Pick<SettingsRepo, 'get'>): KpiSettings {
  const stored = settings.get(KPI_SETTINGS_KEY);
  if (!stored) return DEFAULT_KPI_SETTINGS;
  let raw: unknown = null;
  try {
    raw = JSON.parse(stored);
  } catch {
    console.error('livedesk: stored KPI settings are not JSON; using the defaults');
  }
  const parsed = kpiSettingsSchema.safeParse(raw);
  return parsed.success ? parsed.data : DEFAULT_KPI_SETTINGS;
}
