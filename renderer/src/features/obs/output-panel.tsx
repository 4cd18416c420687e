import { useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { Panel } from '../../components/panel.js';
import type { Action } from '../../contract.js';
import { useDeskStore } from '../../stores/desk-store.js';
import { useT } from '../../stores/prefs-store.js';
import { runForResult } from './obs-config-store.js';
import { StreamHealth } from './stream-health.js';

type Output = 'stream' | 'record';

/**
 * Stream and recording, with their live state from OBS and a guarded Stop. A refusal (no stream
 * target, OBS gone) stays next to the button that caused it until the next try.
 */
export function OutputPanel({ disabled }: { disabled: boolean }) {
  const t = useT();
  const up = useDeskStore((s) => s.state?.obs.status === 'connected');
  const streaming = useDeskStore((s) => s.state?.obs.streaming ?? false);
  const recording = useDeskStore((s) => s.state?.obs.recording ?? false);
  const reconnecting = useDeskStore((s) => s.state?.obs.health?.reconnecting ?? false);
  const [confirming, setConfirming] = useState<Output | null>(null);
  const [busy, setBusy] = useState<Output | null>(null);
  const [error, setError] = useState<string | null>(null);
  const off = disabled || !up;

  const send = async (output: Output, action: Action) => {
    setBusy(output);
    setError(null);
    const outcome = await runForResult(action);
    setBusy(null);
    if (!outcome.ok) setError(outcome.message);
  };

  const row = (output: Output, on: boolean) => (
    <div className={`output-row ${on ? 'is-on' : ''}`} data-testid={`obs-${output}`} data-on={on}>
      <span className="output-dot" aria-hidden />
      <span className="output-name">{t(output === 'stream' ? 'obs.stream' : 'obs.record')}</span>
      <span className={`output-state ${on ? 'output-live' : ''}`}>
        {on ? t(output === 'stream' ? 'obs.live' : 'obs.rec') : t('obs.off')}
        {output === 'stream' && reconnecting ? <span className="output-reconnecting"> · {t('obs.reconnecting')}</span> : null}
      </span>
      <button
        type="button"
        className={`btn btn-small ${on ? 'btn-danger-outline' : 'btn-go'}`}
        data-testid={`obs-${output}-${on ? 'stop' : 'start'}`}
        disabled={off || busy !== null}
        onClick={() => (on ? setConfirming(output) : void send(output, { type: output === 'stream' ? 'obs.stream.start' : 'obs.record.start' }))}
      >
        {t(on ? 'obs.stop' : 'obs.start')}
      </button>
    </div>
  );

  return (
    <Panel title={t('obs.output')} className="output-panel" testId="obs-output">
      <div className="outputs-grid">
        {row('stream', streaming)}
        {row('record', recording)}
      </div>
      {error ? (
        <p className="output-error" role="alert" data-testid="obs-output-error">
          {t('obs.refused', { message: error })}
        </p>
      ) : null}
      <StreamHealth />
      {/* Mounted only while asked: a closed dialog in the DOM would be one more .confirm-dialog to tell apart. */}
      {confirming ? (
        <ConfirmDialog
          open
          danger
          title={t(confirming === 'record' ? 'obs.recordStopTitle' : 'obs.streamStopTitle')}
          confirmLabel={t(confirming === 'record' ? 'obs.recordStopConfirm' : 'obs.streamStopConfirm')}
          cancelLabel={t('common.cancel')}
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            setConfirming(null);
            void send(confirming, { type: confirming === 'stream' ? 'obs.stream.stop' : 'obs.record.stop', confirm: true });
          }}
        >
          {t(confirming === 'record' ? 'obs.recordStopBody' : 'obs.streamStopBody')}
        </ConfirmDialog>
      ) : null}
    </Panel>
  );
}
