/** Formats an API Money (decimal string + currency) in the UI language; never through floating point maths. */
export function formatMoney(m: { amount: string; currencyCode: string }, language: string): string {
  try {
    return new Intl.NumberFormat(language, { style: 'currency', currency: m.currencyCode }).format(
      // Intl formats a decimal string exactly (no float rounding of the value shown).
      m.amount as unknown as number,
    );
  } catch {
    return `${m.amount} ${m.currencyCode}`;
  }
}

/** A decimal amount as the API accepts it ("12.50"): digits with at most two decimals, above zero. */
export function isAmount(text: string): boolean {
  return /^\d{1,9}(\.\d{1,2})?$/.test(text.trim()) && Number(text.trim()) > 0;
}

/** Non-empty trimmed lines of a textarea. */
export function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}
