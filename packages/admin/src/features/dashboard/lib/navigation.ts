import { paths } from '../../../app/paths';
import type { UserRole } from '../../../gql/graphql';

/** Areas of the management center, in navigation order. */
export const SECTIONS = [
  'dashboard',
  'products',
  'orders',
  'reviews',
  'coupons',
  'funds',
  'messages',
  'team',
  'apiKeys',
  'webhooks',
  'contactRequests',
  'users',
  'merchants',
  'penalties',
  'helpCenter',
  'settlements',
  'auditLog',
  'mailbox',
] as const;

export type Section = (typeof SECTIONS)[number];

/** The `handle` of a route that shows one section. */
export interface SectionRouteHandle {
  section: Section;
}

export function isSectionRouteHandle(handle: unknown): handle is SectionRouteHandle {
  return (
    typeof handle === 'object' &&
    handle !== null &&
    (SECTIONS as readonly unknown[]).includes((handle as { section?: unknown }).section)
  );
}

export interface NavItem {
  section: Section;
  href: string;
}

const MERCHANT_STAFF: readonly Section[] = [
  'dashboard',
  'products',
  'orders',
  'reviews',
  'coupons',
  'funds',
  'messages',
  'team',
  'apiKeys',
  'webhooks',
];
/** Admins manage every account on the users page; `team` is a store's own view of its staff. */
const ADMIN: readonly Section[] = SECTIONS.filter((section) => section !== 'team');
const CUSTOMER_SERVICE: readonly Section[] = ['dashboard', 'orders', 'messages', 'contactRequests'];

export function sectionHref(section: Section): string {
  return section === 'dashboard' ? paths.home.getHref() : paths[section].getHref();
}

/**
 * The areas a role works in (DESIGN.md, "Who uses it"). This only decides what the navigation shows;
 * the API authorizes every operation on its own.
 */
export function sectionsForRole(role: UserRole): readonly Section[] {
  switch (role) {
    case 'MERCHANT_STAFF':
      return MERCHANT_STAFF;
    case 'CUSTOMER_SERVICE':
      return CUSTOMER_SERVICE;
    case 'ADMIN':
      return ADMIN;
    case 'SHOPPER':
      return [];
    default:
      role satisfies never;
      return [];
  }
}

/** The side navigation of a role, in display order. */
export function navigationForRole(role: UserRole): NavItem[] {
  return sectionsForRole(role).map((section) => ({ section, href: sectionHref(section) }));
}

export function canOpenSection(role: UserRole, section: Section): boolean {
  return sectionsForRole(role).includes(section);
}
