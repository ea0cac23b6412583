import { characterCount } from './account-rules.js';
import { err, ok, type Result } from './result.js';

/** Limits of a shipment's carrier and tracking number, shared by the API (authoritative) and the UIs. */
export const SHIPMENT_LIMITS = { carrierMax: 60, trackingMin: 3, trackingMax: 60 } as const;

export type ShipmentDraft = { readonly carrier: string; readonly trackingNumber: string };
export type ValidShipment = { readonly carrier: string; readonly trackingNumber: string };

export type ShipmentFieldError = {
  readonly field: 'carrier' | 'trackingNumber';
  readonly code: 'INVALID_CARRIER' | 'INVALID_TRACKING_NUMBER';
  readonly message: string;
};

// biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;
const TRACKING = /^[A-Za-z0-9-]+$/;

/**
 * Trims both fields and checks them together (a form shows every problem at once): the carrier is
 * 1–60 characters of any script (黑貓宅急便, DHL Express), the tracking number 3–60 ASCII letters,
 * digits or hyphens, stored upper-cased as carriers print them.
 */
export function checkShipment(draft: ShipmentDraft): Result<ValidShipment, ShipmentFieldError[]> {
  const errors: ShipmentFieldError[] = [];
  const carrier = draft.carrier.trim().replace(/\s+/g, ' ');
  if (carrier === '' || characterCount(carrier) > SHIPMENT_LIMITS.carrierMax || CONTROL.test(carrier)) {
    errors.push({
      field: 'carrier',
      code: 'INVALID_CARRIER',
      message: `Enter the carrier (at most ${SHIPMENT_LIMITS.carrierMax} characters).`,
    });
  }
  const trackingNumber = draft.trackingNumber.trim().toUpperCase();
  if (
    trackingNumber.length < SHIPMENT_LIMITS.trackingMin ||
    trackingNumber.length > SHIPMENT_LIMITS.trackingMax ||
    !TRACKING.test(trackingNumber)
  ) {
    errors.push({
      field: 'trackingNumber',
      code: 'INVALID_TRACKING_NUMBER',
      message: `Enter the tracking number: ${SHIPMENT_LIMITS.trackingMin}–${SHIPMENT_LIMITS.trackingMax} letters, digits or hyphens.`,
    });
  }
  return errors.length > 0 ? err(errors) : ok({ carrier, trackingNumber });
}
