import type { CoreConnection } from '../core/contract/bridge.js';

/** The part of Electron's `globalShortcut` the shell uses; tests pass their own. */
export interface ShortcutRegistry {
  register(accelerator: string, callback: () => void): boolean;
  unregister(accelerator: string): void;
}

export interface HotkeySyncResult {
  registered: string[];
  /** Accelerators the OS refused (another app owns them). */
  refused: string[];
}

type Fetch = typeof fetch;

/**
 * Global shortcuts (DESIGN §1: the shell registers them, the core acts). The shell reads the bound
 * hotkeys from the core's `/bindings`, registers those marked `global` with the OS, and forwards each
 * press to `POST /hotkeys/fire`, where it goes through the same bus and guards as any key.
 */
export class GlobalHotkeys {
  private registered = new Set<string>();
  private connection: CoreConnection | null = null;
  private timer: NodeJS.Timeout | null = null;
  private lastRefused: string[] = [];

  constructor(
    private readonly registry: ShortcutRegistry,
    private readonly onProblem: (message: string) => void,
    private readonly fetchImpl: Fetch = fetch,
  ) {}

  /** Re-reads the bindings now and then (they change from the console) while the core is up. */
  follow(connection: CoreConnection, intervalMs = 5000): void {
    this.connection = connection;
    void this.sync();
    if (this.timer) clearInterval(this.timer);
    this.timer = setInterval(() => void this.sync(), intervalMs);
    this.timer.unref();
  }

  async sync(): Promise<HotkeySyncResult> {
    const connection = this.connection;
    if (!connection) return { registered: [], refused: [] };
    let wanted: string[];
    try {
      const res = await this.fetchImpl(`${connection.url}/api/v1/bindings`, { headers: { authorization: `Bearer ${connection.token}` } });
      if (!res.ok) throw new Error(`core answered ${res.status}`);
      const body = (await res.json()) as { hotkeys?: { accelerator: string; global?: boolean }[] };
      wanted = (body.hotkeys ?? []).filter((h) => h.global !== false).map((h) => h.accelerator);
    } catch {
      // The core may be restarting; the registered shortcuts stay until it answers again.
      return { registered: [...this.registered], refused: this.lastRefused };
    }
    for (const accelerator of [...this.registered]) {
      if (wanted.includes(accelerator)) continue;
      this.registry.unregister(accelerator);
      this.registered.delete(accelerator);
    }
    const refused: string[] = [];
    for (const accelerator of wanted) {
      if (this.registered.has(accelerator)) continue;
      let ok = false;
      try {
        ok = this.registry.register(accelerator, () => void this.fire(accelerator));
      } catch {
        ok = false;
      }
      if (ok) this.registered.add(accelerator);
      else refused.push(accelerator);
    }
    if (refused.join() !== this.lastRefused.join() && refused.length) this.onProblem(`global shortcuts taken by another app: ${refused.join(', ')}`);
    this.lastRefused = refused;
    return { registered: [...this.registered], refused };
  }

  async fire(accelerator: string): Promise<void> {
    const connection = this.connection;
    if (!connection) return;
    try {
      const res = await this.fetchImpl(`${connection.url}/api/v1/hotkeys/fire`, {
        method: 'POST',
        headers: { authorization: `Bearer ${connection.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ accelerator, source: 'global' }),
      });
      if (!res.ok) this.onProblem(`hotkey ${accelerator}: ${((await res.json()) as { error?: { message?: string } }).error?.message ?? res.status}`);
    } catch (error) {
      this.onProblem(`hotkey ${accelerator}: the core did not answer (${(error as Error).message})`);
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    for (const accelerator of this.registered) this.registry.unregister(accelerator);
    this.registered.clear();
  }
}
