import { describe, expect, it } from 'vitest';
import type {
  AddOrderNoteErrorCode,
  ApproveCancellationRequestErrorCode,
  CloseOrderErrorCode,
  DeclineCancellationRequestErrorCode,
  DeliverConsultationReportErrorCode,
  ShipOrdersErrorCode,
} from '../../../gql/graphql';
import { ORDER_ERROR_CODES, ordersErrorKey } from './error-codes';

type AnyCode =
  | AddOrderNoteErrorCode
  | ApproveCancellationRequestErrorCode
  | CloseOrderErrorCode
  | DeclineCancellationRequestErrorCode
  | DeliverConsultationReportErrorCode
  | ShipOrdersErrorCode;

// Compile-time: every code the API can answer has its own message key (a new API code fails tsc here).
type Missing = Exclude<AnyCode, (typeof ORDER_ERROR_CODES)[number]>;
const noneMissing: [Missing] extends [never] ? true : Missing = true;

describe('order error codes', () => {
  it('maps known codes to their own message and unknown codes to the generic one', () => {
    expect(noneMissing).toBe(true);
    for (const code of ORDER_ERROR_CODES) expect(ordersErrorKey(code)).toBe(code);
    expect(ordersErrorKey('SOMETHING_NEW')).toBe('unknown');
  });
});
