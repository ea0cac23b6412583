import { type ComponentProps, useId } from 'react';
import './ui.css';

type TextFieldProps = Omit<ComponentProps<'input'>, 'id'> & { label: string };

/** A labelled text input; the label is always visible (placeholders are not labels). */
export function TextField({ label, className, ...props }: TextFieldProps) {
  const id = useId();
  return (
    <div className={['ui-field', className].filter(Boolean).join(' ')}>
      <label className="ui-field__label" htmlFor={id}>
        {label}
      </label>
      <input {...props} id={id} className="ui-field__input" />
    </div>
  );
}
