import { dirname, join } from 'node:path';
import { coded, DeskError, obsProfileIdSchema, obsProfileInputSchema, parseOrThrow } from '../contract/index.js';
import type { ObsProfiles as ObsProfilesView } from '../contract/index.js';
import type { SettingsRepo } from '../store/settings-repo.js';
import { ObsSecrets } from './obs-secrets.js';

const KEY = 'obs.profiles';

interface Stored {
  active: string | null;
  profiles: { id: string; name: string; url: string }[];
}

/**
 * Several OBS instances to choose from (studio A, studio B, the backup PC): names and URLs in the
 * settings table, passwords in the secrets file. One is active; the desk connects to it.
 */
export class ObsProfiles {
  constructor(
    private readonly repo: SettingsRepo,
    private readonly secrets: ObsSecrets,
  ) {}

  list(): ObsProfilesView {
    const stored = this.read();
    return { active: stored.active, profiles: stored.profiles.map((p) => ({ ...p, hasPassword: this.secrets.get(p.id) !== undefined })) };
  }

  /** Creates or replaces profile `id`; an omitted password keeps the stored one. */
  put(id: string, input: unknown): ObsProfilesView {
    parseOrThrow(obsProfileIdSchema, id, ['id']);
    const { name, url, password } = parseOrThrow(obsProfileInputSchema, input);
    const stored = this.read();
    const profile = { id, name, url };
    const index = stored.profiles.findIndex((p) => p.id === id);
    const profiles = index < 0 ? [...stored.profiles, profile] : stored.profiles.map((p) => (p.id === id ? profile : p));
    if (password !== undefined) this.secrets.set(id, password);
    this.write({ ...stored, profiles });
    return this.list();
  }

  remove(id: string): ObsProfilesView {
    const stored = this.read();
    if (!stored.profiles.some((p) => p.id === id)) throw new DeskError('not_found', coded('obs.profileNotFound', { id }, `no OBS profile "${id}"`));
    if (stored.active === id) throw new DeskError('conflict', coded('obs.profileInUse', { id }, `OBS profile "${id}" is in use; activate another one first`));
    this.secrets.set(id, null);
    this.write({ ...stored, profiles: stored.profiles.filter((p) => p.id !== id) });
    return this.list();
  }

  /** Marks `id` active (null: back to the start-up URL) and answers what to connect to. */
  activate(id: string | null): { url: string; password: string | undefined } | null {
    const stored = this.read();
    if (id !== null && !stored.profiles.some((p) => p.id === id)) throw new DeskError('not_found', coded('obs.profileNotFound', { id }, `no OBS profile "${id}"`));
    this.write({ ...stored, active: id });
    return this.activeConnection();
  }

  /** The active profile's URL and password, or null when none is active. */
  activeConnection(): { url: string; password: string | undefined } | null {
    const stored = this.read();
    const profile = stored.profiles.find((p) => p.id === stored.active);
    return profile ? { url: profile.url, password: this.secrets.get(profile.id) } : null;
  }

  private read(): Stored {
    const raw = this.repo.get(KEY);
    if (raw === null) return { active: null, profiles: [] };
    try {
      const parsed = JSON.parse(raw) as Partial<Stored>;
      const profiles = Array.isArray(parsed.profiles) ? parsed.profiles.filter((p) => typeof p?.id === 'string' && typeof p.url === 'string' && typeof p.name === 'string') : [];
      const active = typeof parsed.active === 'string' && profiles.some((p) => p.id === parsed.active) ? parsed.active : null;
      return { active, profiles };
    } catch {
      return { active: null, profiles: [] };
    }
  }

  private write(stored: Stored): void {
    this.repo.set(KEY, JSON.stringify(stored));
  }
}

/** Profiles for the desk whose database is `dbFile`: the secrets file sits next to it in the data dir. */
export function createObsProfiles(repo: SettingsRepo, dbFile: string): ObsProfiles {
  return new ObsProfiles(repo, new ObsSecrets(join(dirname(dbFile), 'secrets.json')));
}
