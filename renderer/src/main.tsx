import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import './styles/base.css';
import './styles/top-bar.css';
import './styles/console.css';
import './styles/deck-and-log.css';
import './styles/dialogs.css';
import './styles/review.css';
import './styles/obs.css';
import './styles/obs-output.css';
import './styles/obs-settings.css';
import './styles/show-catalog.css';
import './styles/show-plan.css';
import './styles/show-live.css';
import './styles/kpi.css';
import './styles/review-desk.css';
import './styles/devices.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
