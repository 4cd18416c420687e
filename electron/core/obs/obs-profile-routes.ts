import { coded, DeskError } from '../contract/index.js';
import type { ObsProfiles, OverlayLink } from '../contract/index.js';
import type { Desk } from '../engine/desk.js';

/**
 * Connects the desk to profile `id`, or with null back to the start-up --obs-url (a new link: the
 * old one closes, nothing is replayed).
 */
export async function activateObsProfile(desk: Desk, id: string | null): Promise<ObsProfiles> {
  if (desk.inRehearsal) throw new DeskError('conflict', coded('obs.profileInRehearsal', {}, 'rehearsal runs on a simulated OBS: stop it before switching OBS profiles'));
  desk.obsProfiles.activate(id);
  await desk.replaceObs(desk.realObsLink());
  return desk.obsProfiles.list();
}

/** Saves profile `id`; when it is the active one, reconnects so a corrected password takes effect. */
export async function putObsProfile(desk: Desk, id: string, body: unknown): Promise<ObsProfiles> {
  const profiles = desk.obsProfiles.put(id, body);
  if (profiles.active === id && !desk.inRehearsal) await desk.replaceObs(desk.realObsLink());
  return desk.obsProfiles.list();
}

/** The product-card overlay's path with the read-only overlay token, for OBS Browser Source. */
export function overlayLink(overlayToken: string | undefined): OverlayLink {
  if (!overlayToken) throw new DeskError('not_found', coded('overlay.noToken', {}, 'this server has no overlay token'));
  return { path: `/overlay/card?token=${encodeURIComponent(overlayToken)}` };
}
