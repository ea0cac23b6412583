import { isStaffRole } from '@marketplace/core';
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { LocaleCode, localized } from '../../graphql/locale.type.js';
import { User } from '../accounts/accounts.types.js';
import { viewStanding } from './capabilities.service.js';
import { AccountStanding } from './capabilities.types.js';

@Resolver(() => User)
export class CapabilitiesResolver {
  @FieldResolver(() => AccountStanding, {
    nullable: true,
    description:
      'The account’s standing: its sanctions (with reason and end date), the actions refused now and open warnings. Shown to the account itself and to platform staff; null for anyone else.',
  })
  async standing(
    @Root() u: User,
    @Ctx() ctx: Context,
    @Arg('locale', () => LocaleCode, { nullable: true, description: 'Language of warning rule titles.' })
    locale: LocaleCode | null,
  ): Promise<AccountStanding | null> {
    const viewer = ctx.viewer;
    if (!viewer) return null;
    const platformStaff = isStaffRole(viewer.role) && viewer.role !== 'MERCHANT_STAFF';
    if (u.row.id !== viewer.userId && !platformStaff) return null;
    const merchantId = u.row.id === viewer.userId ? viewer.merchantId : (u.row.merchant?.id ?? null);
    const view = await viewStanding(ctx.em, { userId: u.row.id, merchantId });
    const lang = locale ?? ctx.locale;
    return Object.assign(new AccountStanding(), {
      accountStatus: view.standing.account,
      storeStatus: view.standing.store,
      restricted: view.restrictions.length > 0,
      sanctions: view.sanctions,
      restrictions: view.restrictions,
      warnings: view.warnings.map((w) => ({
        rule: localized(w.ruleEn, w.ruleZh, lang),
        correctionDueAt: w.correctionDueAt,
        correctionRequested: w.correctionRequested,
      })),
    });
  }
}
