import type { Alert, CodedText } from '../contract/index.js';
import type { StateHub } from './state-hub.js';

const MAX_ALERTS = 20;

/**
 * Alerts on the desk. A standing alert (OBS down) stays until resolved; a transient one (a scene switch
 * that failed) expires by itself. Raising an alert with the same id replaces it.
 */
export class Alerts {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly hub: StateHub,
    private readonly now: () => number,
    private readonly onRaise: (alert: Alert) => void,
  ) {}

  raise(id: string, level: Alert['level'], text: CodedText, ttlMs?: number): void {
    const alert: Alert = { id, level, code: text.code, params: text.params, text: text.detail, ts: this.now() };
    this.hub.patch({ alerts: [alert, ...this.hub.state.alerts.filter((a) => a.id !== id)].slice(0, MAX_ALERTS) });
    this.onRaise(alert);
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
    if (ttlMs) {
      const timer = setTimeout(() => this.resolve(id), ttlMs);
      timer.unref();
      this.timers.set(id, timer);
    }
  }

  resolve(id: string): void {
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
    if (this.hub.state.alerts.some((a) => a.id === id)) {
      this.hub.patch({ alerts: this.hub.state.alerts.filter((a) => a.id !== id) });
    }
  }

  close(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
