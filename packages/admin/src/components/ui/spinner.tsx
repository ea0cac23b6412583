import './ui.css';

/** A decorative spinner: pair it with visible or screen-reader text that says what is happening. */
export function Spinner({ size = 'small' }: { size?: 'small' | 'large' }) {
  return <span className={`ui-spinner ui-spinner--${size}`} aria-hidden="true" />;
}
