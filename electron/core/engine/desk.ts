import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { coded, type Health, type IngestResult, type SessionSummary } from '../contract/index.js';
import { openDatabase, type Db } from '../store/database.js';
import { WalCheckpointer } from '../store/checkpointer.js';
import { SessionsRepo } from '../store/sessions-repo.js';
import { ProductsRepo } from '../store/products-repo.js';
import { CommerceRepo } from '../store/commerce-repo.js';
import { SettingsRepo } from '../store/settings-repo.js';
import { PlatformRepo } from '../store/platform-repo.js';
import { PlansRepo } from '../store/plans-repo.js';
import { createObsLink } from '../obs/obs-link.js';
import { ObsConnection } from '../obs/obs-connection.js';
import { ObsSettingsStore } from '../obs/obs-settings-store.js';
import { attachObsFeatures } from '../obs/obs-features.js';
import { createObsProfiles, type ObsProfiles } from '../obs/obs-profiles.js';
import type { ObsLink, ObsLinkOptions } from '../obs/types.js';
import { Catalog } from '../show/catalog.js';
import { ExplainFlow } from '../show/explain-flow.js';
import { Plans } from '../show/plans.js';
import { ProductImages } from '../show/product-images.js';
import { ShowDirector } from '../show/show-director.js';
import { systemClock } from '../show/clock.js';
import { EMPTY_KPI } from '../metrics/kpi-tracker.js';
import { LiveKpis } from '../metrics/live-kpis.js';
import { CommentFeed } from '../metrics/comment-feed.js';
import { createPseudonymizer } from '../metrics/personal-data.js';
import { DeckBinder } from '../devices/deck-binder.js';
import { createSerialManager, type SerialManager } from '../devices/serial/serial-wiring.js';
import { Controls, type ControlBackends } from '../devices/controls/controls.js';
import { VirtualDeck } from '../../../native/sim/virtual-deck.js';
import { ReviewService } from '../review/review-service.js';
import { StateHub } from './state-hub.js';
import { SessionLog } from './session-log.js';
import { ActionBus } from './action-bus.js';
import { Alerts, clearEndedAlerts } from './alerts.js';
import { createHandlers } from './handlers.js';
import { readHealth } from './health.js';
import { createIngestGate } from './ingest-gate.js';
import { IngestParser } from '../metrics/ingest-parser.js';
import type { IngestFrames } from '../server/ws-hub.js';
import { BusEntry } from './dispatch.js';
import type { Dispatch, LogEvent } from './ports.js';
import { Rehearsal } from './rehearsal.js';
import { SessionLifecycle } from './session-lifecycle.js';
import { Staged } from './staged.js';
import { StorageGuard } from './storage-guard.js';

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
 * The wiring of the engine, and nothing else: it builds each part with the few collaborators that
 * part declares, in dependency order, and keeps them for the server, the CLI and the tests. What an
 * action does lives in the domains' handlers (joined in `handlers.ts`), a session's life in
 * `session-lifecycle.ts`, the OBS link in `obs-connection.ts`.
 */
export class Desk {
  readonly now: () => number;
  readonly hub: StateHub;
  readonly log: SessionLog;
  readonly alerts: Alerts;
  readonly storage: StorageGuard;
  readonly catalog: Catalog;
  readonly explain: ExplainFlow;
  readonly plans: Plans;
  readonly images: ProductImages;
  readonly show: ShowDirector;
  readonly obs: ObsConnection;
  readonly obsSettings: ObsSettingsStore;
  readonly obsProfiles: ObsProfiles;
  readonly deck: VirtualDeck;
  readonly serial: SerialManager;
  /** Ingest, the KPI set, per-source rates and KPI alerts (issue 7). */
  readonly liveKpis: LiveKpis;
  readonly comments: CommentFeed;
  readonly controls: Controls;
  readonly sessions: SessionLifecycle;
  readonly rehearsal: Rehearsal;
  readonly review: ReviewService;
  /** Sessions a crash cut off, found at start (marked interrupted). */
  readonly interrupted: SessionSummary[];
  /** Read access for review queries (the server needs no database handle). */
  readonly repos: { sessions: SessionsRepo; commerce: CommerceRepo; platform: PlatformRepo };
  /** Every input's way in: the action bus, with storage failures translated for the sender. */
  readonly dispatch: Dispatch;
  /** Files routes received, held for the action that applies them (catalog sheets, platform exports, bundles). */
  readonly staged = { catalog: new Staged<unknown>('catalog-file'), platform: new Staged<Buffer>('platform-export'), bundle: new Staged<string>('bundle') };
  /** Ingest batches' way in (HTTP, WebSocket, rehearsal audience). */
  readonly ingest: (body: unknown) => IngestResult;
  /** WebSocket ingest frames: laid flat on the ingest parse thread, then written here (ws-hub). */
  readonly ingestFrames: IngestFrames;
  private readonly parser: IngestParser;
  private readonly db: Db;
  private readonly checkpointer: WalCheckpointer;
  private readonly binder: DeckBinder;

  constructor(private readonly options: DeskOptions) {
    const now = (this.now = options.now ?? Date.now);
    const db = (this.db = openDatabase(options.dbFile));
    const sessions = new SessionsRepo(db);
    const commerce = new CommerceRepo(db);
    this.repos = { sessions, commerce, platform: new PlatformRepo(db) };
    const settings = new SettingsRepo(db);
    this.review = new ReviewService(db, { sessions, commerce }, now, dirname(options.dbFile));
    this.obsSettings = new ObsSettingsStore(settings);
    this.obsProfiles = createObsProfiles(settings, options.dbFile);
    const salt = settings.getOrCreate('pseudonym-salt', () => randomBytes(16).toString('hex'));
    const pseudonymize = createPseudonymizer(salt);
    this.interrupted = sessions.markInterrupted();

    // The link exists before the state that starts from it; it publishes, logs and alerts only once started.
    const obs = (this.obs = new ObsConnection({
      make: options.obsFactory ?? createObsLink,
      // An OBS profile the operator activated wins over the start-up --obs-url / --obs-password.
      startup: { url: options.obsUrl, password: options.obsPassword },
      activeProfile: () => this.obsProfiles.activeConnection(),
      publish: (state) => hub.patch({ obs: state }),
      log: (kind, data) => logEvent(kind, data),
      alerts: { raise: (...args) => alerts.raise(...args), resolve: (id) => alerts.resolve(id) },
    }));

    // State, log and alerts next: every other part publishes, logs or alerts through them.
    const hub = (this.hub = new StateHub({
      demo: false,
      session: null,
      obs: obs.link.state,
      product: null,
      kpi: EMPTY_KPI,
      surfaces: [],
      alerts: [],
      recent: [],
      flashSale: null,
      lastFlashSale: null,
      plan: null,
    }));
    const log = (this.log = new SessionLog(sessions, hub));
    const logEvent: LogEvent = (kind, data, ts = now()) => void log.log({ ts, kind, data });
    const alerts = (this.alerts = new Alerts(hub, now, (alert) => log.log({ ts: alert.ts, kind: 'alert', data: { id: alert.id, level: alert.level, code: alert.code, params: alert.params, text: alert.text } })));
    const storage = (this.storage = new StorageGuard(alerts, hub, (entries) =>
      db.transaction(() => {
        for (const e of entries) sessions.append(e.sessionId, e.event);
      })(),
    ));
    log.keepUnwritten = (entry, error) => storage.keep(entry, error);


    // The bus is built last (its handlers need every domain); parts built before it get its entry.
    const entry = new BusEntry(storage);
    const dispatch = (this.dispatch = entry.dispatch);

    let productNames: Map<string, string> | null = null;
    const ended = clearEndedAlerts({ alerts, subscribe: (listener) => hub.subscribe(listener), productCount: () => catalog.list().length });
    const catalog = (this.catalog = new Catalog(new ProductsRepo(db), now, () => {
      productNames = null;
      followCatalog();
      ended.catalogChanged();
    }));
    const explain = (this.explain = new ExplainFlow(sessions, log, (product) => hub.patch({ product })));
    this.plans = new Plans(new PlansRepo(db), now, (sku) => catalog.find(sku) !== null);
    this.images = new ProductImages(join(dirname(options.dbFile), 'images'));
    const show = (this.show = new ShowDirector({ clock: systemClock(now), log: logEvent, hub, explain, catalog, obs, alerts, dispatch }));
    const comments = (this.comments = new CommentFeed({ settings, alerts, publish: (feed) => hub.patch({ comments: feed }) }));
    const liveKpis = (this.liveKpis = new LiveKpis({
      db,
      sessions,
      commerce,
      hub,
      log,
      explain,
      alerts,
      settings,
      now,
      productNames: () => (productNames ??= new Map(catalog.list().map((p) => [p.sku, p.name]))),
      onOrders: (orders) => show.recordOrders(orders),
      onComments: (sessionId, batch) => comments.record(sessionId, batch),
    }));
    // Ingest is the heavy writer: its first batch moves WAL checkpoints off the event loop.
    const checkpointer = (this.checkpointer = new WalCheckpointer(db, options.dbFile, (message) => process.stderr.write(`livedesk: ${message}\n`)));
    const gate = createIngestGate({
      live: () => log.live,
      write: (id, batch) => {
        checkpointer.ensure();
        return liveKpis.ingest(id, batch);
      },
      storage,
      now: this.now,
      pseudonymize,
    });
    this.ingest = gate.body;
    const parser = (this.parser = new IngestParser(salt, now, (message) => process.stderr.write(`livedesk: ${message}\n`)));
    this.ingestFrames = { prepare: (bytes) => parser.prepare(bytes), write: gate.prepared };

    const deck = (this.deck = new VirtualDeck());
    const binder: DeckBinder = (this.binder = new DeckBinder({
      dispatch,
      products: () => catalog.list(),
      onLooks: (surfaces) => hub.patch({ surfaces }),
      onError: (text) => alerts.raise('surface', 'warn', text, 10_000),
      bindings: () => controls.bindings(),
      layoutFor: (surface) => controls.layoutFor(surface),
      onPress: (press) => void log.log({ ts: press.at, kind: 'press', data: { ...press } }),
    }));
    const serial = (this.serial = createSerialManager({ db, now, hub, log: logEvent, alerts, dispatch, binder }));
    const controls: Controls = (this.controls = new Controls({ db, now, hub, log: logEvent, alerts, dispatch, binder, backends: options.controls ?? {} }));
    binder.attach(deck, hub.state);
    hub.subscribe((state) => binder.render(state));
    attachObsFeatures({
      subscribe: (listener) => hub.subscribe(listener),
      alerts,
      settings: this.obsSettings,
      link: () => obs.link,
      imageFile: (image) => this.images.fileFor(image),
    });

    const lifecycle: SessionLifecycle = (this.sessions = new SessionLifecycle({
      sessions,
      commerce,
      log,
      kpis: liveKpis,
      explain,
      show,
      review: this.review,
      comments: this.comments,
      alerts,
      obs: () => obs.link.state,
      rehearsing: () => rehearsal.active,
    }));
    const rehearsal: Rehearsal = (this.rehearsal = new Rehearsal({
      live: () => log.live,
      endSession: (at) => lifecycle.end(at),
      now,
      obs,
      serial,
      hub,
      explaining: () => explain.product,
      products: () => catalog.list(),
      ingest: this.ingest,
      alerts,
    }));

    const handlers = createHandlers({
      obs: { connection: obs, settings: this.obsSettings, profiles: this.obsProfiles, rehearsing: () => rehearsal.active },
      session: { lifecycle, plan: (id) => this.plans.get(id), beginPlan: (plan, at) => show.beginPlan(plan, at), log: (event) => log.log(event) },
      show: { show, catalog, plans: this.plans, clear: (at) => explain.clear(at), catalogFiles: this.staged.catalog },
      rehearsal,
      serial,
      controls,
      metrics: { putSettings: (body) => liveKpis.putSettings(body), setKeywords: (body) => comments.setKeywords(body) },
      review: { review: this.review, repos: this.repos, now, platformFiles: this.staged.platform, bundleFiles: this.staged.bundle },
      alerts,
    });
    entry.connect(new ActionBus(handlers, log, now));

    /** A product edited on air: the card on the stream and the key looks follow. */
    function followCatalog(): void {
      const current = explain.product;
      if (current) explain.refresh(catalog.list().find((p) => p.sku === current.sku) ?? null);
      binder.render(hub.state);
    }
  }

  /** Connects OBS (and rehearsal peers with --demo). Never fails on a dead OBS: it shows as such. */
  async start(): Promise<void> {
    const cut = this.interrupted[0];
    if (cut) {
      const detail = `Session "${cut.title}" was cut off (crash or power loss): resume it with session.resume, or close it with session.close`;
      this.alerts.raise('session-interrupted', 'warn', coded('session.interrupted', { title: cut.title }, detail));
    }
    this.obs.start();
    this.serial.start();
    // Hardware is found in the background: a slow USB bus never delays DESK_READY.
    void this.controls.start();
    if (this.options.demo) await this.rehearsal.start();
  }

  /** The current OBS link (rehearsal and OBS profiles swap it). */
  get obsLink(): ObsLink {
    return this.obs.link;
  }

  get inRehearsal(): boolean {
    return this.rehearsal.active;
  }

  health(): Health {
    return readHealth({
      version: this.options.version,
      dbFile: this.options.dbFile,
      probeDb: () => this.db.prepare('SELECT 1').get(),
      storageFailing: () => this.storage.failing,
      rehearsing: () => this.rehearsal.active,
      obs: () => this.obs.link.state,
      state: () => this.hub.state,
    });
  }

  async close(): Promise<void> {
    await this.rehearsal.stop();
    this.show.close();
    this.review.close();
    await this.obs.close();
    await this.serial.close();
    await this.controls.close();
    await this.binder.close();
    await this.parser.close();
    this.liveKpis.close();
    this.alerts.close();
    this.storage.close();
    this.hub.close();
    await this.checkpointer.close();
    this.db.close();
  }
}
