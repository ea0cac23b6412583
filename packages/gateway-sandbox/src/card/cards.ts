/** What the sandbox acquirer does with a card. */
export type CardScenario = 'success' | 'challenge' | 'card_declined' | 'insufficient_funds' | 'expired_card';

export interface TestCard {
  number: string;
  scenario: CardScenario;
  description: string;
}

/**
 * Documented test cards (UnionPay: prefix 62/81, valid Luhn). Any other valid UnionPay number
 * behaves like the first one (success without a challenge).
 */
export const TEST_CARDS: readonly TestCard[] = [
  { number: '6200000000000005', scenario: 'success', description: 'Succeeds without a challenge' },
  {
    number: '6200000000000013',
    scenario: 'challenge',
    description: 'Requires the UnionPay SMS one-time code, then succeeds',
  },
  { number: '6200000000000021', scenario: 'card_declined', description: 'Declined: card_declined' },
  { number: '6200000000000039', scenario: 'insufficient_funds', description: 'Declined: insufficient_funds' },
  { number: '6200000000000047', scenario: 'expired_card', description: 'Declined: expired_card' },
  {
    number: '6205500000000000004',
    scenario: 'success',
    description: '19 digits: succeeds without a challenge',
  },
  { number: '8171999927660000', scenario: 'success', description: 'Prefix 81: succeeds without a challenge' },
];

/** Phone number the sandbox "sends" one-time codes to, and how it is shown masked. */
export const TEST_PHONE = '+86 138 0013 8000';
export const TEST_PHONE_HINT = '+86 ••• •••• 8000';

export const FAILURE_MESSAGES: Record<string, string> = {
  card_declined: 'Your card was declined.',
  insufficient_funds: 'Your card has insufficient funds.',
  expired_card: 'Your card has expired.',
  authentication_failed: 'The verification code was entered incorrectly too many times.',
  challenge_expired: 'The verification code expired before it was entered.',
};

export function scenarioFor(number: string): CardScenario {
  return TEST_CARDS.find((c) => c.number === number)?.scenario ?? 'success';
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export type CardFieldError =
  | 'number_required'
  | 'invalid_prefix'
  | 'invalid_length'
  | 'invalid_number'
  | 'expiry_required'
  | 'invalid_expiry'
  | 'expiry_past'
  | 'invalid_cvc';

export interface CardInput {
  number: string;
  expMonth: number;
  expYear: number;
  cvc: string;
}

/** Same rules as the hosted field: prefix 62/81, 16–19 digits, Luhn, expiry not past, 3-digit CVC. */
export function validateCard(input: CardInput, now: Date): { param: string; code: CardFieldError } | null {
  const number = input.number.replace(/[\s-]/g, '');
  if (number.length === 0) return { param: 'number', code: 'number_required' };
  if (!/^[0-9]+$/.test(number)) return { param: 'number', code: 'invalid_number' };
  if (!/^(62|81)/.test(number)) return { param: 'number', code: 'invalid_prefix' };
  if (number.length < 16 || number.length > 19) return { param: 'number', code: 'invalid_length' };
  if (!luhnValid(number)) return { param: 'number', code: 'invalid_number' };
  const { expMonth, expYear } = input;
  if (!Number.isInteger(expMonth) || expMonth < 1 || expMonth > 12)
    return { param: 'exp_month', code: 'invalid_expiry' };
  if (!Number.isInteger(expYear) || expYear < 2000 || expYear > 2099)
    return { param: 'exp_year', code: 'invalid_expiry' };
  // A card is valid through the last day of its expiry month.
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth() + 1;
  if (expYear < year || (expYear === year && expMonth < month))
    return { param: 'exp_year', code: 'expiry_past' };
  if (!/^[0-9]{3}$/.test(input.cvc)) return { param: 'cvc', code: 'invalid_cvc' };
  return null;
}

export const FIELD_ERROR_MESSAGES: Record<CardFieldError, string> = {
  number_required: 'Enter a card number.',
  invalid_prefix: 'UnionPay card numbers start with 62 or 81.',
  invalid_length: 'A card number has 16 to 19 digits.',
  invalid_number: 'This card number is not valid.',
  expiry_required: 'Enter the expiry date.',
  invalid_expiry: 'Enter the expiry date as MM/YY.',
  expiry_past: 'This card has expired.',
  invalid_cvc: 'Enter the 3-digit security code (CVC).',
};
