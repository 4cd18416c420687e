import { z } from 'zod';
import { create } from 'zustand';
import type { AlertRule, KpiBasis, KpiBasisPrefs, KpiSettings } from '../contract.js';
import { whenLinked } from '../lib/desk-link.js';
import { useDeskStore } from './desk-store.js';
import { sayError } from './prefs-store.js';

// The settings themselves arrive with the pushed state (state.kpiSettings); this store only changes them.
const settingsResponse = z.looseObject({ basis: z.record(z.string(), z.enum(['people', 'times'])), alerts: z.array(z.unknown()) });

type KpiSettingsStore = {
  error: string | null;
  setBasis(key: keyof KpiBasisPrefs, basis: KpiBasis): Promise<void>;
  /** Replaces the alert rules; resolves whether the core accepted them (else `error` says why). */
  saveRules(rules: AlertRule[]): Promise<boolean>;
};

const current = (): KpiSettings | null => useDeskStore.getState().state?.kpiSettings ?? null;

export const useKpiSettings = create<KpiSettingsStore>()((set) => {
  const put = async (next: KpiSettings): Promise<boolean> => {
    const { api } = await whenLinked();
    try {
      await api.send('PUT', '/kpi/settings', next, settingsResponse);
      set({ error: null });
      return true;
    } catch (err) {
      set({ error: sayError(err) });
      return false;
    }
  };
  return {
    error: null,
    async setBasis(key, basis) {
      const settings = current();
      if (settings) await put({ ...settings, basis: { ...settings.basis, [key]: basis } });
    },
    async saveRules(rules) {
      const settings = current();
      return settings ? put({ ...settings, alerts: rules }) : false;
    },
  };
});
