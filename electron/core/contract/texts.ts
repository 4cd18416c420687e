import { z } from 'zod';

/**
 * Every sentence the core wants a person to read (errors, alerts, log lines) is a stable code with named
 * params; the renderer's zh and en tables turn it into words (DESIGN §8). This registry is the one list
 * of codes: each code names the params its sentence uses, so the renderer's tables are checked against
 * it by the compiler and the i18n test renders every entry.
 *
 * Param conventions the renderer relies on: a number whose name ends in `Fen` is money in integer fen
 * (shown as ¥29.90); one ending in `Ratio` is a fraction shown as a percentage; `kpi` is a KPI id shown
 * by its name; `value` and `limit` follow `unit` (`fen`, `ratio` or `count`).
 */
export const TEXT_PARAMS = {
  // Requests and the API's edges.
  'error.internal': [],
  'request.notJson': ['type'],
  'request.badJson': [],
  'request.empty': [],
  'request.tooLarge': ['limit'],
  'request.badUrl': [],
  'request.invalidField': ['field'],
  'request.badDate': ['field', 'value'],
  'request.foreignHost': [],
  'request.foreignOrigin': [],
  'token.missing': [],
  'token.readOnly': [],
  'route.notFound': ['path'],
  'route.wrongMethod': ['method', 'path', 'allowed'],
  'ws.binary': [],
  'upload.notStaged': ['id'],
  'action.needsConfirm': ['action'],
  'alert.notFound': ['id'],

  // Sessions and storage.
  'session.alreadyLive': ['title'],
  'session.otherLive': ['title'],
  'session.notLive': [],
  'session.notFound': ['id'],
  'session.noInterrupted': [],
  'session.notInterrupted': ['title', 'status'],
  'session.interrupted': ['title'],
  'session.deleteLive': ['title'],
  'session.deleteConfirm': ['title'],
  'session.exportLive': ['title'],
  'rehearsal.realSessionLive': ['title'],
  'rehearsal.audienceFailed': [],
  'rehearsal.scaleOnlyInRehearsal': [],
  'rehearsal.scaleOff': [],
  'storage.unavailable': [],
  'storage.failed': [],
  'storage.dropped': ['count'],
  'ingest.noSession': [],
  'ingest.badTime': ['index'],
  'ingest.refundExcess': ['amountFen', 'orders'],
  'comment.keyword': ['keyword', 'user', 'text'],
  'ingest.early': ['count'],

  // OBS.
  'obs.notConnected': ['status'],
  'obs.down': ['status'],
  'obs.noStreamTarget': ['service'],
  'obs.sourceNotFound': ['scene', 'source'],
  'obs.noSafeScene': [],
  'obs.nothingToRevert': [],
  'obs.timeout': ['request'],
  'obs.lostMidRequest': ['request'],
  'obs.refused': ['request', 'status'],
  'obs.requestFailed': ['request'],
  'obs.profileNotFound': ['id'],
  'obs.profileInUse': ['id'],
  'obs.profileInRehearsal': [],
  'obs.noBrowserSource': [],
  'obs.nativeCardFailed': [],
  'obs.health.fps': ['fps', 'limit'],
  'obs.health.render': ['pct', 'limit'],
  'obs.health.encoder': ['pct', 'limit'],
  'obs.health.congestion': ['pct', 'limit'],
  'obs.health.bitrate': ['kbps', 'limit'],
  'obs.health.reconnecting': [],
  'obs.health.disk': ['mb', 'limit'],
  'overlay.noToken': [],
  // Why the OBS link is down (ObsState.reasonText).
  'obsLink.passwordRejected': [],
  'obsLink.passwordMissing': [],
  'obsLink.oldRpc': [],
  'obsLink.notV5': ['url'],
  'obsLink.http': ['url', 'status'],
  'obsLink.refused': ['url'],
  'obsLink.closed': ['code'],
  'obsLink.lost': [],
  'obsLink.failed': [],
  'obsLink.shuttingDown': [],
  'obsLink.noHeartbeat': [],
  'obsLink.stopped': [],

  // The show: catalog, plans, flash sales, explains.
  'product.notFound': ['sku'],
  'product.exists': ['sku'],
  'product.skuMismatch': [],
  'catalog.empty': [],
  'catalog.atFirst': [],
  'catalog.atLast': [],
  'image.tooLarge': ['limit'],
  'image.badType': [],
  'image.notFound': ['name'],
  'catalogImport.notXlsx': ['file'],
  'catalogImport.badXlsx': ['file'],
  'catalogImport.oldXls': ['file'],
  'catalogImport.noRows': ['file'],
  'catalogImport.unmapped': ['fields'],
  'catalogImport.badBase64': [],
  'catalogImport.badPrice': ['column', 'value'],
  'catalogImport.notWhole': ['column', 'value'],
  'catalogImport.duplicateSku': ['sku', 'line'],
  'flash.running': ['name'],
  'flash.noPrice': ['sku'],
  'flash.notRunning': [],
  'flash.noSession': [],
  'flash.noProduct': [],
  'flash.priceAboveLive': ['sku', 'priceFen', 'livePriceFen'],
  'flash.badSeconds': [],
  'flash.badStock': [],
  'flash.oversold': ['name', 'oversold'],
  'plan.notFound': ['id'],
  'plan.unknownSku': ['row', 'sku'],
  'plan.badIndex': ['count'],
  'plan.atFirst': [],
  'plan.atLast': [],
  'plan.empty': [],
  'plan.notRunning': [],
  'explain.sceneFailed': ['what', 'scene'],
  'explain.cueFailed': ['what', 'cue'],

  // Live KPIs.
  'kpi.above': ['kpi', 'name', 'unit', 'value', 'limit'],
  'kpi.below': ['kpi', 'name', 'unit', 'value', 'limit'],
  'kpi.drop': ['kpi', 'name', 'unit', 'value', 'changeRatio', 'limitRatio', 'windowSec'],
  'kpi.rise': ['kpi', 'name', 'unit', 'value', 'changeRatio', 'limitRatio', 'windowSec'],
  'kpi.clear': ['kpi', 'name'],

  // 复盘: sessions, bundles, platform imports.
  'review.idsMissing': [],
  'review.compareTooFew': [],
  'review.compareTooMany': ['max'],
  'review.badTz': [],
  'review.badFormat': ['format'],
  'review.badBucket': [],
  'review.pdfNeedsChromium': [],
  'review.pdfFailed': [],
  'review.badTable': ['tables'],
  'bundle.sendFile': [],
  'bundle.empty': [],
  'bundle.tooLarge': ['limit'],
  'bundle.notBundle': [],
  'bundle.damaged': [],
  'bundle.newer': ['schema', 'known'],
  'bundle.noSessions': [],
  'bundle.refused': [],
  'bundle.noSpace': [],
  'platformImport.badPlatform': [],
  'platformImport.badTz': [],
  'platformImport.noRows': [],
  'platformImport.emptyFile': [],
  'platformImport.badXlsx': [],
  'platformImport.noHeader': [],
  'platformImport.notNumber': ['row', 'column', 'value'],
  'platformImport.noKnownColumns': ['columns'],
  'platformImport.noMatchingSession': ['count'],

  // Control hardware and serial devices.
  'surface.notFound': ['surface'],
  'surface.keyOutOfRange': ['key', 'keys'],
  'surface.failed': ['surface'],
  'surface.holdToConfirm': ['surface', 'key'],
  'surface.actionFailed': ['surface', 'key'],
  'deck.notFound': ['surface'],
  'deck.none': [],
  'hid.unavailable': [],
  'hid.notFound': ['device'],
  'hotkey.notFound': ['accelerator'],
  'hotkey.needsLongPress': ['action'],
  'bindings.unreadable': ['surfaces'],
  'controls.startFailed': [],
  'controls.problem': ['device', 'status'],
  'controls.noAccess': ['path'],
  'controls.inUse': ['path'],
  'controls.heldElsewhere': ['path'],
  'controls.openFailed': [],
  'controls.keyboard': [],
  'controlsFix.udev': ['copy', 'reload'],
  'controlsFix.allowUsb': [],
  'controlsFix.busy': [],
  'controlsFix.replug': [],
  'controlsFix.hotkeys': [],
  'serial.simulatedId': ['id'],
  'serial.badUniverse': ['id'],
  'serial.customNeedsFormat': ['id'],
  'serial.noRequestCommand': ['protocol'],
  'serial.configUnreadable': ['id'],
  'serial.startFailed': ['id'],
  'serial.status': ['device', 'status'],
  // Why a serial link is not open (SerialDeviceStatus.reasonText).
  'serialLink.silent': [],
  'serialLink.sendFailed': [],
  'serialLink.noPermission': [],
  'serialLink.busy': [],
  'serialLink.notFound': [],
  'serialLink.unplugged': [],
  'serialLink.badSettings': [],
  'serialLink.failed': [],
  'cue.notFound': ['cue'],
  'cue.failed': ['cue'],
  'dmx.notConfigured': ['device'],
  'dmx.none': [],
  'scale.notFound': ['id'],
  'scale.none': [],
  'scale.noCommand': ['id', 'command'],
  'scale.failed': ['id'],
  'scale.noMatch': ['grams', 'id'],
  'scale.triggerFailed': ['id'],
} as const satisfies Record<string, readonly string[]>;

export type TextCode = keyof typeof TEXT_PARAMS;
export type TextParam = string | number;
export type TextParams<C extends TextCode = TextCode> = { [P in (typeof TEXT_PARAMS)[C][number]]: TextParam };

/** Every code, for tests and tables that must cover them all. */
export const TEXT_CODES = Object.keys(TEXT_PARAMS) as TextCode[];

/**
 * A coded text on the wire. `code` is any string here, not the enum, so a console older than its core
 * still parses a code it does not know and shows its generic sentence instead of failing.
 */
export const codedTextSchema = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type CodedTextWire = z.infer<typeof codedTextSchema>;

/** A coded text as the core builds it: the code, its params and an English sentence for developers. */
export type CodedText = { code: TextCode; params: Record<string, TextParam>; detail: string };

/** Builds a coded text; the compiler checks the params against the registry. */
export function coded<C extends TextCode>(code: C, params: TextParams<C>, detail: string): CodedText {
  return { code, params, detail };
}

/** The part of a coded text that travels (the developer sentence goes in its own field, if any). */
export function onWire(text: CodedText): CodedTextWire {
  return { code: text.code, params: text.params };
}
