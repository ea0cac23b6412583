import {
  CAPABILITY_ACTIONS,
  type CapabilityAction as CoreAction,
  type RestrictionKind as CoreKind,
  type RestrictionSubject as CoreSubject,
} from '@marketplace/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { AccountStatus } from '../platform-admin/staff-accounts.types.js';
import { MerchantStatus } from '../platform-admin/merchants-admin.types.js';

/** GraphQL enum names cannot contain '.', so `listing.edit` is LISTING_EDIT on the wire. */
export const CapabilityAction = Object.fromEntries(
  CAPABILITY_ACTIONS.map((a) => [a.replace('.', '_').toUpperCase(), a]),
) as Record<string, CoreAction>;

const ACTION_DESCRIPTIONS: Record<CoreAction, string> = {
  login: 'Sign in and keep a session.',
  'api.use': 'Call the API with a session or bearer token.',
  'account.manage': 'Change the account’s own settings: profile, password, addresses, language.',
  purchase: 'Use the cart, check out, pay, cancel or confirm one’s own orders.',
  'order.process': 'Process the store’s orders: ship, deliver reports, approve or decline cancellations.',
  'listing.edit': 'Create, change or delete listings.',
  'listing.publish': 'Publish or unpublish listings.',
  'coupon.manage': 'Create, change or cancel coupons and activities.',
  'store.profile': 'Change the store’s public profile.',
  'team.manage': 'Manage the store’s team.',
  'funds.settle': 'Ask for settlement or payout of the store’s funds.',
  'review.write': 'Write a review of a completed order.',
  'review.reply': 'Reply publicly to a review.',
  'conversation.start': 'Start a new in-site conversation.',
  'conversation.reply': 'Reply within an existing in-site conversation.',
  'support.contact': 'Send the contact form to customer service.',
  'violation.respond': 'Tell the platform a warning was corrected.',
  'platform.operate': 'Platform operations (customer service and admins).',
};

registerEnumType(CapabilityAction, {
  name: 'CapabilityAction',
  description: 'An action the platform allows or refuses according to the account’s standing (penalties).',
  valuesConfig: Object.fromEntries(
    CAPABILITY_ACTIONS.map((a) => [
      a.replace('.', '_').toUpperCase(),
      { description: ACTION_DESCRIPTIONS[a] },
    ]),
  ),
});

export const RestrictionKind = {
  GENERAL_FREEZE: 'GENERAL_FREEZE',
  SAFE_FREEZE: 'SAFE_FREEZE',
  DISABLED: 'DISABLED',
  DELETION: 'DELETION',
} as const satisfies Record<CoreKind, CoreKind>;
registerEnumType(RestrictionKind, {
  name: 'RestrictionKind',
  description: 'The sanction behind a restricted standing.',
  valuesConfig: {
    GENERAL_FREEZE: {
      description:
        'General freeze: browse, buy and process orders, reply to messages; no posting or listing changes.',
    },
    SAFE_FREEZE: {
      description: 'Safe freeze of a store: read-only management center; every change refused.',
    },
    DISABLED: { description: 'Disabled by the platform: read-only (a store) or no sign-in (an account).' },
    DELETION: { description: 'Deleted: permanently frozen.' },
  },
});

export const RestrictionSubject = { ACCOUNT: 'ACCOUNT', STORE: 'STORE' } as const satisfies Record<
  CoreSubject,
  CoreSubject
>;
registerEnumType(RestrictionSubject, {
  name: 'RestrictionSubject',
  description: 'Whose status restricts: the account’s own or its store’s.',
  valuesConfig: {
    ACCOUNT: { description: 'The account itself.' },
    STORE: { description: 'The store the account works for (merchant staff).' },
  },
});

@ObjectType('StandingSanction', { description: 'A sanction in force on the account or its store.' })
export class StandingSanction {
  @Field(() => RestrictionSubject, { description: 'Whether it is on the account or on its store.' })
  subject!: CoreSubject;

  @Field(() => RestrictionKind, { description: 'What kind of sanction.' })
  kind!: CoreKind;

  @Field(() => String, {
    nullable: true,
    description: 'Why, as recorded by the platform staff (null when no sanction record exists).',
  })
  reason!: string | null;

  @Field(() => Date, { nullable: true, description: 'When it started (null when unknown).' })
  startsAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When it ends by itself; null = until lifted by the platform.',
  })
  endsAt!: Date | null;
}

@ObjectType('StandingWarning', {
  description: 'An open warning (a violation to be corrected within 3 days).',
})
export class StandingWarning {
  @Field({ description: 'The rule that was violated, in the requested language.' })
  rule!: string;

  @Field(() => Date, { description: 'The correction deadline (3 days after the warning).' })
  correctionDueAt!: Date;

  @Field({
    description: 'Whether the account already told the platform it was corrected (awaiting confirmation).',
  })
  correctionRequested!: boolean;
}

@ObjectType('AccountStanding', {
  description:
    'What the account may do now given its sanctions (and, for merchant staff, its store’s): shown as a banner.',
})
export class AccountStanding {
  @Field(() => AccountStatus, { description: 'The account’s own status.' })
  accountStatus!: string;

  @Field(() => MerchantStatus, { nullable: true, description: 'The store’s status (merchant staff only).' })
  storeStatus!: string | null;

  @Field({ description: 'Whether any action is refused (show the banner).' })
  restricted!: boolean;

  @Field(() => [StandingSanction], { description: 'The sanctions in force, the strongest first.' })
  sanctions!: StandingSanction[];

  @Field(() => [CapabilityAction], { description: 'The actions refused now.' })
  restrictions!: CoreAction[];

  @Field(() => [StandingWarning], { description: 'Open warnings that must be corrected by their deadline.' })
  warnings!: StandingWarning[];
}
