import { AppProvider, appReady } from './provider.js';
import { AppRouter, preloadPage } from './router.js';

export function App() {
  return (
    <AppProvider>
      <AppRouter />
    </AppProvider>
  );
}

export { appReady, preloadPage };
