import { describe, expect, it } from 'vitest';
import type { UserRole } from '../../../gql/graphql';
import { canOpenSection, navigationForRole, SECTIONS } from './navigation';

const sectionsOf = (role: UserRole) => navigationForRole(role).map((item) => item.section);

describe('navigationForRole', () => {
  it.each<[UserRole, string[]]>([
    [
      'MERCHANT_STAFF',
      [
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
      ],
    ],
    ['CUSTOMER_SERVICE', ['dashboard', 'orders', 'messages', 'contactRequests']],
    [
      'ADMIN',
      [
        'dashboard',
        'products',
        'orders',
        'reviews',
        'coupons',
        'funds',
        'messages',
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
      ],
    ],
    ['SHOPPER', []],
  ])('%s sees %j', (role, expected) => {
    expect(sectionsOf(role)).toEqual(expected);
  });

  it('gives admins every section but the store team (they have the users page)', () => {
    expect(sectionsOf('ADMIN')).toEqual(SECTIONS.filter((s) => s !== 'team'));
    expect(canOpenSection('CUSTOMER_SERVICE', 'team')).toBe(false);
  });

  it('keeps platform areas away from merchant staff and customer service', () => {
    for (const role of ['MERCHANT_STAFF', 'CUSTOMER_SERVICE'] as const) {
      for (const section of [
        'users',
        'merchants',
        'penalties',
        'settlements',
        'auditLog',
        'mailbox',
      ] as const) {
        expect(canOpenSection(role, section), `${role} ${section}`).toBe(false);
      }
    }
  });

  it('links each item to its own page, the dashboard to the home page', () => {
    const hrefs = navigationForRole('ADMIN').map((item) => item.href);
    expect(hrefs[0]).toBe('/');
    expect(new Set(hrefs).size).toBe(hrefs.length);
    expect(navigationForRole('CUSTOMER_SERVICE')).toContainEqual({
      section: 'contactRequests',
      href: '/contact-requests',
    });
  });
});
