import { describe, expect, it } from 'vitest';
import { coded, DeskError } from '../contract/index.js';
import { EMPTY_KPI } from '../metrics/kpi-tracker.js';
import { initialObsState } from '../obs/obs-mirror.js';
import { Alerts } from './alerts.js';
import { StateHub } from './state-hub.js';
import { isStorageError, StorageGuard, type PendingEntry } from './storage-guard.js';

const sqliteError = (code: string) => Object.assign(new Error(`sqlite says ${code}`), { code });

function guard(write: (entries: readonly PendingEntry[]) => void = () => {}) {
  const hub = new StateHub({ demo: false, session: null, obs: initialObsState('ws://x', 0), product: null, kpi: EMPTY_KPI, surfaces: [], alerts: [], recent: [] });
  const alerts = new Alerts(hub, () => 1, () => {});
  return { hub, guard: new StorageGuard(alerts, hub, write) };
}

describe('StorageGuard', () => {
  it('tells disk trouble from data trouble', () => {
    for (const code of ['SQLITE_FULL', 'SQLITE_READONLY', 'SQLITE_READONLY_DBMOVED', 'SQLITE_IOERR_WRITE', 'SQLITE_CANTOPEN']) expect(isStorageError(sqliteError(code))).toBe(true);
    for (const error of [sqliteError('SQLITE_CONSTRAINT_PRIMARYKEY'), new DeskError('bad_request', coded('request.empty', {}, 'x')), new Error('plain'), 'string']) expect(isStorageError(error)).toBe(false);
  });

  it('names the trouble in a 503 and a standing alert, and leaves other errors alone', () => {
    const { hub, guard: g } = guard();
    const other = new DeskError('conflict', coded('session.notLive', {}, 'no'));
    expect(g.translate(other)).toBe(other);
    const translated = g.translate(sqliteError('SQLITE_READONLY'));
    expect(translated).toMatchObject({ code: 'storage_unavailable', status: 503, message: expect.stringContaining('the data dir is read-only') });
    expect(hub.state.alerts[0]).toMatchObject({ id: 'storage', level: 'error' });
    expect(hub.state.storage).toEqual({ ok: false, reason: 'the data dir is read-only', pending: 0 });
    g.translate(sqliteError('SQLITE_IOERR_WRITE'));
    expect(hub.state.storage?.reason).toBe('the disk failed (SQLITE_IOERR_WRITE)');
    g.close();
  });

  it('keeps refused log entries and writes them, in order, once a write succeeds', () => {
    const written: PendingEntry[] = [];
    let diskFull = true;
    const { hub, guard: g } = guard((entries) => {
      if (diskFull) throw sqliteError('SQLITE_FULL');
      written.push(...entries);
    });
    g.keep({ sessionId: 's', event: { ts: 1, kind: 'marker', data: { n: 1 } } }, sqliteError('SQLITE_FULL'));
    g.keep({ sessionId: 's', event: { ts: 2, kind: 'marker', data: { n: 2 } } }, sqliteError('SQLITE_FULL'));
    expect(hub.state.storage).toEqual({ ok: false, reason: 'the disk is full', pending: 2 });
    g.succeeded();
    expect(written).toEqual([]);
    diskFull = false;
    g.succeeded();
    expect(written.map((e) => e.event.ts)).toEqual([1, 2]);
    expect(hub.state.storage).toEqual({ ok: true, reason: null, pending: 0 });
    expect(hub.state.alerts.some((a) => a.id === 'storage')).toBe(false);
    g.close();
  });
});
