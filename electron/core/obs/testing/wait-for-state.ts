import type { ObsState } from '../../contract/index.js';
import type { ObsLink } from '../types.js';

/**
 * Resolves with the link's state as soon as `predicate` holds (at once if it already does); rejects
 * after `timeoutMs` with the last state seen, so a failing test says what the link was doing.
 */
export function waitForObsState(link: ObsLink, predicate: (state: ObsState) => boolean, timeoutMs = 5000, what = 'the expected OBS state'): Promise<ObsState> {
  if (predicate(link.state)) return Promise.resolve(link.state);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last state: ${JSON.stringify(link.state)}`));
    }, timeoutMs);
    const unsubscribe = link.subscribe((state) => {
      if (!predicate(state)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(state);
    });
  });
}
