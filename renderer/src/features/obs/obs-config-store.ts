import { create } from 'zustand';
import { obsProfilesSchema, obsSettingsSchema, overlayLinkSchema, type Action, type ObsProfileInput, type ObsProfiles, type ObsSettings } from '../../contract.js';
import { ApiRequestError } from '../../lib/api-client.js';
import { getLink, whenLinked } from '../../lib/desk-link.js';
import { RequestError } from '../../lib/desk-socket.js';
import { sayError } from '../../stores/prefs-store.js';

export type Outcome<T = undefined> = { ok: true; value: T } | { ok: false; field: string | undefined; message: string };

const failure = (err: unknown): { ok: false; field: string | undefined; message: string } => ({
  ok: false,
  field: err instanceof ApiRequestError ? err.field : undefined,
  message: sayError(err),
});

/** The defaults the core applies, so thresholds can be shown before the settings have loaded. */
export const DEFAULT_OBS_SETTINGS: ObsSettings = obsSettingsSchema.parse({});

/**
 * Sends one action over the desk socket (marked as a console click) and answers its result or the
 * core's reason for refusing it, for controls that show the outcome where the operator clicked.
 */
export async function runForResult(action: Action): Promise<Outcome<unknown>> {
  const link = getLink();
  if (!link) return failure(new RequestError('offline', 'desk disconnected'));
  try {
    return { ok: true, value: await link.socket.request({ type: 'action', action, via: 'ui' }) };
  } catch (err) {
    return failure(err);
  }
}

type ObsConfigStore = {
  settings: ObsSettings | null;
  profiles: ObsProfiles | null;
  /** `/overlay/card?token=<read-only token>`, from the core (the console never puts its own token in it). */
  overlayPath: string | null;
  loadError: string | null;
  dialogOpen: boolean;
  openDialog(): void;
  closeDialog(): void;
  load(): Promise<void>;
  saveSettings(next: ObsSettings): Promise<Outcome<ObsSettings>>;
  saveProfile(id: string, input: ObsProfileInput): Promise<Outcome>;
  removeProfile(id: string): Promise<Outcome>;
  /** null: back to the address the desk was started with. */
  activate(id: string | null): Promise<Outcome>;
};

const settingsReply = obsSettingsSchema;

export const useObsConfigStore = create<ObsConfigStore>()((set) => {
  const profilesCall = async (call: (api: Awaited<ReturnType<typeof whenLinked>>['api']) => Promise<ObsProfiles>): Promise<Outcome> => {
    const { api } = await whenLinked();
    try {
      set({ profiles: await call(api) });
      return { ok: true, value: undefined };
    } catch (err) {
      return failure(err);
    }
  };
  return {
    settings: null,
    profiles: null,
    overlayPath: null,
    loadError: null,
    dialogOpen: false,
    openDialog: () => set({ dialogOpen: true }),
    closeDialog: () => set({ dialogOpen: false }),
    async load() {
      const { api } = await whenLinked();
      try {
        const [settings, profiles, overlay] = await Promise.all([
          api.get('/obs/settings', settingsReply),
          api.get('/obs/profiles', obsProfilesSchema),
          api.get('/overlay/link', overlayLinkSchema).catch(() => null),
        ]);
        set({ settings, profiles, overlayPath: overlay?.path ?? null, loadError: null });
      } catch (err) {
        set({ loadError: sayError(err) });
      }
    },
    async saveSettings(next) {
      const { api } = await whenLinked();
      try {
        const saved = await api.send('PUT', '/obs/settings', next, settingsReply);
        set({ settings: saved });
        return { ok: true, value: saved };
      } catch (err) {
        return failure(err);
      }
    },
    saveProfile: (id, input) => profilesCall((api) => api.send('PUT', `/obs/profiles/${encodeURIComponent(id)}`, input, obsProfilesSchema)),
    removeProfile: (id) => profilesCall((api) => api.send('DELETE', `/obs/profiles/${encodeURIComponent(id)}`, undefined, obsProfilesSchema)),
    activate: (id) =>
      profilesCall((api) => api.send('POST', id === null ? '/obs/profiles/deactivate' : `/obs/profiles/${encodeURIComponent(id)}/activate`, undefined, obsProfilesSchema)),
  };
});

/** A profile id from its name: "Studio B" → "studio-b"; names without Latin letters get "obs-N". */
export function profileIdFor(name: string, taken: readonly string[]): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 32);
  const base = /^[a-z0-9]/.test(slug) ? slug : 'obs';
  if (base !== 'obs' && !taken.includes(base)) return base;
  for (let n = 1; ; n++) {
    const id = `${base}-${n}`;
    if (!taken.includes(id)) return id;
  }
}
