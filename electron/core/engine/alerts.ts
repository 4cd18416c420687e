import { DeskError, type Alert } from '../contract/index.js';
import type { StateHub } from './state-hub.js';

const MAX_ALERTS = 20;

/**
 * Alerts on the desk. A standing alert (OBS down) stays until resolved; a transient one (a scene switch
 * that failed) expires by itself. Raising an alert with the same id replaces it.
 */
export class Alerts {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Alerts the field controller muted: not shown again until they clear (resolve) and come back. */
  private readonly muted = new Set<string>();

  constructor(
    private readonly hub: StateHub,
    private readonly now: () => number,
    private readonly onRaise: (alert: Alert) => void,
  ) {}

  raise(id: string, level: Alert['level'], text: string, ttlMs?: number, since?: number): void {
    if (this.muted.has(id)) return;
    const held = this.hub.state.alerts.find((a) => a.id === id);
    // Re-raised at the same level (a changed figure): an acknowledgement still holds.
    const acked = held?.acked === true && held.level === level;
    const alert: Alert = { id, level, text, ts: this.now(), ...(since !== undefined && { since }), ...(acked && { acked }) };
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

  /** alert.ack: the controller has seen it; it stays listed (no more sound) until it clears. */
  ack(id: string): { id: string } {
    const alert = this.find(id);
    this.hub.patch({ alerts: this.hub.state.alerts.map((a) => (a === alert ? { ...a, acked: true } : a)) });
    return { id };
  }

  /** alert.mute: gone from the desk, and not raised again until its condition has cleared. */
  mute(id: string): { id: string } {
    this.find(id);
    this.muted.add(id);
    this.hub.patch({ alerts: this.hub.state.alerts.filter((a) => a.id !== id) });
    return { id };
  }

  private find(id: string): Alert {
    const alert = this.hub.state.alerts.find((a) => a.id === id);
    if (!alert) throw new DeskError('not_found', `no alert "${id}" on the desk`, { field: 'id' });
    return alert;
  }

  resolve(id: string): void {
    this.muted.delete(id);
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
