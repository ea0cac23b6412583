import { RouterProvider } from 'react-router/dom';
import { AppProvider } from './provider.js';
import { createAppRouter } from './router.js';

const router = createAppRouter();

export function App() {
  return (
    <AppProvider>
      <RouterProvider router={router} />
    </AppProvider>
  );
}
