import type { ReactNode } from 'react';
import { useTranslation } from '../../lib/i18n/react.js';
import { Button } from './button.js';
import './states.css';

type ErrorStateProps = {
  title?: string;
  description?: string;
  /** Shows a "Try again" button. */
  onRetry?: () => void;
  children?: ReactNode;
};

export function ErrorState({ title, description, onRetry, children }: ErrorStateProps) {
  const { t } = useTranslation();
  return (
    <div className="state state--error" role="alert">
      <svg className="state__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <circle cx="12" cy="12" r="9.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
        <path d="M12 7v6m0 3.5v.5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>
      <h2 className="state__title">{title ?? t('common.errorTitle')}</h2>
      <p className="state__description">{description ?? t('common.errorDescription')}</p>
      <div className="state__actions">
        {onRetry && (
          <Button variant="secondary" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
        {children}
      </div>
    </div>
  );
}

type EmptyStateProps = {
  title: string;
  description?: string;
  /** Usually a link onwards, e.g. "Continue shopping". */
  action?: ReactNode;
  /** Heading level: pages whose h1 is this title pass 1. */
  headingLevel?: 1 | 2;
};

export function EmptyState({ title, description, action, headingLevel = 2 }: EmptyStateProps) {
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  return (
    <div className="state state--empty">
      <svg className="state__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path
          d="M4 7.5 12 3l8 4.5v9L12 21l-8-4.5v-9Zm0 0 8 4.5m0 0 8-4.5M12 12v9"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
          strokeLinejoin="round"
        />
      </svg>
      <Heading className="state__title">{title}</Heading>
      {description && <p className="state__description">{description}</p>}
      {action && <div className="state__actions">{action}</div>}
    </div>
  );
}
