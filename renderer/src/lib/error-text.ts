import { ApiRequestError } from './api-client.js';
import { RequestError } from './desk-socket.js';
import type { Translate } from './i18n.js';

/**
 * What a failure says to the person at the console: the core's coded text in their language, the
 * console's own line when the desk could not be reached or answered nonsense, and only for a failure
 * with no code at all a generic line with the developer message.
 */
export function errorText(t: Translate, err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof ApiRequestError || err instanceof RequestError) {
    if (err.text) return t(err.text, message);
    if (err.code === 'offline' || err.code === 'stopped') return t('action.offline');
    if (err.code === 'network' || err.code === 'timeout') return t('msg.network');
    if (err.code === 'malformed') return t('msg.malformed');
  }
  return t('msg.unknown', { detail: message });
}
