import { randomBytes } from 'node:crypto';
import {
  DeskError,
  parseIngestBatch,
  type Health,
  type IngestResult,
  type ObsState,
  type Origin,
  type SessionSummary,
} from '../contract/index.js';
import { openDatabase, type Db } from '../store/database.js';
import { SessionsRepo } from '../store/sessions-repo.js';
import { ProductsRepo } from '../store/products-repo.js';
import { CommerceRepo } from '../store/commerce-repo.js';
import { SettingsRepo } from '../store/settings-repo.js';
import { createObsLink } from '../obs/obs-link.js';
import { ObsSettingsStore } from '../obs/obs-settings-store.js';
import { attachObsFeatures } from '../obs/obs-features.js';
import { createObsProfiles, type ObsProfiles } from '../obs/obs-profiles.js';
import type { ObsLink, ObsLinkOptions } from '../obs/types.js';
import { Catalog } from '../show/catalog.js';
import { ExplainFlow } from '../show/explain-flow.js';
import { KpiTracker, EMPTY_KPI } from '../metrics/kpi-tracker.js';
import { createPseudonymizer } from '../metrics/personal-data.js';
import { noLiveSession, writeIngestBatch } from '../metrics/ingest-service.js';
import { DeckBinder } from '../devices/deck-binder.js';
import { createSerialManager, type SerialManager } from '../devices/serial/serial-wiring.js';
import { Controls, type ControlBackends } from '../devices/controls/controls.js';
import { VirtualDeck } from '../../../native/sim/virtual-deck.js';
import { StateHub } from './state-hub.js';
import { SessionLog } from './session-log.js';
import { ActionBus } from './action-bus.js';
import { Alerts } from './alerts.js';
import { createHandlers } from './handlers.js';
import { Rehearsal } from './rehearsal.js';

export interface DeskOptions {
  dbFile: string;
  obsUrl: string;
  obsPassword?: string | undefined;
  demo: boolean;
  version: string;
  now?: () => number;
  /** How OBS links are made; tests and rehearsal use the same factory. */
  obsFactory?: (options: ObsLinkOptions) => ObsLink;
  /** Stream Deck / HID buses and hot-plug; omitted = no control hardware (in-process tests). */
  controls?: ControlBackends;
}

/**
 * The engine: one database, one OBS link, the action bus and the published state. The server, the
 * CLI and the tests all drive LiveDesk through this object.
 */
export class Desk {
  readonly hub: StateHub;
  readonly log: SessionLog;
  readonly catalog: Catalog;
  readonly explain: ExplainFlow;
  readonly alerts: Alerts;
  readonly obsSettings: ObsSettingsStore;
  readonly obsProfiles: ObsProfiles;
  readonly deck: VirtualDeck;
  readonly serial: SerialManager;
  readonly controls: Controls;
  readonly now: () => number;
  readonly interrupted: SessionSummary[];
  private readonly db: Db;
  private readonly sessions: SessionsRepo;
  private readonly commerce: CommerceRepo;
  private readonly bus: ActionBus;
  private readonly binder: DeckBinder;
  private readonly rehearsal: Rehearsal;
  private readonly pseudonymize: (value: string) => string;
  private kpi = new KpiTracker();
  private obs: ObsLink;
  private obsOff: () => void = () => {};
  readonly makeObsLink: (options: ObsLinkOptions) => ObsLink;

  constructor(private readonly options: DeskOptions) {
    this.now = options.now ?? Date.now;
    this.db = openDatabase(options.dbFile);
    this.sessions = new SessionsRepo(this.db);
    this.commerce = new CommerceRepo(this.db);
    const settings = new SettingsRepo(this.db);
    this.obsSettings = new ObsSettingsStore(settings);
    this.obsProfiles = createObsProfiles(settings, options.dbFile);
    this.pseudonymize = createPseudonymizer(settings.getOrCreate('pseudonym-salt', () => randomBytes(16).toString('hex')));
    this.interrupted = this.sessions.markInterrupted();

    this.makeObsLink = options.obsFactory ?? createObsLink;
    this.obs = this.realObsLink();
    this.hub = new StateHub({
      demo: false,
      session: null,
      obs: this.obs.state,
      product: null,
      kpi: EMPTY_KPI,
      surfaces: [],
      alerts: [],
      recent: [],
    });
    this.log = new SessionLog(this.sessions, this.hub);
    this.alerts = new Alerts(this.hub, this.now, (alert) => this.log.log({ ts: alert.ts, kind: 'alert', data: { id: alert.id, level: alert.level, text: alert.text } }));
    this.catalog = new Catalog(new ProductsRepo(this.db), this.now, () => this.onCatalogChange());
    this.explain = new ExplainFlow(this.sessions, this.log, (product) => this.hub.patch({ product }));
    this.bus = new ActionBus(createHandlers(this), this.log, this.now);
    this.rehearsal = new Rehearsal(this);

    this.deck = new VirtualDeck();
    this.binder = new DeckBinder({
      dispatch: (action, origin) => this.dispatch(action, origin),
      products: () => this.catalog.list(),
      onLooks: (surfaces) => this.hub.patch({ surfaces }),
      onError: (message) => this.alerts.raise('surface', 'warn', message, 10_000),
      bindings: () => this.controls?.bindings() ?? null,
      layoutFor: (surface) => this.controls?.layoutFor(surface) ?? null,
      onPress: (press) => void this.log.log({ ts: press.at, kind: 'press', data: { ...press } }),
    });
    this.binder.attach(this.deck, this.hub.state);
    this.hub.subscribe((state) => this.binder.render(state));
    attachObsFeatures({ subscribe: (listener) => this.hub.subscribe(listener), alerts: this.alerts, settings: this.obsSettings, link: () => this.obs });
    this.serial = createSerialManager({ desk: this, db: this.db, binder: this.binder });
    this.controls = new Controls(this, this.db, this.binder, options.controls ?? {});
  }

  /** Connects OBS (and rehearsal peers with --demo). Never fails on a dead OBS: it shows as such. */
  async start(): Promise<void> {
    this.useObs(this.obs);
    this.serial.start();
    // Hardware is found in the background: a slow USB bus never delays DESK_READY.
    void this.controls.start();
    if (this.options.demo) await this.rehearsal.start();
  }

  get obsLink(): ObsLink {
    return this.obs;
  }

  get inRehearsal(): boolean {
    return this.rehearsal.active;
  }

  dispatch(action: unknown, origin: Origin): Promise<unknown> {
    return this.bus.dispatch(action, origin);
  }

  /** Writes a batch durably, then publishes its KPIs. */
  ingest(body: unknown): IngestResult {
    const batch = parseIngestBatch(body);
    const session = this.log.live;
    if (!session) throw noLiveSession();
    const deps = { db: this.db, sessions: this.sessions, commerce: this.commerce, pseudonymize: this.pseudonymize };
    const outcome = writeIngestBatch(deps, session.id, this.kpi, batch);
    this.kpi = outcome.tracker.commit();
    this.hub.patch({ kpi: this.kpi.view() });
    this.explain.recordOrders(outcome.newOrders);
    this.log.pushRecent(outcome.logged);
    return { accepted: outcome.accepted, duplicates: outcome.duplicates };
  }

  startSession(title: string, planId: string | undefined, at: number): SessionSummary {
    const live = this.log.live;
    if (live) throw new DeskError('conflict', `session "${live.title}" is already live; end it before starting another`);
    const session = this.sessions.create({ title, planId, rehearsal: this.rehearsal.active, startedAt: at });
    this.kpi = new KpiTracker();
    this.hub.patch({ kpi: this.kpi.view() });
    this.log.setLive(session);
    const { status, programScene, streaming, recording } = this.obs.state;
    this.log.log({ ts: at, kind: 'session.start', data: { title, planId: planId ?? null, rehearsal: session.rehearsal, obs: { status, programScene, streaming, recording } } });
    this.explain.openSegment(at);
    return session;
  }

  endSession(at: number): SessionSummary {
    const live = this.log.live;
    if (!live) throw new DeskError('conflict', 'no live session to end');
    this.explain.closeSegment(at);
    const totals = this.commerce.totals(live.id);
    this.log.log({ ts: at, kind: 'session.end', data: { ...totals } });
    this.sessions.end(live.id, at);
    this.log.setLive(null);
    // The show is over: the card leaves the stream with it.
    this.explain.clear(at);
    this.kpi = new KpiTracker();
    this.hub.patch({ kpi: this.kpi.view() });
    return this.sessions.get(live.id) as SessionSummary;
  }

  /** Replaces the OBS link (rehearsal swaps a real OBS for a simulated one and back). */
  async replaceObs(link: ObsLink): Promise<void> {
    const old = this.obs;
    this.obsOff();
    this.useObs(link);
    await old.close();
  }

  startRehearsal() {
    return this.rehearsal.start();
  }

  stopRehearsal() {
    return this.rehearsal.stop();
  }

  realObsLink(): ObsLink {
    // An OBS profile the operator activated wins over the start-up --obs-url / --obs-password.
    return this.makeObsLink(this.obsProfiles.activeConnection() ?? { url: this.options.obsUrl, password: this.options.obsPassword });
  }

  health(): Health {
    const obs = this.obs.state;
    let dbOk = true;
    try {
      this.db.prepare('SELECT 1').get();
    } catch {
      dbOk = false;
    }
    return {
      ok: dbOk,
      version: this.options.version,
      demo: this.rehearsal.active,
      obs: { connected: obs.status === 'connected', status: obs.status, url: obs.url, reason: obs.reason },
      db: { ok: dbOk, path: this.options.dbFile },
      devices: [
        ...this.hub.state.surfaces.map((s) => ({ id: s.id, kind: s.kind, connected: s.connected })),
        ...(this.hub.state.serial ?? []).map((d) => ({ id: d.id, kind: d.kind, connected: d.live.status === 'open' })),
      ],
    };
  }

  /** Read access for review queries (kept on the desk so the server needs no database handle). */
  get repos() {
    return { sessions: this.sessions, commerce: this.commerce };
  }

  async close(): Promise<void> {
    await this.rehearsal.stop();
    this.obsOff();
    await this.obs.close();
    await this.serial.close();
    await this.controls.close();
    await this.binder.close();
    this.alerts.close();
    this.hub.close();
    this.db.close();
  }

  private useObs(link: ObsLink): void {
    this.obs = link;
    let previous: ObsState = link.state;
    this.hub.patch({ obs: link.state });
    this.obsOff = link.subscribe((state) => {
      this.onObsChange(previous, state);
      previous = state;
    });
    link.start();
  }

  private onObsChange(before: ObsState, after: ObsState): void {
    this.hub.patch({ obs: after });
    const at = this.now();
    if (before.status !== after.status) {
      this.log.log({ ts: at, kind: 'obs.status', data: { status: after.status, reason: after.reason, url: after.url } });
      if (after.status === 'connected') this.alerts.resolve('obs-down');
      else if (before.status === 'connected' || after.status === 'auth-failed' || after.status === 'unsupported') {
        this.alerts.raise('obs-down', 'error', `OBS ${after.status}: ${after.reason ?? 'no reason given'}`);
      }
    }
    if (after.programScene && before.programScene !== after.programScene && after.status === 'connected') {
      this.log.log({ ts: at, kind: 'obs.scene', data: { scene: after.programScene, from: before.programScene } });
    }
  }

  private onCatalogChange(): void {
    const current = this.explain.product;
    if (current) {
      const product = this.catalog.list().find((p) => p.sku === current.sku) ?? null;
      this.explain.refresh(product);
    }
    this.binder.render(this.hub.state);
  }
}
