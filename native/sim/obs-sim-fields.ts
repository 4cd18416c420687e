/**
 * obs-websocket's request-field validation for the simulated OBS, with its exact status codes and
 * comments (checked against obs-websocket 5.1 / OBS 29.0.2), shared by the simulator's handler modules.
 */

export type JsonObject = Record<string, unknown>;

/** obs-websocket's RequestStatus codes that the simulator can answer with. */
export const RequestStatus = {
  Success: 100,
  MissingRequestType: 203,
  UnknownRequestType: 204,
  UnsupportedRequestBatchExecutionType: 206,
  MissingRequestField: 300,
  MissingRequestData: 301,
  InvalidRequestFieldType: 401,
  RequestFieldEmpty: 403,
  OutputRunning: 500,
  OutputNotRunning: 501,
  StudioModeActive: 505,
  StudioModeNotActive: 506,
  ResourceNotFound: 600,
  ResourceAlreadyExists: 601,
  NotEnoughResources: 603,
  InvalidInputKind: 605,
} as const;

/** obs-websocket's EventSubscription bits: an event is sent only to sessions subscribed to its intent. */
export const EventIntent = { General: 1, Config: 2, Scenes: 4, Inputs: 8, Transitions: 16, Outputs: 64, SceneItems: 128, Ui: 1024, All: 2047 } as const;

export type EmitEvent = (eventType: string, eventIntent: number, eventData?: JsonObject) => void;
export type Handler = (data: JsonObject | null) => JsonObject | void;

export class RequestError extends Error {
  constructor(
    readonly code: number,
    readonly comment = '',
  ) {
    super(comment);
  }
}

export function field(data: JsonObject | null, key: string): unknown {
  if (data === null) throw new RequestError(RequestStatus.MissingRequestData, 'Your request data is missing or invalid (non-object)');
  const value = data[key];
  if (value === undefined || value === null) throw new RequestError(RequestStatus.MissingRequestField, `Your request is missing the \`${key}\` field.`);
  return value;
}

export function stringField(data: JsonObject | null, key: string): string {
  const value = field(data, key);
  if (typeof value !== 'string') throw new RequestError(RequestStatus.InvalidRequestFieldType, `The field value of \`${key}\` must be a string.`);
  if (value === '') throw new RequestError(RequestStatus.RequestFieldEmpty, `The field value of \`${key}\` must not be empty.`);
  return value;
}

export function booleanField(data: JsonObject | null, key: string): boolean {
  const value = field(data, key);
  if (typeof value !== 'boolean') throw new RequestError(RequestStatus.InvalidRequestFieldType, `The field value of \`${key}\` must be boolean.`);
  return value;
}

export function numberField(data: JsonObject | null, key: string): number {
  const value = field(data, key);
  if (typeof value !== 'number') throw new RequestError(RequestStatus.InvalidRequestFieldType, `The field value of \`${key}\` must be a number.`);
  return value;
}

export function objectField(data: JsonObject | null, key: string): JsonObject {
  const value = field(data, key);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new RequestError(RequestStatus.InvalidRequestFieldType, `The field value of \`${key}\` must be an object.`);
  return value as JsonObject;
}
