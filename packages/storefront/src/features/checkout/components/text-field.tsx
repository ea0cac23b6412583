import { type InputHTMLAttributes, useId } from 'react';

type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  hint?: string;
  /** Shown under the field and tied to it for assistive technology. */
  error?: string | null;
  multiline?: boolean;
};

/** A labelled input (or textarea) with an optional hint and the server's reason next to it. */
export function TextField({ label, hint, error, multiline, className, ...input }: TextFieldProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  const common = {
    id,
    className: 'field__input',
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy || undefined,
  } as const;
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {multiline ? (
        <textarea
          {...common}
          name={input.name}
          value={input.value}
          maxLength={input.maxLength}
          rows={3}
          onChange={(e) => input.onChange?.(e as never)}
        />
      ) : (
        <input type="text" {...input} {...common} />
      )}
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}
