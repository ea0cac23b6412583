import { debugId } from '../util/ids.js';

/** One entry of PayPal's `details` array. */
export interface PayPalIssue {
  field?: string;
  value?: string;
  location?: 'body' | 'path' | 'query' | 'header';
  issue: string;
  description: string;
}

const MESSAGES: Record<string, string> = {
  INVALID_REQUEST: 'Request is not well-formed, syntactically incorrect, or violates schema.',
  UNPROCESSABLE_ENTITY:
    'The requested action could not be performed, semantically incorrect, or failed business validation.',
  RESOURCE_NOT_FOUND: 'The specified resource does not exist.',
  AUTHENTICATION_FAILURE:
    'Authentication failed due to invalid authentication credentials or a missing Authorization header.',
  NOT_AUTHORIZED: 'Authorization failed due to insufficient permissions.',
  UNSUPPORTED_MEDIA_TYPE: 'The server does not support the request payload media type.',
  INTERNAL_SERVER_ERROR: 'An internal server error has occurred.',
};

const STATUS: Record<string, number> = {
  INVALID_REQUEST: 400,
  AUTHENTICATION_FAILURE: 401,
  NOT_AUTHORIZED: 403,
  RESOURCE_NOT_FOUND: 404,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE_ENTITY: 422,
  INTERNAL_SERVER_ERROR: 500,
};

/** An error answered in PayPal's format: `{ name, message, debug_id, details, links }`. */
export class PayPalError extends Error {
  readonly status: number;
  constructor(
    readonly errorName: keyof typeof STATUS | string,
    readonly details: PayPalIssue[] = [],
    message?: string,
  ) {
    super(message ?? MESSAGES[errorName] ?? errorName);
    this.status = STATUS[errorName] ?? 400;
  }

  toBody(id = debugId()): PayPalErrorBody {
    const body: PayPalErrorBody = { name: this.errorName, message: this.message, debug_id: id };
    if (this.details.length > 0) body.details = this.details;
    const issue = this.details[0]?.issue;
    body.links = [
      {
        href: `https://developer.paypal.com/docs/api/orders/v2/#error-${issue ?? this.errorName}`,
        rel: 'information_link',
        method: 'GET',
      },
    ];
    return body;
  }
}

export interface PayPalErrorBody {
  name: string;
  message: string;
  debug_id: string;
  details?: PayPalIssue[];
  links?: { href: string; rel: string; method: string }[];
}

export const invalidRequest = (...details: PayPalIssue[]) => new PayPalError('INVALID_REQUEST', details);
export const unprocessable = (...details: PayPalIssue[]) => new PayPalError('UNPROCESSABLE_ENTITY', details);

export function notFound(field: string, value: string): PayPalError {
  return new PayPalError('RESOURCE_NOT_FOUND', [
    {
      field,
      value,
      location: 'path',
      issue: 'INVALID_RESOURCE_ID',
      description: 'Specified resource ID does not exist. Please check the resource ID and try again.',
    },
  ]);
}
