import { z } from 'zod';
import { create } from 'zustand';
import type { AlertRule, KpiBasis, KpiBasisPrefs, KpiSettings } from '../contract.js';
import { whenLinked } from '../lib/desk-link.js';

// The response is the core's own validated settings; the console only needs to read the basis back.
const settingsResponse = z.looseObject({ basis: z.record(z.string(), z.enum(['people', 'times'])), alerts: z.array(z.unknown()) });

type KpiSettingsStore = {
  settings: KpiSettings | null;
  error: string | null;
  load(): Promise<void>;
  setBasis(key: keyof KpiBasisPrefs, basis: KpiBasis): Promise<void>;
  /** Replaces the alert rules; resolves whether the core accepted them (else `error` says why). */
  saveRules(rules: AlertRule[]): Promise<boolean>;
};

export const useKpiSettings = create<KpiSettingsStore>()((set, get) => ({
  settings: null,
  error: null,
  async load() {
    const { api } = await whenLinked();
    try {
      set({ settings: (await api.get('/kpi/settings', settingsResponse)) as unknown as KpiSettings, error: null });
    } catch (err) {
      set({ error: err instanceof Error ? err.message : String(err) });
    }
  },
  async setBasis(key, basis) {
    const current = get().settings;
    if (!current) return;
    const { api } = await whenLinked();
    try {
      const next = { ...current, basis: { ...current.basis, [key]: basis } };
      set({ settings: (await api.send('PUT', '/kpi/settings', next, settingsResponse)) as unknown as KpiSettings, error: null });
    } catch (err) {
      set({ error: err instanceof Error ? err.message : String(err) });
    }
  },
  async saveRules(rules) {
    const current = get().settings;
    if (!current) return false;
    const { api } = await whenLinked();
    try {
      set({ settings: (await api.send('PUT', '/kpi/settings', { ...current, alerts: rules }, settingsResponse)) as unknown as KpiSettings, error: null });
      return true;
    } catch (err) {
      set({ error: err instanceof Error ? err.message : String(err) });
      return false;
    }
  },
}));
