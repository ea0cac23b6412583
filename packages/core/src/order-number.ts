/**
 * Human-readable order numbers: `MP-YYYYMMDD-NNNNNNN`, the UTC date of submission and a
 * database sequence (unique across days, so the number stays unique whatever the date part).
 */
export function formatOrderNumber(at: Date, sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError(`bad order sequence ${sequence}`);
  const y = String(at.getUTCFullYear()).padStart(4, '0');
  const m = String(at.getUTCMonth() + 1).padStart(2, '0');
  const d = String(at.getUTCDate()).padStart(2, '0');
  return `MP-${y}${m}${d}-${String(sequence).padStart(7, '0')}`;
}

const ORDER_NUMBER = /^MP-\d{8}-\d{7,15}$/;

export function isOrderNumber(value: unknown): value is string {
  return typeof value === 'string' && ORDER_NUMBER.test(value);
}
