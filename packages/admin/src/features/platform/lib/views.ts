import type {
  AccountStatus,
  HelpTopic,
  MerchantStatus,
  StaffHelpArticleSortField,
  StaffMerchantSortField,
  StaffUserSortField,
  UserRole,
} from '../../../gql/graphql';

/** The users table's view, kept in the URL search params (filters, sort, page cursor). */
export interface UsersView {
  query: string;
  role: UserRole | null;
  status: AccountStatus | null;
  merchantId: string | null;
  sortField: StaffUserSortField;
  sortDirection: 'ASC' | 'DESC';
  after: string | null;
}

const ROLES: readonly UserRole[] = ['SHOPPER', 'MERCHANT_STAFF', 'CUSTOMER_SERVICE', 'ADMIN'];
const ACCOUNT_STATUSES: readonly AccountStatus[] = ['ACTIVE', 'DISABLED'];
const USER_SORTS: readonly StaffUserSortField[] = ['CREATED_AT', 'EMAIL', 'DISPLAY_NAME'];
const MERCHANT_STATUSES: readonly MerchantStatus[] = [
  'ACTIVE',
  'GENERAL_FROZEN',
  'SAFE_FROZEN',
  'DISABLED',
  'DELETED',
];
const MERCHANT_SORTS: readonly StaffMerchantSortField[] = ['CREATED_AT', 'HANDLE', 'NAME'];

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | null =>
  value !== null && (list as readonly string[]).includes(value) ? (value as T) : null;
const direction = (value: string | null): 'ASC' | 'DESC' => (value === 'ASC' ? 'ASC' : 'DESC');

export function parseUsersView(params: URLSearchParams): UsersView {
  return {
    query: params.get('q') ?? '',
    role: oneOf(ROLES, params.get('role')),
    status: oneOf(ACCOUNT_STATUSES, params.get('status')),
    merchantId: params.get('merchant') || null,
    sortField: oneOf(USER_SORTS, params.get('sort')) ?? 'CREATED_AT',
    sortDirection: direction(params.get('dir')),
    after: params.get('after') || null,
  };
}

export function usersViewParams(view: UsersView): URLSearchParams {
  const p = new URLSearchParams();
  if (view.query.trim()) p.set('q', view.query.trim());
  if (view.role) p.set('role', view.role);
  if (view.status) p.set('status', view.status);
  if (view.merchantId) p.set('merchant', view.merchantId);
  if (view.sortField !== 'CREATED_AT') p.set('sort', view.sortField);
  if (view.sortDirection !== 'DESC') p.set('dir', view.sortDirection);
  if (view.after) p.set('after', view.after);
  return p;
}

/** The merchants table's view, kept in the URL. */
export interface MerchantsView {
  query: string;
  status: MerchantStatus | null;
  sortField: StaffMerchantSortField;
  sortDirection: 'ASC' | 'DESC';
  after: string | null;
}

export function parseMerchantsView(params: URLSearchParams): MerchantsView {
  return {
    query: params.get('q') ?? '',
    status: oneOf(MERCHANT_STATUSES, params.get('status')),
    sortField: oneOf(MERCHANT_SORTS, params.get('sort')) ?? 'CREATED_AT',
    sortDirection: direction(params.get('dir')),
    after: params.get('after') || null,
  };
}

export function merchantsViewParams(view: MerchantsView): URLSearchParams {
  const p = new URLSearchParams();
  if (view.query.trim()) p.set('q', view.query.trim());
  if (view.status) p.set('status', view.status);
  if (view.sortField !== 'CREATED_AT') p.set('sort', view.sortField);
  if (view.sortDirection !== 'DESC') p.set('dir', view.sortDirection);
  if (view.after) p.set('after', view.after);
  return p;
}

/** The team page's view (merchant staff: their store's accounts), kept in the URL. */
export interface TeamView {
  query: string;
  status: AccountStatus | null;
  sortField: StaffUserSortField;
  sortDirection: 'ASC' | 'DESC';
  after: string | null;
}

/** The team lists its members oldest first (the owner on top) unless sorted otherwise. */
export function parseTeamView(params: URLSearchParams): TeamView {
  return {
    query: params.get('q') ?? '',
    status: oneOf(ACCOUNT_STATUSES, params.get('status')),
    sortField: oneOf(USER_SORTS, params.get('sort')) ?? 'CREATED_AT',
    sortDirection: params.get('dir') === 'DESC' ? 'DESC' : 'ASC',
    after: params.get('after') || null,
  };
}

export function teamViewParams(view: TeamView): URLSearchParams {
  const p = new URLSearchParams();
  if (view.query.trim()) p.set('q', view.query.trim());
  if (view.status) p.set('status', view.status);
  if (view.sortField !== 'CREATED_AT') p.set('sort', view.sortField);
  if (view.sortDirection !== 'ASC') p.set('dir', view.sortDirection);
  if (view.after) p.set('after', view.after);
  return p;
}

/** The help-center list's view, kept in the URL beside the open article (`article`). */
export interface HelpView {
  query: string;
  published: boolean | null;
  topic: HelpTopic | null;
  sortField: StaffHelpArticleSortField;
  sortDirection: 'ASC' | 'DESC';
  after: string | null;
}

const HELP_TOPICS: readonly HelpTopic[] = ['SHOPPING', 'ORDERS', 'PAYMENT', 'RULES'];
export const HELP_SORTS: readonly StaffHelpArticleSortField[] = [
  'POSITION',
  'UPDATED_AT',
  'TITLE_EN',
  'TITLE_ZH',
];

/** Default: the storefront's order (position, ascending). */
export function parseHelpView(params: URLSearchParams): HelpView {
  const published = params.get('published');
  return {
    query: params.get('q') ?? '',
    published: published === 'true' ? true : published === 'false' ? false : null,
    topic: oneOf(HELP_TOPICS, params.get('topic')),
    sortField: oneOf(HELP_SORTS, params.get('sort')) ?? 'POSITION',
    sortDirection: params.get('dir') === 'DESC' ? 'DESC' : 'ASC',
    after: params.get('after') || null,
  };
}

/** The view's parameters, keeping the open article (`article`) of `base` if any. */
export function helpViewParams(view: HelpView, base?: URLSearchParams): URLSearchParams {
  const p = new URLSearchParams();
  const article = base?.get('article');
  if (article) p.set('article', article);
  if (view.query.trim()) p.set('q', view.query.trim());
  if (view.published !== null) p.set('published', String(view.published));
  if (view.topic) p.set('topic', view.topic);
  if (view.sortField !== 'POSITION') p.set('sort', view.sortField);
  if (view.sortDirection !== 'ASC') p.set('dir', view.sortDirection);
  if (view.after) p.set('after', view.after);
  return p;
}

export { MERCHANT_STATUSES };
