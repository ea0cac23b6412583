import { useEffect, useId, useRef, useState } from 'react';
import { Alert } from './alert';
import { Button } from './button';

export interface SecretOnceTexts {
  title: string;
  warning: string;
  label: string;
  copy: string;
  copied: string;
  copyFailed: string;
  done: string;
}

export interface SecretOnceClassNames {
  panel: string;
  row: string;
  value: string;
  muted: string;
}

/**
 * A secret the API shows only once (a new API key, a webhook signing secret): focused when it appears,
 * selectable, with a copy button, a warning and a "done" button that dismisses it for good.
 */
export function SecretOnce({
  secret,
  texts,
  classNames,
  testId,
  copyTestId,
  onDone,
}: {
  secret: string;
  /** Already translated. */
  texts: SecretOnceTexts;
  classNames: SecretOnceClassNames;
  /** `data-testid` of the panel; the done button gets `<testId>-done`. */
  testId: string;
  copyTestId?: string;
  onDone: () => void;
}) {
  const titleId = useId();
  const inputId = useId();
  const ref = useRef<HTMLElement>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => ref.current?.focus(), []);
  const onCopy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };
  return (
    <section
      ref={ref}
      tabIndex={-1}
      className={classNames.panel}
      data-testid={testId}
      aria-labelledby={titleId}
    >
      <h2 id={titleId}>{texts.title}</h2>
      <Alert tone="info">{texts.warning}</Alert>
      <div className="ui-field">
        <label className="ui-field__label" htmlFor={inputId}>
          {texts.label}
        </label>
        <div className={classNames.row}>
          <input
            id={inputId}
            name="secret"
            className={`ui-field__input ${classNames.value}`}
            readOnly
            value={secret}
            onFocus={(e) => e.currentTarget.select()}
          />
          <Button variant="secondary" onClick={() => void onCopy()} data-testid={copyTestId}>
            {copy === 'copied' ? texts.copied : texts.copy}
          </Button>
        </div>
        <p aria-live="polite" className={classNames.muted}>
          {copy === 'failed' ? texts.copyFailed : ''}
        </p>
      </div>
      <Button onClick={onDone} data-testid={`${testId}-done`}>
        {texts.done}
      </Button>
    </section>
  );
}
