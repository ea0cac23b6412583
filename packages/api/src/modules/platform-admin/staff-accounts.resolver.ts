import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { mapConnection } from '../../graphql/relay.js';
import { User } from '../accounts/accounts.types.js';
import { Merchant } from '../catalog/catalog.types.js';
import { NO_PASSWORD_YET } from './staff-accounts.service.js';
import {
  AcceptInvitationPayload,
  AccountStatus,
  AccountStatusPayload,
  CreateStaffAccountInput,
  CreateStaffAccountPayload,
  InviteMerchantStaffInput,
  InviteMerchantStaffPayload,
  MerchantRole,
  ResendInvitationPayload,
  StaffUsersFilter,
  StaffUsersSort,
  UserConnection,
} from './staff-accounts.types.js';

@ArgsType()
class StaffUsersArgs {
  @Field(() => Int, { defaultValue: 20, description: 'Page size (at most 100).' })
  first!: number;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the previous page.' })
  after?: string | null;

  @Field(() => StaffUsersFilter, { nullable: true, description: 'What to show.' })
  filter?: StaffUsersFilter | null;

  @Field(() => StaffUsersSort, { nullable: true, description: 'Default: newest first.' })
  sort?: StaffUsersSort | null;
}

const userOrNull = (row: Parameters<typeof User.from>[0] | null) => (row ? User.from(row) : null);

@Resolver(() => User)
export class StaffAccountsResolver {
  @Query(() => UserConnection, {
    description:
      'Accounts for the users page: admins see every account; merchant staff see their own store’s team (filters on role and store are ignored). Others: FORBIDDEN.',
  })
  async staffUsers(@Args() args: StaffUsersArgs, @Ctx() ctx: Context) {
    return mapConnection(await ctx.services.staffAccounts.listStaffUsers(args), User.from);
  }

  @Mutation(() => CreateStaffAccountPayload, {
    description:
      'Creates a platform or merchant staff account (admins only); it gets an invitation email with a link to set its password.',
  })
  async createStaffAccount(
    @Arg('input', () => CreateStaffAccountInput, {
      description: 'The request; each field is described on CreateStaffAccountInput.',
    })
    input: CreateStaffAccountInput,
    @Ctx() ctx: Context,
  ): Promise<CreateStaffAccountPayload> {
    const r = await ctx.services.staffAccounts.createStaffAccount(input);
    return Object.assign(new CreateStaffAccountPayload(), {
      user: userOrNull(r.user),
      userErrors: r.userErrors,
    });
  }

  @Mutation(() => InviteMerchantStaffPayload, {
    description:
      'Invites a team member to the viewer’s store (its owner only; other merchant staff get FORBIDDEN). The account gets an invitation email.',
  })
  async inviteMerchantStaff(
    @Arg('input', () => InviteMerchantStaffInput, {
      description: 'The request; each field is described on InviteMerchantStaffInput.',
    })
    input: InviteMerchantStaffInput,
    @Ctx() ctx: Context,
  ): Promise<InviteMerchantStaffPayload> {
    const r = await ctx.services.staffAccounts.inviteMerchantStaff(input);
    return Object.assign(new InviteMerchantStaffPayload(), {
      user: userOrNull(r.user),
      userErrors: r.userErrors,
    });
  }

  @Mutation(() => AccountStatusPayload, {
    description:
      'Disables an account and ends all its sessions: admins any account but their own (never the last active admin); a store’s owner the other staff of the store.',
  })
  async disableAccount(
    @Arg('userId', () => ID, { description: 'The account.' }) userId: string,
    @Ctx() ctx: Context,
  ): Promise<AccountStatusPayload> {
    const r = await ctx.services.staffAccounts.setAccountStatus(userId, 'DISABLED');
    return Object.assign(new AccountStatusPayload(), { user: userOrNull(r.user), userErrors: r.userErrors });
  }

  @Mutation(() => AccountStatusPayload, {
    description: 'Lets a disabled account sign in again (same callers as `disableAccount`).',
  })
  async enableAccount(
    @Arg('userId', () => ID, { description: 'The account.' }) userId: string,
    @Ctx() ctx: Context,
  ): Promise<AccountStatusPayload> {
    const r = await ctx.services.staffAccounts.setAccountStatus(userId, 'ACTIVE');
    return Object.assign(new AccountStatusPayload(), { user: userOrNull(r.user), userErrors: r.userErrors });
  }

  @Mutation(() => ResendInvitationPayload, {
    description:
      'Sends a new invitation to an account that has not set its password yet (earlier links stop working): admins any, a store’s owner its own staff.',
  })
  async resendInvitation(
    @Arg('userId', () => ID, { description: 'The invited account.' }) userId: string,
    @Ctx() ctx: Context,
  ): Promise<ResendInvitationPayload> {
    const r = await ctx.services.staffAccounts.resendInvitation(userId);
    return Object.assign(new ResendInvitationPayload(), {
      user: userOrNull(r.user),
      userErrors: r.userErrors,
    });
  }

  @Mutation(() => AcceptInvitationPayload, {
    description:
      'Sets the first password of an invited staff account with the token from its invitation email; then sign in with `login`.',
  })
  async acceptInvitation(
    @Arg('token', { description: 'The token from the invitation link.' }) token: string,
    @Arg('password', {
      description: 'At least 10 characters; not the email address; not a very common password.',
    })
    password: string,
    @Ctx() ctx: Context,
  ): Promise<AcceptInvitationPayload> {
    const r = await ctx.services.staffAccounts.acceptInvitation(token, password);
    return Object.assign(new AcceptInvitationPayload(), {
      email: r.user?.email ?? null,
      userErrors: r.userErrors,
    });
  }

  @FieldResolver(() => MerchantRole, {
    nullable: true,
    description: 'Owner or staff of its store (merchant staff only; null for other roles).',
  })
  merchantRole(@Root() u: User): keyof typeof MerchantRole | null {
    return u.row.merchantRole;
  }

  @FieldResolver(() => AccountStatus, { description: 'Whether the account can sign in.' })
  status(@Root() u: User): keyof typeof AccountStatus {
    return u.row.status;
  }

  @FieldResolver(() => Date, { description: 'When the account was created.' })
  createdAt(@Root() u: User): Date {
    return u.row.createdAt;
  }

  @FieldResolver(() => Merchant, {
    nullable: true,
    description: 'The store a merchant staff account works for.',
  })
  async merchant(@Root() u: User, @Ctx() ctx: Context): Promise<Merchant | null> {
    const row = await ctx.services.staffAccounts.merchantOf(u.row);
    return row ? Merchant.from(row) : null;
  }

  @FieldResolver(() => Boolean, {
    description: 'False while an invited account has not set its password yet.',
  })
  invitationAccepted(@Root() u: User): boolean {
    return u.row.passwordHash !== NO_PASSWORD_YET;
  }

  @FieldResolver(() => Boolean, {
    description: 'Whether the viewer may disable or enable this account (the mutations check again).',
  })
  async viewerCanManage(@Root() u: User, @Ctx() ctx: Context): Promise<boolean> {
    const s = ctx.services.staffAccounts;
    return s.canManage(u.row, await s.viewerMerchantRole());
  }
}
