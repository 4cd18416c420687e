import { obsSettingsSchema, parseOrThrow } from '../contract/index.js';
import type { ObsSettings } from '../contract/index.js';
import type { SettingsRepo } from '../store/settings-repo.js';

const KEY = 'obs.settings';

/**
 * The OBS settings (safe scene, health thresholds, native card sources) in the `settings` table, as
 * one JSON value. PUT replaces the whole object; omitted fields take their defaults.
 */
export class ObsSettingsStore {
  private current: ObsSettings;
  private readonly listeners = new Set<(settings: ObsSettings) => void>();

  constructor(private readonly repo: SettingsRepo) {
    this.current = this.load();
  }

  get(): ObsSettings {
    return this.current;
  }

  /** Validates `input` (400 naming the first bad field), stores it and tells the listeners. */
  put(input: unknown): ObsSettings {
    const next = parseOrThrow(obsSettingsSchema, input);
    this.repo.set(KEY, JSON.stringify(next));
    this.current = next;
    for (const listener of this.listeners) listener(next);
    return next;
  }

  subscribe(listener: (settings: ObsSettings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private load(): ObsSettings {
    const raw = this.repo.get(KEY);
    if (raw === null) return obsSettingsSchema.parse({});
    try {
      const parsed = obsSettingsSchema.safeParse(JSON.parse(raw));
      if (parsed.success) return parsed.data;
    } catch {
      // fall through: unreadable settings must not stop the desk from starting
    }
    console.error(`[obs-settings] stored OBS settings are invalid; using the defaults until they are saved again`);
    return obsSettingsSchema.parse({});
  }
}
