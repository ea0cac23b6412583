import type { ContactRequestStatus, ContactTopic, SortDirection } from '../../../gql/graphql';

export const CONTACT_STATUSES = ['OPEN', 'CLOSED'] as const satisfies readonly ContactRequestStatus[];
export const CONTACT_TOPICS = ['ORDER', 'PAYMENT', 'OTHER'] as const satisfies readonly ContactTopic[];
export const MAX_NOTE = 2000;

/** What the contact-requests page keeps in the URL: filters, sort, page cursor and the open request. */
export interface ContactRequestsView {
  /** Defaults to OPEN: the work queue. `all` in the URL shows every status. */
  status: ContactRequestStatus | null;
  topic: ContactTopic | null;
  query: string;
  direction: SortDirection;
  after: string | null;
  /** ID of the request shown in the detail panel. */
  selected: string | null;
}

const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | null =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;

export function parseContactRequestsView(params: URLSearchParams): ContactRequestsView {
  const status = params.get('status');
  return {
    status: status === 'all' ? null : (pick(status, CONTACT_STATUSES) ?? 'OPEN'),
    topic: pick(params.get('topic'), CONTACT_TOPICS),
    query: params.get('q')?.trim() ?? '',
    direction: params.get('dir') === 'ASC' ? 'ASC' : 'DESC',
    after: params.get('after') || null,
    selected: params.get('id') || null,
  };
}

/** URL parameters of a view (defaults left out). */
export function contactRequestsViewParams(view: ContactRequestsView): URLSearchParams {
  const out = new URLSearchParams();
  if (view.status !== 'OPEN') out.set('status', view.status ?? 'all');
  if (view.topic) out.set('topic', view.topic);
  if (view.query.trim()) out.set('q', view.query.trim());
  if (view.direction !== 'DESC') out.set('dir', view.direction);
  if (view.after) out.set('after', view.after);
  if (view.selected) out.set('id', view.selected);
  return out;
}

/** The API filter of a view. */
export function contactFilterOf(view: ContactRequestsView) {
  return { status: view.status, topic: view.topic, query: view.query || null };
}

/** Client-side check mirroring the server's: the note is optional and at most 2000 characters. */
export function noteError(note: string): 'INVALID_NOTE' | null {
  return note.trim().length > MAX_NOTE ? 'INVALID_NOTE' : null;
}

/** A `mailto:` link answering a request, with its reference in the subject. */
export function replyHref(request: { email: string; reference: string }): string {
  return `mailto:${encodeURIComponent(request.email).replace(/%40/g, '@')}?subject=${encodeURIComponent(`Re: ${request.reference}`)}`;
}
