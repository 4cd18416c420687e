// The one place the renderer reaches into the shared contract (never core/store/server or native code).
import { z } from 'zod';

// The console's CSP forbids eval; without this zod probes `new Function` on its first parse and the
// browser logs a CSP violation. Its interpreted path is plenty fast for our message sizes.
z.config({ jitless: true });

export type {
  Action,
  ActionType,
  Lang,
  Alert,
  ApiError,
  CurrentProduct,
  DeskState,
  ExplainSegment,
  KeyLook,
  Kpi,
  ObsState,
  ObsStatus,
  OverlayState,
  Origin,
  Product,
  ProductInput,
  SessionDetail,
  SessionEvent,
  SessionListItem,
  SessionSummary,
  SessionTimeline,
  SurfaceState,
  TimelinePoint,
  WsClientMessage,
  WsServerMessage,
  NativeCardSettings,
  ObsHealth,
  ObsHealthThresholds,
  ObsProfile,
  ObsProfileInput,
  ObsProfiles,
  ObsSceneItem,
  ObsSettings,
  OverlayLink,
} from '../../electron/core/contract/index.js';
// Live KPIs (issue 7).
export type {
  AlertRule,
  IngestSourceRate,
  KpiBasis,
  KpiBasisPrefs,
  KpiDetail,
  KpiRatio,
  KpiSettings,
  ProductKpi,
  AudienceDrop,
  CompareReply,
  CurvePoint,
  Lane,
  LaneItem,
  ProductStats,
  ReviewKpis,
  ReviewKpiKey,
  PlatformCompare,
  CompareRates,
  ReviewListItem,
  SegmentStats,
  SessionNotes,
  SessionNotesReply,
  SessionReview,
  BundleImportReply,
  Bindings,
  BindingsInput,
  BindingPage,
  KeyBinding,
  Layout,
  ControlDeviceView,
  HotkeyBinding,
  HidBinding,
} from '../../electron/core/contract/index.js';
export {
  API_PREFIX,
  backoffDelay,
  detectLang,
  isLang,
  apiErrorSchema,
  productSchema,
  sessionDetailSchema,
  sessionListItemSchema,
  sessionTimelineSchema,
  deskStateSchema,
  wsServerMessageSchema,
  applyStatePatch,
  obsProfileIdSchema,
  obsProfilesSchema,
  obsSettingsSchema,
  overlayLinkSchema,
  bundleImportReplySchema,
  compareReplySchema,
  platformCompareSchema,
  productStatsSchema,
  reviewListItemSchema,
  sessionNotesReplySchema,
  sessionReviewSchema,
  bindingsSchema,
  keyBindingSchema,
  controlDeviceViewSchema,
  DANGEROUS_ACTIONS,
  actionSchema,
  MIN_EXPLAIN_MS_FOR_RATE,
  generatedLayout,
  productCues,
  toOverlayState,
} from '../../electron/core/contract/index.js';
// The show (issue 4).
export type { FlashSale, FlashSaleResult, ImportField, ImportPreview, ImportResult, ColumnMapping, Plan, PlanInput, PlanItem, PlanItemKind, PlanRun, Reminder } from '../../electron/core/contract/index.js';
export { IMPORT_FIELDS, MARK_PRESETS, importPreviewSchema, importResultSchema, planSchema } from '../../electron/core/contract/index.js';
export type { LiveDeskBridge, CoreConnection } from '../../electron/core/contract/bridge.js';
// Serial hardware and network lights (issue 6).
export type { DmxCue, LinkStatus, ScaleState, SerialDeviceConfig, SerialDeviceView, SerialPortInfo } from '../../electron/core/contract/index.js';
export { isNetworkDmx, RESERVED_CUES, dmxCueListSchema, serialDeviceConfigSchema, serialDeviceStatusSchema, serialPortInfoSchema } from '../../electron/core/contract/index.js';
// Coded texts: what the core says to people, translated here (DESIGN §8).
export type { CodedTextWire, TextCode, TextParam } from '../../electron/core/contract/index.js';
export { TEXT_CODES, TEXT_PARAMS, codedTextSchema } from '../../electron/core/contract/index.js';
export { englishSentences } from '../../electron/core/contract/text-rules.js';
export type { AudienceMoodSetting, AudienceSimSettings, RehearsalSims, ScaleSimSettings } from '../../electron/core/contract/index.js';
export { audienceMoodSchema } from '../../electron/core/contract/index.js';
// The live 弹幕 feed (issue 17).
export type { CommentPage, FeedComment } from '../../electron/core/contract/index.js';
export { commentKeywordsSchema, commentPageSchema } from '../../electron/core/contract/index.js';
