import { OBSWebSocketError } from 'obs-websocket-js/json';
import { coded, DeskError } from '../contract/index.js';
import type { CodedText, ErrorCode, ObsStatus } from '../contract/index.js';
import { ConnectionLost, RequestTimeout } from './obs-socket.js';

/** The server answered, but its Hello announced an RPC version this client cannot speak. */
export class UnsupportedServer extends Error {
  override readonly name = 'UnsupportedServer';
}

export interface ConnectFailure {
  status: Extract<ObsStatus, 'disconnected' | 'auth-failed' | 'unsupported'>;
  /** For developers and the API; `text` is what the console shows. */
  reason: string;
  text: CodedText;
}

const failure = (status: ConnectFailure['status'], text: CodedText): ConnectFailure => ({ status, reason: text.detail, text });

// obs-websocket's WebSocketCloseCode values that mean "retrying cannot help".
const AUTHENTICATION_FAILED = 4009;
const UNSUPPORTED_RPC_VERSION = 4010;

/** Why a connection attempt failed, and whether retrying can help (only 'disconnected' is retried). */
export function classifyConnectFailure(error: unknown, url: string, hasPassword: boolean): ConnectFailure {
  if (error instanceof UnsupportedServer) return failure('unsupported', coded('obsLink.oldRpc', {}, error.message));
  if (error instanceof ConnectionLost || error instanceof RequestTimeout) return failure('disconnected', coded('obsLink.lost', {}, error.message));
  const code = error instanceof OBSWebSocketError ? error.code : -1;
  const message = error instanceof Error ? error.message : String(error);
  if (code === AUTHENTICATION_FAILED) {
    return failure(
      'auth-failed',
      hasPassword
        ? coded('obsLink.passwordRejected', {}, `OBS refused the password: ${message}`)
        : coded('obsLink.passwordMissing', {}, `OBS requires a password and none is set: ${message}`),
    );
  }
  if (code === UNSUPPORTED_RPC_VERSION) return failure('unsupported', coded('obsLink.oldRpc', {}, `OBS does not speak obs-websocket RPC v1: ${message}`));
  if (/subprotocol/i.test(message)) {
    const detail = `${url} is not an obs-websocket v5 server (${message.toLowerCase()}; obs-websocket 4.x or another WebSocket server?)`;
    return failure('unsupported', coded('obsLink.notV5', { url }, detail));
  }
  const http = /Unexpected server response: (\d+)/.exec(message);
  if (http) return failure('unsupported', coded('obsLink.http', { url, status: Number(http[1]) }, `${url} answered with HTTP ${http[1]}: not an obs-websocket v5 server`));
  if (/ECONNREFUSED/.test(message)) {
    return failure('disconnected', coded('obsLink.refused', { url }, `connection refused at ${url} (is OBS running with its WebSocket server enabled?)`));
  }
  if (code >= 1000) return failure('disconnected', coded('obsLink.closed', { code }, `connection closed (${code}${message ? `: ${message}` : ''})`));
  return failure('disconnected', coded('obsLink.failed', {}, message || 'connection failed'));
}

/** A failure the link itself decides on (OBS shutting down, a missed heartbeat). */
export function linkFailure(text: CodedText): ConnectFailure {
  return failure('disconnected', text);
}

const STATUS_TEXT: Record<number, string> = {
  204: 'unknown request type',
  500: 'the output is already running',
  501: 'the output is not running',
  502: 'the output is paused',
  503: 'the output is not paused',
  504: 'the output is disabled',
  505: 'studio mode is active',
  506: 'studio mode is not active',
  600: 'not found',
};

const OUTPUT_TEXT: Record<string, Record<number, string>> = {
  StartStream: { 500: 'the stream is already running' },
  StopStream: { 501: 'the stream is not running' },
  StartRecord: { 500: 'the recording is already running' },
  StopRecord: { 501: 'the recording is not running' },
};

function deskCode(status: number): ErrorCode {
  if (status === 600) return 'not_found';
  if (status >= 300 && status < 500) return 'bad_request';
  if ((status >= 500 && status < 600) || (status > 600 && status < 700) || status === 703) return 'conflict';
  return 'internal';
}

/** Turns a failed OBS request into an error for whoever sent the action, keeping OBS's own comment. */
export function toDeskError(requestType: string, error: unknown): DeskError {
  if (error instanceof DeskError) return error;
  if (error instanceof RequestTimeout) return new DeskError('conflict', coded('obs.timeout', { request: requestType }, error.message));
  if (error instanceof ConnectionLost) {
    const detail = `OBS connection lost before it answered ${requestType} (${error.message}); it may or may not have been applied`;
    return new DeskError('conflict', coded('obs.lostMidRequest', { request: requestType }, detail));
  }
  if (error instanceof OBSWebSocketError && error.code >= 100) {
    const comment = error.message || OUTPUT_TEXT[requestType]?.[error.code] || STATUS_TEXT[error.code] || 'no reason given';
    return new DeskError(deskCode(error.code), coded('obs.refused', { request: requestType, status: error.code }, `OBS refused ${requestType}: ${comment} (status ${error.code})`));
  }
  const message = error instanceof Error ? error.message : String(error);
  return new DeskError('conflict', coded('obs.requestFailed', { request: requestType }, `OBS request ${requestType} failed: ${message}`));
}
