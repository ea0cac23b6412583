import type { ReactNode } from 'react';
import { PageTitle } from '../../../components/ui/page-title.js';
import './auth-layout.css';

/** The narrow, centred card of the sign-in, registration and password pages. */
export function AuthLayout({
  title,
  intro,
  children,
  footer,
}: {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <div className="auth-layout">
      <PageTitle title={title} />
      <section className="auth-card" aria-labelledby="auth-title">
        <h1 id="auth-title" className="auth-card__title">
          {title}
        </h1>
        {intro && <p className="auth-card__intro">{intro}</p>}
        {children}
      </section>
      {footer && <div className="auth-layout__footer">{footer}</div>}
    </div>
  );
}
