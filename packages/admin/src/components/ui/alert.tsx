import type { ReactNode } from 'react';
import './ui.css';

/**
 * A message about the page. Errors use `role="alert"` (announced at once); notices use `role="status"`.
 */
export function Alert({ tone, children }: { tone: 'error' | 'info'; children: ReactNode }) {
  return (
    <div className={`ui-alert ui-alert--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
