import { coded, DeskError, type Alert, type CodedText, type DeskState } from '../contract/index.js';
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

  raise(id: string, level: Alert['level'], text: CodedText, ttlMs?: number, since?: number): void {
    if (this.muted.has(id)) return;
    const held = this.hub.state.alerts.find((a) => a.id === id);
    // Re-raised at the same level (a changed figure): an acknowledgement still holds.
    const acked = held?.acked === true && held.level === level;
    const alert: Alert = { id, level, code: text.code, params: text.params, text: text.detail, ts: this.now(), ...(since !== undefined && { since }), ...(acked && { acked }) };
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
    if (!alert) throw new DeskError('not_found', coded('alert.notFound', { id }, `no alert "${id}" on the desk`), { field: 'id' });
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

  /**
   * Resolves every alert whose code names a condition that has ended (a failed press's "catalog is
   * empty" once products exist), instead of leaving it up until its time runs out.
   */
  resolveEnded(ended: (code: string) => boolean): void {
    for (const alert of this.hub.state.alerts) if (ended(alert.code)) this.resolve(alert.id);
  }

  close(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}

/** Codes that describe where a plan stood (no plan running, at its last segment…): moot once that changes. */
const isPlanCode = (code: string): boolean => code.startsWith('plan.');

/** Where the plan stands, as far as its alerts are concerned: none, or which plan at which segment. */
const planPlace = (plan: DeskState['plan']): string => (plan ? `${plan.planId}#${plan.index}` : 'none');

/**
 * Clears alerts that no longer apply: "catalog is empty" once the catalog has products, and a plan
 * alert once the plan it was about moved on, started or ended (issue 16).
 */
export function clearEndedAlerts(deps: {
  alerts: Pick<Alerts, 'resolveEnded'>;
  subscribe: (listener: (state: DeskState) => void) => void;
  productCount: () => number;
}): { catalogChanged: () => void } {
  let place: string | null = null;
  deps.subscribe((state) => {
    const now = planPlace(state.plan);
    if (place !== null && now !== place) deps.alerts.resolveEnded(isPlanCode);
    place = now;
  });
  return {
    catalogChanged: () => {
      if (deps.productCount() > 0) deps.alerts.resolveEnded((code) => code === 'catalog.empty');
    },
  };
}
