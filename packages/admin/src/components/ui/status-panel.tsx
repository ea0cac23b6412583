import { type ReactNode, useId } from 'react';
import { Spinner } from './spinner';
import './ui.css';

/** A centered panel for whole-page states: errors, not found, coming soon. */
export function StatusPanel({
  title,
  children,
  actions,
  tone = 'neutral',
}: {
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
  tone?: 'neutral' | 'error';
}) {
  const titleId = useId();
  return (
    <section className={`ui-status ui-status--${tone}`} aria-labelledby={titleId}>
      <h1 id={titleId} className="ui-status__title">
        {title}
      </h1>
      {children && <div className="ui-status__body">{children}</div>}
      {actions && <div className="ui-status__actions">{actions}</div>}
    </section>
  );
}

/** Announces a loading state to assistive technology and shows a spinner. */
export function LoadingState({ label }: { label: string }) {
  return (
    <div className="ui-loading" role="status">
      <Spinner size="large" />
      <span className="ui-loading__label">{label}</span>
    </div>
  );
}
