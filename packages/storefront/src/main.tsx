import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, appReady, preloadPage } from './app/app.js';
import './app/styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// English is bundled; a shopper reading Chinese waits for that chunk rather than seeing English
// first. The first page's code loads meanwhile, so the page renders whole (no layout shift).
// If it fails to load, rendering goes ahead and the page's error boundary offers a reload.
await Promise.all([appReady, preloadPage(window.location.pathname).catch(() => undefined)]);
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
