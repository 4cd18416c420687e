import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { resolveOverlayConnection } from '../lib/connection.js';
import { OverlayApp } from './overlay-app.js';
import './overlay.css';

const { url, token } = resolveOverlayConnection();
// The audience is Chinese-speaking by default; `&lang=en` for English streams. The OBS browser's own
// locale says nothing about the audience.
const lang = new URL(location.href).searchParams.get('lang') === 'en' ? 'en' : 'zh';
if (!token) console.warn('LiveDesk overlay: no ?token= in the URL; copy the overlay URL from the desk.');

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from overlay.html');
createRoot(root).render(
  <StrictMode>
    <OverlayApp url={url} token={token} lang={lang} />
  </StrictMode>,
);
