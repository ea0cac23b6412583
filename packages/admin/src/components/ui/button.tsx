import type { ComponentProps } from 'react';
import { Spinner } from './spinner';
import './ui.css';

type ButtonProps = ComponentProps<'button'> & {
  variant?: 'primary' | 'secondary' | 'ghost';
  /** Shows a spinner and ignores presses; the caller supplies the "…ing" label as children. */
  pending?: boolean;
};

export function Button({
  variant = 'primary',
  pending = false,
  type = 'button',
  className,
  onClick,
  children,
  ...props
}: ButtonProps) {
  return (
    <button
      {...props}
      type={type}
      className={['ui-button', `ui-button--${variant}`, className].filter(Boolean).join(' ')}
      // Pending buttons stay focusable (a disabled button would drop keyboard focus to the page),
      // but a press neither submits the form again nor runs the action twice.
      aria-disabled={pending || props['aria-disabled']}
      aria-busy={pending || undefined}
      onClick={pending ? (event) => event.preventDefault() : onClick}
    >
      {pending && <Spinner />}
      {children}
    </button>
  );
}
