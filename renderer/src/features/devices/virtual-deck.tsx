import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { KeyLook, SurfaceState } from '../../contract.js';
import { Panel } from '../../components/panel.js';
import { getLink } from '../../lib/desk-link.js';
import { imageSrc } from '../../lib/image-src.js';
import { virtualSurface } from '../../stores/desk-reducers.js';
import { useDeskStore } from '../../stores/desk-store.js';
import { useT } from '../../stores/prefs-store.js';

export function VirtualDeck({ disabled }: { disabled: boolean }) {
  const t = useT();
  const surface = useDeskStore((s) => virtualSurface(s.state));
  const mirrored = useDeskStore((s) => s.state?.surfaces.find((x) => x.kind === 'streamdeck' && x.connected && x.keyWidth !== undefined) ?? null);
  return (
    <Panel title={t('deck.title')} className="deck-panel" aside={surface && !surface.connected ? <span className="count count-warn">{t('deck.offline')}</span> : null} testId="virtual-deck">
      {mirrored ? <p className="deck-mirror">{t('deck.mirrors', { name: `${mirrored.name}${mirrored.serial ? ` · ${mirrored.serial}` : ''}` })}</p> : null}
      {surface ? <DeckGrid surface={surface} disabled={disabled || !surface.connected} /> : <p className="empty">{t('deck.none')}</p>}
      {surface && (surface.pages?.length ?? 1) > 1 ? <DeckPager surface={surface} disabled={disabled} /> : null}
    </Panel>
  );
}

/** Page buttons under the on-screen deck: they turn the mirrored deck's pages too. */
function DeckPager({ surface, disabled }: { surface: SurfaceState; disabled: boolean }) {
  const t = useT();
  const run = useDeskStore((s) => s.run);
  const pages = surface.pages ?? [];
  const page = surface.page ?? 0;
  return (
    <div className="deck-pager" data-testid="deck-pager">
      <button type="button" className="btn btn-small" disabled={disabled} aria-label={t('bind.pagePrev')} onClick={() => void run({ type: 'deck.page', surface: surface.id, to: 'prev' })}>
        ◀
      </button>
      <span>
        {t('deck.page', { page: page + 1, pages: pages.length })}
        {pages[page] && pages[page] !== String(page + 1) ? ` · ${pages[page]}` : ''}
      </span>
      <button type="button" className="btn btn-small" disabled={disabled} aria-label={t('bind.pageNext')} onClick={() => void run({ type: 'deck.page', surface: surface.id, to: 'next' })}>
        ▶
      </button>
    </div>
  );
}

function DeckGrid({ surface, disabled }: { surface: SurfaceState; disabled: boolean }) {
  const count = surface.columns * surface.rows;
  return (
    <div className="deck" style={{ gridTemplateColumns: `repeat(${surface.columns}, 1fr)` }} data-surface={surface.id}>
      {Array.from({ length: count }, (_, i) => (
        <DeckKey key={i} surfaceId={surface.id} index={i} look={surface.keys[i] ?? null} disabled={disabled} />
      ))}
    </div>
  );
}

/**
 * One key. A press is down and up like on hardware (the core may treat a long press differently), so
 * the pointer is captured: the release always reaches the key that saw the press.
 */
function DeckKey({ surfaceId, index, look, disabled }: { surfaceId: string; index: number; look: KeyLook | null; disabled: boolean }) {
  const pressKey = useDeskStore((s) => s.pressKey);
  const [down, setDown] = useState(false);
  const downRef = useRef(false);
  const press = (isDown: boolean) => {
    if (downRef.current === isDown) return;
    downRef.current = isDown;
    setDown(isDown);
    pressKey(surfaceId, index, isDown);
  };
  const off = disabled || !look;
  // A key that goes dark mid-press (link lost, binding changed) still owes the core its release.
  useEffect(() => {
    if (off && downRef.current) {
      downRef.current = false;
      setDown(false);
      pressKey(surfaceId, index, false);
    }
  }, [off, pressKey, surfaceId, index]);
  const classes = ['deck-key', `tone-${look?.tone ?? 'blank'}`, look?.active ? 'key-active' : '', look?.disabled ? 'key-disabled' : '', down ? 'key-down' : '']
    .filter(Boolean)
    .join(' ');

  return (
    <button
      type="button"
      className={classes}
      disabled={off}
      data-key={index}
      aria-pressed={look?.active ?? false}
      aria-label={look ? `${index + 1}: ${look.label}${look.detail ? ` ${look.detail}` : ''}` : `${index + 1}`}
      onPointerDown={(e: PointerEvent<HTMLButtonElement>) => {
        if (e.button !== 0) return;
        e.currentTarget.setPointerCapture(e.pointerId);
        press(true);
      }}
      onPointerUp={() => press(false)}
      onPointerCancel={() => press(false)}
      onLostPointerCapture={() => press(false)}
      onKeyDown={(e: KeyboardEvent) => {
        if ((e.key === ' ' || e.key === 'Enter') && !e.repeat) {
          e.preventDefault();
          press(true);
        }
      }}
      onKeyUp={(e: KeyboardEvent) => {
        if (e.key === ' ' || e.key === 'Enter') press(false);
      }}
      onBlur={() => press(false)}
    >
      {look ? (
        <>
          <KeyPicture image={look.image} />
          <span className="key-label">{look.label}</span>
          {look.detail ? <span className="key-detail">{look.detail}</span> : null}
        </>
      ) : null}
    </button>
  );
}

/**
 * The product's picture behind the key's text, as the hardware draws it (issue 17: the on-screen deck
 * mirrors the hardware exactly). A picture the browser cannot load leaves the key as text only.
 */
function KeyPicture({ image }: { image: string | null | undefined }) {
  const link = getLink();
  const src = imageSrc(image, link?.url, link?.token);
  const [state, setState] = useState<{ src: string; ok: boolean } | null>(null);
  if (!src || (state?.src === src && !state.ok)) return null;
  return (
    <img
      className="key-image"
      src={src}
      alt=""
      aria-hidden
      data-loaded={state?.src === src && state.ok}
      onLoad={() => setState({ src, ok: true })}
      onError={() => setState({ src, ok: false })}
    />
  );
}
