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
export type { LiveDeskBridge, CoreConnection } from '../../electron/core/contract/bridge.js';
// Serial hardware and network lights (issue 6).
export type { DmxCue, LinkStatus, ScaleState, SerialDeviceConfig, SerialDeviceView, SerialPortInfo } from '../../electron/core/contract/index.js';
export { isNetworkDmx, dmxCueListSchema, serialDeviceConfigSchema, serialDeviceStatusSchema, serialPortInfoSchema } from '../../electron/core/contract/index.js';
