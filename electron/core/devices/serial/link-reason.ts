import { coded, onWire, type CodedText, type CodedTextWire, type LinkStatus } from '../../contract/index.js';

/**
 * Why a serial link is not open, as a code the console translates. The reason itself comes from the
 * operating system through serialport (which rarely carries an errno), so the kind is read from it here,
 * once, at the edge; the sentence a person reads is the console's, in their language, with the fix.
 */
export function linkReasonText(status: LinkStatus, reason: string | null): CodedTextWire | null {
  return reason === null ? null : onWire(classify(status, reason));
}

function classify(status: LinkStatus, reason: string): CodedText {
  if (status === 'no-data') return coded('serialLink.silent', {}, reason);
  if (/cannot send DMX/i.test(reason)) return coded('serialLink.sendFailed', {}, reason);
  if (/EACCES|permission denied/i.test(reason)) return coded('serialLink.noPermission', {}, reason);
  if (/cannot lock|resource busy|EBUSY/i.test(reason)) return coded('serialLink.busy', {}, reason);
  if (/ENOENT|no such file|not found/i.test(reason)) return coded('serialLink.notFound', {}, reason);
  if (/unplugged|disconnected/i.test(reason)) return coded('serialLink.unplugged', {}, reason);
  if (/invalid|not supported/i.test(reason)) return coded('serialLink.badSettings', {}, reason);
  return coded('serialLink.failed', {}, reason);
}
