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
export type { LiveDeskBridge, CoreConnection } from '../../electron/core/contract/bridge.js';
