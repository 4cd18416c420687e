// The one place the renderer reaches into the shared contract (never core/store/server or native code).
export type {
  Action,
  ActionType,
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
} from '../../electron/core/contract/index.js';
export {
  API_PREFIX,
  apiErrorSchema,
  productSchema,
  sessionDetailSchema,
  sessionListItemSchema,
  sessionTimelineSchema,
  deskStateSchema,
  wsServerMessageSchema,
} from '../../electron/core/contract/index.js';
// The show (issue 4).
export type { FlashSale, FlashSaleResult, ImportField, ImportPreview, ImportResult, ColumnMapping, Plan, PlanInput, PlanItem, PlanItemKind, PlanRun, Reminder } from '../../electron/core/contract/index.js';
export { IMPORT_FIELDS, MARK_PRESETS, importPreviewSchema, importResultSchema, planSchema } from '../../electron/core/contract/index.js';
export type { LiveDeskBridge, CoreConnection } from '../../electron/core/contract/bridge.js';
