import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
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
import { PlatformRepo } from '../store/platform-repo.js';
import { createObsLink } from '../obs/obs-link.js';
import { ObsSettingsStore } from '../obs/obs-settings-store.js';
import { attachObsFeatures } from '../obs/obs-features.js';
import { createObsProfiles, type ObsProfiles } from '../obs/obs-profiles.js';
import type { ObsLink, ObsLinkOptions } from '../obs/types.js';
import { Catalog } from '../show/catalog.js';
import { ExplainFlow } from '../show/explain-flow.js';
import { PlansRepo } from '../store/plans-repo.js';
import { Plans } from '../show/plans.js';
import { ProductImages } from '../show/product-images.js';
import { ShowDirector } from '../show/show-director.js';
import { systemClock } from '../show/clock.js';
import { EMPTY_KPI } from '../metrics/kpi-tracker.js';
import { LiveKpis } from '../metrics/live-kpis.js';
import { createPseudonymizer } from '../metrics/personal-data.js';
import { noLiveSession } from '../metrics/ingest-service.js';
import { DeckBinder } from '../devices/deck-binder.js';
import { createSerialManager, type SerialManager } from '../devices/serial/serial-wiring.js';
import { Controls, type ControlBackends } from '../devices/controls/controls.js';
import { VirtualDeck } from '../../../native/sim/virtual-deck.js';
import { StateHub } from './state-hub.js';
import { SessionLog } from './session-log.js';
import { ActionBus } from './action-bus.js';
import { Alerts } from './alerts.js';
import { createHandlers } from './handlers.js';
import { Rehearsal, type AudienceSettings } from './rehearsal.js';
import { closeInterrupted, resumeInterrupted } from './session-recovery.js';
import { StorageGuard } from './storage-guard.js';
import { ReviewService } from '../review/review-service.js';

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
  readonly plans: Plans;
  readonly images: ProductImages;
  readonly show: ShowDirector;
  readonly alerts: Alerts;
  readonly storage: StorageGuard;
  readonly obsSettings: ObsSettingsStore;
  readonly obsProfiles: ObsProfiles;
  readonly deck: VirtualDeck;
  readonly serial: SerialManager;
  /** Ingest, the KPI set, per-source rates and KPI alerts (issue 7). */
  readonly liveKpis: LiveKpis;
  readonly controls: Controls;
  readonly now: () => number;
  readonly interrupted: SessionSummary[];
  readonly review: ReviewService;
  private readonly db: Db;
  private readonly sessions: SessionsRepo;
  private readonly commerce: CommerceRepo;
  private readonly platform: PlatformRepo;
  private readonly bus: ActionBus;
  private readonly binder: DeckBinder;
  private readonly rehearsal: Rehearsal;
  private readonly pseudonymize: (value: string) => string;
  private obs: ObsLink;
  private obsOff: () => void = () => {};
  private productNames: Map<string, string> | null = null;
  readonly makeObsLink: (options: ObsLinkOptions) => ObsLink;

  constructor(private readonly options: DeskOptions) {
    this.now = options.now ?? Date.now;
    this.db = openDatabase(options.dbFile);
    this.sessions = new SessionsRepo(this.db);
    this.commerce = new CommerceRepo(this.db);
    this.platform = new PlatformRepo(this.db);
    this.review = new ReviewService(this.db, { sessions: this.sessions, commerce: this.commerce }, this.now, dirname(options.dbFile));
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
      flashSale: null,
      lastFlashSale: null,
      plan: null,
    });
    this.log = new SessionLog(this.sessions, this.hub);
    this.alerts = new Alerts(this.hub, this.now, (alert) => this.log.log({ ts: alert.ts, kind: 'alert', data: { id: alert.id, level: alert.level, text: alert.text } }));
    this.storage = new StorageGuard(this.alerts, this.hub, (entries) =>
      this.db.transaction(() => {
        for (const e of entries) this.sessions.append(e.sessionId, e.event);
      })(),
    );
    this.log.keepUnwritten = (entry, error) => this.storage.keep(entry, error);
    this.catalog = new Catalog(new ProductsRepo(this.db), this.now, () => this.onCatalogChange());
    this.explain = new ExplainFlow(this.sessions, this.log, (product) => this.hub.patch({ product }));
    this.plans = new Plans(new PlansRepo(this.db), this.now, (sku) => this.catalog.find(sku) !== null);
    this.images = new ProductImages(join(dirname(options.dbFile), 'images'));
    this.show = new ShowDirector(this, systemClock(this.now));
    this.liveKpis = new LiveKpis({
      db: this.db,
      sessions: this.sessions,
      commerce: this.commerce,
      pseudonymize: this.pseudonymize,
      hub: this.hub,
      log: this.log,
      explain: this.explain,
      alerts: this.alerts,
      settings,
      now: this.now,
      productNames: () => (this.productNames ??= new Map(this.catalog.list().map((p) => [p.sku, p.name]))),
      onOrders: (orders) => this.show.recordOrders(orders),
    });
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
    attachObsFeatures({
      subscribe: (listener) => this.hub.subscribe(listener),
      alerts: this.alerts,
      settings: this.obsSettings,
      link: () => this.obs,
      imageFile: (image) => this.images.fileFor(image),
    });
    this.serial = createSerialManager({ desk: this, db: this.db, binder: this.binder });
    this.controls = new Controls(this, this.db, this.binder, options.controls ?? {});
  }

  /** Connects OBS (and rehearsal peers with --demo). Never fails on a dead OBS: it shows as such. */
  async start(): Promise<void> {
    const cut = this.interrupted[0];
    if (cut) {
      this.alerts.raise('session-interrupted', 'warn', `直播被中断 Session "${cut.title}" was cut off (crash or power loss): resume it with session.resume, or close it with session.close`);
    }
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
    return this.bus.dispatch(action, origin).catch((error: unknown) => {
      throw this.storage.translate(error);
    });
  }

  /** Writes a batch durably, then publishes its KPIs. */
  ingest(body: unknown): IngestResult {
    const batch = parseIngestBatch(body, this.now());
    const session = this.log.live;
    if (!session) throw noLiveSession();
    let result: IngestResult;
    try {
      result = this.liveKpis.ingest(session.id, batch);
    } catch (error) {
      // The transaction rolled back: nothing of the batch is stored or counted, and the sender retries.
      throw this.storage.translate(error);
    }
    this.storage.succeeded();
    return result;
  }

  startSession(title: string, planId: string | undefined, at: number): SessionSummary {
    const live = this.log.live;
    if (live) throw new DeskError('conflict', `session "${live.title}" is already live; end it before starting another`);
    const session = this.sessions.create({ title, planId, rehearsal: this.rehearsal.active, startedAt: at });
    this.liveKpis.reset();
    this.log.setLive(session);
    const { status, programScene, streaming, recording } = this.obs.state;
    this.log.log({ ts: at, kind: 'session.start', data: { title, planId: planId ?? null, rehearsal: session.rehearsal, obs: { status, programScene, streaming, recording } } });
    this.explain.openSegment(at);
    return session;
  }

  endSession(at: number): SessionSummary {
    const live = this.log.live;
    if (!live) throw new DeskError('conflict', 'no live session to end');
    this.show.onSessionEnd();
    this.explain.closeSegment(at);
    const totals = this.commerce.totals(live.id);
    this.log.log({ ts: at, kind: 'session.end', data: { ...totals } });
    this.sessions.end(live.id, at);
    this.review.buildInBackground(live.id);
    this.log.setLive(null);
    // The show is over: the card leaves the stream with it.
    this.explain.clear(at);
    this.liveKpis.reset();
    return this.sessions.get(live.id) as SessionSummary;
  }

  /** Makes an interrupted session live again with its KPIs as the database has them (see session-recovery). */
  resumeSession(id: string | undefined, at: number): SessionSummary {
    const { session, kpi } = resumeInterrupted({ sessions: this.sessions, commerce: this.commerce, live: this.log.live }, id, at);
    this.liveKpis.restore(kpi);
    const live = this.sessions.get(session.id) as SessionSummary;
    this.alerts.resolve('session-interrupted');
    this.log.setLive(live);
    this.log.log({ ts: at, kind: 'session.resume', data: { interruptedAt: session.endedAt } });
    this.explain.openSegment(at);
    return live;
  }

  /** Closes an interrupted session as ended, without resuming it. */
  closeInterrupted(id: string | undefined): SessionSummary {
    const closed = closeInterrupted(this.sessions, id);
    if (!this.sessions.latestInterrupted()) this.alerts.resolve('session-interrupted');
    return closed;
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

  configureAudience(options: AudienceSettings) {
    return this.rehearsal.configure(options);
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
      ok: dbOk && this.storage.failing === null,
      version: this.options.version,
      demo: this.rehearsal.active,
      obs: { connected: obs.status === 'connected', status: obs.status, url: obs.url, reason: obs.reason },
      db: { ok: dbOk && this.storage.failing === null, path: this.options.dbFile, reason: this.storage.failing },
      devices: [
        ...this.hub.state.surfaces.map((s) => ({ id: s.id, kind: s.kind, connected: s.connected })),
        ...(this.hub.state.serial ?? []).map((d) => ({ id: d.id, kind: d.kind, connected: d.live.status === 'open' })),
      ],
    };
  }

  /** Read access for review queries (kept on the desk so the server needs no database handle). */
  get repos() {
    return { sessions: this.sessions, commerce: this.commerce, platform: this.platform };
  }

  async close(): Promise<void> {
    await this.rehearsal.stop();
    this.show.close();
    this.review.close();
    this.obsOff();
    await this.obs.close();
    await this.serial.close();
    await this.controls.close();
    await this.binder.close();
    this.liveKpis.close();
    this.alerts.close();
    this.storage.close();
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
    this.productNames = null;
    const current = this.explain.product;
    if (current) {
      const product = this.catalog.list().find((p) => p.sku === current.sku) ?? null;
      this.explain.refresh(product);
    }
    this.binder.render(this.hub.state);
  }
}
