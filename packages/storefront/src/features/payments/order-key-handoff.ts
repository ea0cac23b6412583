/**
 * Order keys of consulting services are shown once: the API returns them only in the answer of
 * the call that paid. When that call happens on another page (PayPal's return URL), the keys are
 * handed to the confirmation page through memory only — never storage or the URL — and taken
 * out on first read, so a reload shows the "sent by email" note instead.
 */
export type IssuedOrderKey = { readonly orderNumber: string; readonly key: string };

const pending = new Map<string, readonly IssuedOrderKey[]>();

export function handOffOrderKeys(checkoutId: string, keys: readonly IssuedOrderKey[]): void {
  if (keys.length > 0)
    pending.set(
      checkoutId,
      keys.map(({ orderNumber, key }) => ({ orderNumber, key })),
    );
}

/** The keys handed off for this checkout (once), or an empty list. */
export function takeOrderKeys(checkoutId: string): readonly IssuedOrderKey[] {
  const keys = pending.get(checkoutId) ?? [];
  pending.delete(checkoutId);
  return keys;
}
