/** The server's or the client's message under a field; `id` is what the input's aria-describedby names. */
export function FieldError({ id, text }: { id: string; text: string | null }) {
  if (!text) return null;
  return (
    <p className="promotions-field-error" id={id}>
      {text}
    </p>
  );
}

/** aria props of an input with (or without) an error. */
export function invalidProps(id: string, hasError: boolean) {
  return hasError ? { 'aria-invalid': true as const, 'aria-describedby': id } : {};
}
