import { coded, type Alert, type CodedText, type DeskState } from '../contract/index.js';
import { healthProblems } from './obs-health.js';
import { NativeCard } from './native-card.js';
import type { ObsSettingsStore } from './obs-settings-store.js';
import type { ObsLink } from './types.js';

export interface AlertSink {
  raise(id: string, level: Alert['level'], text: CodedText, ttlMs?: number): void;
  resolve(id: string): void;
}

/**
 * Stream health as alerts. An alert is raised (and so logged to the session) when a threshold is
 * first crossed or its level changes, not on every poll. It clears once the figure has been fine for
 * `clearAfterSeconds` (a flapping figure stays one alert), or at once when OBS goes away (then the
 * OBS-down alert says it all).
 */
export class HealthAlerts {
  private readonly active = new Map<string, Alert['level']>();
  private readonly clearing = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly alerts: AlertSink,
    private readonly settings: ObsSettingsStore,
  ) {}

  update(obs: DeskState['obs']): void {
    const connected = obs.status === 'connected';
    const thresholds = this.settings.get().health;
    const problems = connected && obs.health ? healthProblems(obs.health, obs.streaming, thresholds) : [];
    const current = new Set(problems.map((p) => p.id));
    for (const p of problems) {
      this.stopClearing(p.id);
      if (this.active.get(p.id) === p.level) continue;
      this.active.set(p.id, p.level);
      this.alerts.raise(p.id, p.level, p.text);
    }
    for (const id of this.active.keys()) {
      if (current.has(id)) continue;
      if (!connected || thresholds.clearAfterSeconds === 0) this.clear(id);
      else if (!this.clearing.has(id)) {
        const timer = setTimeout(() => this.clear(id), thresholds.clearAfterSeconds * 1000);
        timer.unref();
        this.clearing.set(id, timer);
      }
    }
  }

  private clear(id: string): void {
    this.stopClearing(id);
    this.active.delete(id);
    this.alerts.resolve(id);
  }

  private stopClearing(id: string): void {
    clearTimeout(this.clearing.get(id));
    this.clearing.delete(id);
  }
}

/** Health alerts and the native product card, fed by the desk's published state. */
export function attachObsFeatures(deps: {
  subscribe: (listener: (state: DeskState) => void) => unknown;
  alerts: AlertSink;
  settings: ObsSettingsStore;
  link: () => ObsLink;
  imageFile?: (image: string) => string;
}): void {
  const health = new HealthAlerts(deps.alerts, deps.settings);
  const card = new NativeCard({
    link: deps.link,
    settings: deps.settings,
    onError: (message) => deps.alerts.raise('native-card', 'warn', coded('obs.nativeCardFailed', {}, message), 15_000),
    ...(deps.imageFile && { imageFile: deps.imageFile }),
  });
  deps.subscribe((state) => {
    health.update(state.obs);
    card.update(state);
  });
}
