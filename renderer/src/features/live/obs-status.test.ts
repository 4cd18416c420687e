import { describe, expect, it } from 'vitest';
import type { ObsState } from '../../contract.js';
import { translator } from '../../lib/i18n.js';
import { obsDetail } from './obs-status.js';

const base: ObsState = { status: 'connected', url: 'ws://127.0.0.1:4455', reason: null, since: 0, retryAt: null, obsVersion: '29.0.2', scenes: [], programScene: null, streaming: false, recording: false };
const en = translator('en');

describe('OBS status detail', () => {
  it('shows the version when connected, and where it is connecting when there is no earlier failure', () => {
    expect(obsDetail(base, 0, en)).toBe('v29.0.2');
    expect(obsDetail({ ...base, status: 'connecting' }, 0, en)).toBe('connecting to ws://127.0.0.1:4455');
    expect(obsDetail({ ...base, status: 'connecting', reason: 'connection refused' }, 0, en)).toBe('connection refused');
  });

  it('gives the reason and the seconds to the next attempt while gone', () => {
    expect(obsDetail({ ...base, status: 'disconnected', reason: 'OBS is shutting down', retryAt: 4_200 }, 1_000, en)).toBe('OBS is shutting down · next try in 4s');
  });

  it('says a wrong password or a server that is not OBS v5 is not retried', () => {
    expect(obsDetail({ ...base, status: 'auth-failed', reason: 'OBS refused the password' }, 0, en)).toBe('OBS refused the password · not retried until the OBS settings change');
    expect(obsDetail({ ...base, status: 'unsupported', reason: 'not obs-websocket v5' }, 0, translator('zh'))).toBe('not obs-websocket v5 · 修改 OBS 设置前不会重试');
  });

  it('says a coded reason in the reader\'s language, not the developer sentence', () => {
    const obs: ObsState = { ...base, status: 'auth-failed', reason: 'OBS refused the password: Authentication failed.', reasonText: { code: 'obsLink.passwordRejected', params: {} } };
    expect(obsDetail(obs, 0, translator('zh'))).toBe('OBS 拒绝了密码。 · 修改 OBS 设置前不会重试');
  });
});
