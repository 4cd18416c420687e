import { randomUUID } from 'node:crypto';
import { closeSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { coded, DeskError, type BundleImportReply, type SessionNotes, type SessionPatch } from '../contract/index.js';
import type { Db } from '../store/database.js';
import type { CommerceRepo } from '../store/commerce-repo.js';
import { loadKpiSettings } from '../metrics/kpi-settings-store.js';
import { ReviewRepo } from '../store/review-repo.js';
import { SettingsRepo } from '../store/settings-repo.js';
import type { SessionsRepo } from '../store/sessions-repo.js';
import { BUNDLE_EXTENSION, exportBundle, importBundle, importBundleSliced, removeBundleFile } from './bundle.js';
import { copyFolderBundle, openFolderBundle } from './bundle-folder.js';
import { csvFor, type CsvTable } from './csv.js';
import { htmlReport } from './html-report.js';
import { htmlToPdf } from './pdf-export.js';
import { ReviewQueries } from './review-queries.js';

/** Events folded per tick when building rollups in the background, so the desk stays responsive. */
const BACKGROUND_CHUNK = 50_000;

/**
 * Review's room on the desk: queries, edits (rename, tags, notes, delete), exports and bundles, and the
 * background rollup build that runs when a show ends so its first open is instant.
 */
export class ReviewService {
  readonly repo: ReviewRepo;
  readonly queries: ReviewQueries;
  private closed = false;
  private readonly building = new Set<Promise<void>>();
  private readonly scratch: string;

  constructor(
    private readonly db: Db,
    private readonly repos: { sessions: SessionsRepo; commerce: CommerceRepo },
    private readonly now: () => number,
    dataDir: string,
  ) {
    this.repo = new ReviewRepo(db);
    const settings = new SettingsRepo(db);
    this.queries = new ReviewQueries({ ...repos, review: this.repo }, now, () => loadKpiSettings(settings).basis);
    this.scratch = join(dataDir, 'tmp');
  }

  /** Folds a finished session's log into rollups a chunk per tick; `idle()` resolves when all are done. */
  buildInBackground(sessionId: string): void {
    const build = new Promise<void>((resolve) => {
      const step = () => {
        if (this.closed) return resolve();
        try {
          if (!this.repo.catchUp(sessionId, BACKGROUND_CHUNK, BACKGROUND_CHUNK)) return void setImmediate(step);
        } catch (error) {
          // Not fatal: the first open builds whatever is missing.
          console.error(`review rollup build for ${sessionId} stopped: ${(error as Error).message}`);
        }
        resolve();
      };
      setImmediate(step);
    });
    this.building.add(build);
    void build.then(() => this.building.delete(build));
  }

  /** Resolves once no background rollup build is running. */
  async idle(): Promise<void> {
    while (this.building.size) await Promise.all([...this.building]);
  }

  patch(id: string, patch: SessionPatch) {
    this.queries.require(id);
    this.repo.patch(id, patch);
    return this.queries.list().find((s) => s.id === id);
  }

  remove(id: string, confirmed: boolean): { deleted: string } {
    const session = this.queries.require(id);
    if (session.status === 'live') throw new DeskError('conflict', coded('session.deleteLive', { title: session.title }, `session "${session.title}" is live; end it before deleting it`));
    if (!confirmed) {
      const detail = `deleting "${session.title}" removes its whole log and cannot be undone: send confirm=true`;
      throw new DeskError('conflict', coded('session.deleteConfirm', { title: session.title }, detail));
    }
    this.repo.deleteSession(id);
    return { deleted: id };
  }

  notes(id: string) {
    this.queries.require(id);
    return this.repo.notes(id);
  }

  putNotes(id: string, notes: SessionNotes) {
    this.queries.require(id);
    this.repo.putNotes(id, notes, this.now());
    return this.repo.notes(id);
  }

  csv(ids: readonly string[], table: CsvTable, tzOffset = 0): string {
    const id = ids[0] as string;
    if (table !== 'sessions') this.queries.require(id);
    return csvFor(table, {
      list: () => (ids.length ? this.queries.list().filter((s) => ids.includes(s.id)) : this.queries.list()),
      review: () => this.queries.review(id),
      products: () => this.queries.products(id),
      notes: () => this.repo.notes(id),
    }, tzOffset);
  }

  html(ids: readonly string[], tzOffset = 0): string {
    const sessions = ids.map((id) => ({ review: this.queries.review(id), products: this.queries.products(id), notes: this.repo.notes(id) }));
    return htmlReport(sessions, this.now(), tzOffset);
  }

  /** The same report as a PDF, printed by headless Chromium (for where Electron's printer is absent). */
  pdf(ids: readonly string[], tzOffset = 0): Promise<Buffer> {
    return htmlToPdf(this.html(ids, tzOffset), this.scratch);
  }

  /** Writes a bundle of `ids` into scratch space; the caller streams it out and removes it. */
  bundleFile(ids: readonly string[]): { file: string; size: number } {
    for (const id of ids) {
      const session = this.queries.require(id);
      if (session.status === 'live') throw new DeskError('conflict', coded('session.exportLive', { title: session.title }, `session "${session.title}" is still live; end it before exporting its bundle`));
      this.repo.catchUp(id);
    }
    const file = this.scratchFile();
    try {
      exportBundle(this.db, ids, file, this.now());
      return { file, size: statSync(file).size };
    } catch (error) {
      removeBundleFile(file);
      throw error;
    }
  }

  /** The bundle's bytes, for callers that keep it in memory (tests, small exports). */
  bundle(ids: readonly string[]): Buffer {
    const { file } = this.bundleFile(ids);
    try {
      return readFileSync(file);
    } finally {
      removeBundleFile(file);
    }
  }

  /** Imports a bundle file the caller owns (it may be migrated in place). */
  importFile(file: string): BundleImportReply {
    return importBundle(this.db, file, this.now());
  }

  /** The same, in slices that let the event loop run: for uploads while the desk may be on air. */
  importFileSliced(file: string): Promise<BundleImportReply> {
    return importBundleSliced(this.db, file, this.now(), () => new Promise((resolve) => setImmediate(resolve)));
  }

  /**
   * Imports every bundle file dropped into `dir` (a review folder passed as --data-dir). Each file is
   * read once (name, size and mtime remembered); a bad file is reported and left alone.
   */
  importFolder(dir: string): { file: string; ok: boolean; message: string }[] {
    const found = readdirSync(dir).filter((name) => name.endsWith(BUNDLE_EXTENSION)).sort();
    const results: { file: string; ok: boolean; message: string }[] = [];
    for (const name of found) {
      let source: ReturnType<typeof openFolderBundle>;
      try {
        source = openFolderBundle(join(dir, name));
      } catch (error) {
        results.push({ file: name, ok: false, message: (error as Error).message });
        continue;
      }
      const key = `${name}:${source.stat.size}:${Math.round(source.stat.mtimeMs)}`;
      if (this.repo.seen(key)) {
        closeSync(source.fd);
        continue;
      }
      const copy = this.scratchFile();
      try {
        copyFolderBundle(source, copy);
        const reply = importBundle(this.db, copy, this.now());
        this.repo.markSeen(key, this.now());
        const titles = reply.imported.map((s) => `"${s.title}"`).join(', ');
        results.push({ file: name, ok: true, message: `${reply.imported.length} session(s) imported${titles ? `: ${titles}` : ''}${reply.skipped.length ? `, ${reply.skipped.length} already here` : ''}` });
      } catch (error) {
        results.push({ file: name, ok: false, message: (error as Error).message });
      } finally {
        removeBundleFile(copy);
      }
    }
    return results;
  }

  scratchFile(): string {
    mkdirSync(this.scratch, { recursive: true });
    return join(this.scratch, `${randomUUID()}.ldbundle`);
  }

  close(): void {
    this.closed = true;
  }
}
