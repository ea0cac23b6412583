import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { checkDisplayName, checkEmail, checkPassword, type Locale, type UserRole } from '@marketplace/core';
import type { Config } from '../../config.js';
import { inTransaction, Refusal } from '../../db/transaction.js';
import { PublicError, userError } from '../../graphql/errors.js';
import {
  type ConnectionShape,
  decodeCursor,
  encodeCursor,
  fromGlobalId,
  toConnection,
} from '../../graphql/relay.js';
import { findUsableToken, issueAccountToken, retireTokens } from '../accounts/account-token.js';
import { requireRole } from '../accounts/authorization.js';
import { isCommonPassword } from '../accounts/common-passwords.js';
import { clearAccountAttempts } from '../accounts/login-throttle.js';
import { hashPassword } from '../accounts/password.js';
import { SessionEntity } from '../accounts/session.entity.js';
import { type AccountStatus, type MerchantRole, UserEntity } from '../accounts/user.entity.js';
import { requireCapability } from '../capabilities/capabilities.service.js';
import type { Viewer } from '../accounts/viewer.js';
import { MerchantEntity } from '../catalog/merchant.entity.js';
import { hasActiveGeneralFreeze } from '../penalties/standing.js';
import { sendInvitation } from './invitation-emails.js';

type Err<C extends string> = { code: C; message: string; field: string[] | null };
export type StaffRole = Exclude<UserRole, 'SHOPPER'>;

/** Stored instead of a password hash until the invitation is accepted: it never verifies, so nobody can sign in. */
export const NO_PASSWORD_YET = '!invited';

export type CreateStaffAccountErrorCode =
  | 'INVALID_EMAIL'
  | 'EMAIL_TAKEN'
  | 'INVALID_DISPLAY_NAME'
  | 'MERCHANT_REQUIRED'
  | 'MERCHANT_NOT_FOUND';
export type InviteMerchantStaffErrorCode =
  | 'INVALID_EMAIL'
  | 'EMAIL_TAKEN'
  | 'INVALID_DISPLAY_NAME'
  | 'MERCHANT_FROZEN';
export type AccountStatusErrorCode =
  | 'USER_NOT_FOUND'
  | 'CANNOT_CHANGE_SELF'
  | 'LAST_ADMIN'
  | 'MERCHANT_FROZEN';
export type AcceptInvitationErrorCode = 'INVALID_TOKEN' | 'EXPIRED_TOKEN' | 'WEAK_PASSWORD';
export type ResendInvitationErrorCode =
  | 'USER_NOT_FOUND'
  | 'ALREADY_ACCEPTED'
  | 'TOO_SOON'
  | 'MERCHANT_FROZEN';

/** One invitation email per account per minute at most. */
const RESEND_INTERVAL_MS = 60_000;

export interface StaffUsersFilter {
  query?: string | null;
  role?: UserRole | null;
  status?: AccountStatus | null;
  merchantId?: string | null;
}
export type StaffUserSortField = 'CREATED_AT' | 'EMAIL' | 'DISPLAY_NAME';
export interface StaffUsersSort {
  field: StaffUserSortField;
  direction: 'ASC' | 'DESC';
}

const SORT_COLUMN: Record<StaffUserSortField, string> = {
  CREATED_AT: 'u.created_at',
  EMAIL: 'u.email',
  DISPLAY_NAME: 'u.display_name',
};

const TOKEN_MESSAGES = {
  INVALID_TOKEN: 'This invitation link is not valid or has already been used.',
  EXPIRED_TOKEN: 'This invitation link has expired. Ask for a new invitation.',
} as const;

export const invitationLink = (config: Pick<Config, 'adminUrl'>, token: string) =>
  `${config.adminUrl}/set-password?token=${encodeURIComponent(token)}`;

/** Serialises every creation of an account with this address (two requests cannot both create it). */
export async function lockEmail(em: EntityManager, email: string): Promise<void> {
  await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`account-email:${email}`]);
}

/**
 * Staff accounts: admins create platform staff and merchant staff of any store; a store's owner
 * invites and disables its own team. Every new account gets an emailed invitation to set its password.
 */
export class StaffAccountsService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
    private readonly config: Config,
  ) {}

  /** The owner account of the viewer's store, or FORBIDDEN (non-owner staff may only read the team). */
  private async requireOwner(em: EntityManager): Promise<{ viewer: Viewer; merchant: MerchantEntity }> {
    const viewer = requireRole(this.viewer, 'MERCHANT_STAFF');
    const me = await em.findOne(UserEntity, { id: viewer.userId }, { populate: ['merchant'] });
    if (!me?.merchant || me.merchantRole !== 'OWNER')
      throw new PublicError('FORBIDDEN', 'Only the store’s owner manages its team.');
    return { viewer, merchant: me.merchant };
  }

  async createStaffAccount(input: {
    email: string;
    displayName: string;
    role: StaffRole;
    merchantId?: string | null;
    merchantRole?: MerchantRole | null;
    locale?: Locale | null;
  }): Promise<{ user: UserEntity | null; userErrors: Err<CreateStaffAccountErrorCode>[] }> {
    requireRole(this.viewer, 'ADMIN');
    const fail = (code: CreateStaffAccountErrorCode, message: string, field: string) => ({
      user: null,
      userErrors: [userError(code, message, ['input', field])],
    });
    const email = checkEmail(input.email);
    if (!email.ok) return fail('INVALID_EMAIL', email.error.message, 'email');
    const name = checkDisplayName(input.displayName);
    if (!name.ok) return fail('INVALID_DISPLAY_NAME', name.error.message, 'displayName');
    let merchantId: number | null = null;
    if (input.role === 'MERCHANT_STAFF') {
      if (!input.merchantId) return fail('MERCHANT_REQUIRED', 'Choose the store.', 'merchantId');
      merchantId = fromGlobalId(input.merchantId, 'Merchant');
      if (merchantId === null)
        return fail('MERCHANT_NOT_FOUND', 'There is no store with this ID.', 'merchantId');
    }
    return inTransaction(this.em, async (em) => {
      const merchant = merchantId === null ? null : await em.findOne(MerchantEntity, { id: merchantId });
      if (merchantId !== null && !merchant)
        return fail('MERCHANT_NOT_FOUND', 'There is no store with this ID.', 'merchantId');
      const user = await createInvitedAccount(em, this.config, {
        email: email.value,
        displayName: name.value,
        role: input.role,
        merchant,
        merchantRole: merchant ? (input.merchantRole ?? 'STAFF') : null,
        locale: input.locale ?? 'en',
      });
      if (!user) return fail('EMAIL_TAKEN', 'An account with this email address already exists.', 'email');
      return { user, userErrors: [] };
    });
  }

  /** The owner of a store invites a team member (MERCHANT_STAFF, not owner) to that store. */
  async inviteMerchantStaff(input: {
    email: string;
    displayName: string;
    locale?: Locale | null;
  }): Promise<{ user: UserEntity | null; userErrors: Err<InviteMerchantStaffErrorCode>[] }> {
    const fail = (code: InviteMerchantStaffErrorCode, message: string, field: string | null) => ({
      user: null,
      userErrors: [userError(code, message, field ? ['input', field] : null)],
    });
    requireRole(this.viewer, 'MERCHANT_STAFF');
    const email = checkEmail(input.email);
    const name = checkDisplayName(input.displayName);
    return inTransaction(this.em, async (em) => {
      const { merchant } = await this.requireOwner(em);
      if (!email.ok) return fail('INVALID_EMAIL', email.error.message, 'email');
      if (!name.ok) return fail('INVALID_DISPLAY_NAME', name.error.message, 'displayName');
      await requireCapability(em, this.viewer, 'team.manage', { merchantId: merchant.id });
      const user = await createInvitedAccount(em, this.config, {
        email: email.value,
        displayName: name.value,
        role: 'MERCHANT_STAFF',
        merchant,
        merchantRole: 'STAFF',
        locale: input.locale ?? 'en',
      });
      if (!user) return fail('EMAIL_TAKEN', 'An account with this email address already exists.', 'email');
      return { user, userErrors: [] };
    });
  }

  /**
   * Disables or enables an account. Admins: any account but their own (never the last active
   * admin). A store's owner: the non-owner staff of their own store (any other account does not
   * exist for them). Disabling ends every session of the account at once.
   */
  async setAccountStatus(
    userGlobalId: string,
    status: AccountStatus,
  ): Promise<{ user: UserEntity | null; userErrors: Err<AccountStatusErrorCode>[] }> {
    const viewer = requireRole(this.viewer, 'ADMIN', 'MERCHANT_STAFF');
    const fail = (code: AccountStatusErrorCode, message: string, field: string[] | null = ['userId']) => ({
      user: null,
      userErrors: [userError(code, message, field)],
    });
    const notFound = () => fail('USER_NOT_FOUND', 'There is no account with this ID.');
    const id = fromGlobalId(userGlobalId, 'User');
    return inTransaction(this.em, async (em) => {
      // Disables are serialised, so two admins disabling each other cannot leave no active admin.
      if (status === 'DISABLED')
        await em.execute(`select pg_advisory_xact_lock(hashtext('account-disable'))`);
      const owner = viewer.role === 'MERCHANT_STAFF' ? await this.requireOwner(em) : null;
      if (id === null) return notFound();
      const user = await em.findOne(
        UserEntity,
        { id },
        { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['merchant'] },
      );
      if (!user) return notFound();
      if (owner) {
        const inTeam =
          user.role === 'MERCHANT_STAFF' &&
          user.merchant?.id === owner.merchant.id &&
          user.merchantRole !== 'OWNER';
        if (!inTeam) return notFound();
        // Locking someone out stays possible under a freeze; letting someone in does not.
        if (status === 'ACTIVE')
          await requireCapability(em, viewer, 'team.manage', { merchantId: owner.merchant.id });
      }
      if (user.id === viewer.userId)
        return fail('CANNOT_CHANGE_SELF', 'You cannot disable or enable your own account.');
      if (status === 'DISABLED' && user.role === 'ADMIN' && user.status === 'ACTIVE') {
        const [others] = await em.execute<{ n: number }[]>(
          `select count(*)::int as n from user_account where role = 'ADMIN' and status = 'ACTIVE' and id <> ?`,
          [user.id],
        );
        if ((others?.n ?? 0) === 0)
          return fail('LAST_ADMIN', 'This is the last active platform admin; it cannot be disabled.');
      }
      // Enabling an account under a general freeze (penalties) brings it back frozen, not ACTIVE.
      user.status =
        status === 'ACTIVE' && (await hasActiveGeneralFreeze(em, { userId: user.id }))
          ? 'GENERAL_FROZEN'
          : status;
      if (status === 'DISABLED') {
        await em.nativeUpdate(SessionEntity, { user, revokedAt: null }, { revokedAt: new Date() });
      }
      await em.flush();
      return { user, userErrors: [] };
    });
  }

  /**
   * Sends a new invitation to an account that has not set its password yet (the old links stop
   * working): admins for any such account, a store's owner for its own non-owner staff.
   */
  async resendInvitation(
    userGlobalId: string,
  ): Promise<{ user: UserEntity | null; userErrors: Err<ResendInvitationErrorCode>[] }> {
    const viewer = requireRole(this.viewer, 'ADMIN', 'MERCHANT_STAFF');
    const fail = (code: ResendInvitationErrorCode, message: string, field: string[] | null = ['userId']) => ({
      user: null,
      userErrors: [userError(code, message, field)],
    });
    const notFound = () => fail('USER_NOT_FOUND', 'There is no account with this ID.');
    const id = fromGlobalId(userGlobalId, 'User');
    return inTransaction(this.em, async (em) => {
      const owner = viewer.role === 'MERCHANT_STAFF' ? await this.requireOwner(em) : null;
      if (id === null) return notFound();
      const user = await em.findOne(
        UserEntity,
        { id },
        { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['merchant'] },
      );
      if (!user) return notFound();
      if (owner) {
        const inTeam =
          user.role === 'MERCHANT_STAFF' &&
          user.merchant?.id === owner.merchant.id &&
          user.merchantRole !== 'OWNER';
        if (!inTeam) return notFound();
        await requireCapability(em, this.viewer, 'team.manage', { merchantId: owner.merchant.id });
      }
      if (user.passwordHash !== NO_PASSWORD_YET)
        return fail('ALREADY_ACCEPTED', 'This account has already set its password.');
      const [last] = await em.execute<{ at: Date | null }[]>(
        `select max(created_at) as at from account_token where user_id = ? and purpose = 'INVITE'`,
        [user.id],
      );
      if (last?.at && Date.now() - new Date(last.at).getTime() < RESEND_INTERVAL_MS)
        return fail('TOO_SOON', 'An invitation was just sent; wait a minute before sending another.');
      await retireTokens(em, user, 'INVITE');
      const token = issueAccountToken(em, user, 'INVITE');
      const merchant = user.merchant ? await em.findOne(MerchantEntity, { id: user.merchant.id }) : null;
      await sendInvitation(em, {
        to: { email: user.email, locale: user.locale, displayName: user.displayName },
        role: user.role === 'SHOPPER' ? 'CUSTOMER_SERVICE' : user.role,
        owner: user.merchantRole === 'OWNER',
        store: merchant ? { nameEn: merchant.nameEn, nameZh: merchant.nameZh } : null,
        link: invitationLink(this.config, token),
      });
      await em.flush();
      return { user, userErrors: [] };
    });
  }

  /** Sets the first password of an invited account with its emailed link; the account then signs in as usual. */
  async acceptInvitation(
    token: string,
    password: string,
  ): Promise<{ user: UserEntity | null; userErrors: Err<AcceptInvitationErrorCode>[] }> {
    return inTransaction(this.em, async (em) => {
      const found = await findUsableToken(em, token, 'INVITE');
      if (!found.ok) {
        const { problem } = found;
        return { user: null, userErrors: [userError(problem, TOKEN_MESSAGES[problem], ['token'])] };
      }
      const { row } = found;
      const { user } = row;
      const checked = checkPassword(password, { email: user.email, isCommon: isCommonPassword });
      if (!checked.ok) {
        throw new Refusal({
          user: null,
          userErrors: [userError('WEAK_PASSWORD' as const, checked.error.message, ['password'])],
        });
      }
      user.passwordHash = await hashPassword(checked.value);
      row.usedAt = new Date();
      user.emailVerifiedAt ??= new Date();
      await retireTokens(em, user, 'INVITE');
      await clearAccountAttempts(em, user.email);
      await em.flush();
      return { user, userErrors: [] };
    });
  }

  /**
   * Accounts for the users page. Admins: every account with the filter. Merchant staff (owner or
   * not): their own store's team, whatever the filter says about role or store. Customer service
   * has no use for the account list (it works on orders and messages): FORBIDDEN.
   */
  async listStaffUsers(args: {
    first: number;
    after?: string | null;
    filter?: StaffUsersFilter | null;
    sort?: StaffUsersSort | null;
  }): Promise<ConnectionShape<UserEntity>> {
    const viewer = requireRole(this.viewer, 'ADMIN', 'MERCHANT_STAFF');
    const first = Math.min(Math.max(args.first, 0), 100);
    const sort = args.sort ?? { field: 'CREATED_AT', direction: 'DESC' };
    const column = SORT_COLUMN[sort.field];
    if (!column) throw new PublicError('BAD_USER_INPUT', 'Unknown sort field.');
    const dir = sort.direction === 'ASC' ? 'asc' : 'desc';
    const filter = args.filter ?? {};
    const params: unknown[] = [];
    const where: string[] = [];
    if (viewer.role === 'MERCHANT_STAFF') {
      if (viewer.merchantId === null)
        throw new PublicError('FORBIDDEN', 'Your account is not linked to a store.');
      params.push(viewer.merchantId);
      where.push(`u.merchant_id = ? and u.role = 'MERCHANT_STAFF'`);
    } else {
      if (filter.role) {
        params.push(filter.role);
        where.push('u.role = ?');
      }
      if (filter.merchantId) {
        const id = fromGlobalId(filter.merchantId, 'Merchant');
        if (id === null) throw new PublicError('BAD_USER_INPUT', 'Unknown merchant ID.');
        params.push(id);
        where.push('u.merchant_id = ?');
      }
    }
    if (filter.status) {
      params.push(filter.status);
      where.push('u.status = ?');
    }
    const query = filter.query?.trim();
    if (query) {
      const like = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      params.push(like, like);
      where.push('(u.email ilike ? or u.display_name ilike ?)');
    }
    const countWhere = [...where];
    const countParams = [...params];
    const key = args.after ? decodeCursor(args.after) : null;
    if (args.after) {
      const valid = key?.length === 3 && key[0] === sort.field && typeof key[2] === 'number';
      if (!valid) throw new PublicError('BAD_USER_INPUT', 'Invalid cursor for this sort.');
      const value = sort.field === 'CREATED_AT' ? new Date(key![1] as string) : key![1];
      const op = dir === 'asc' ? '>' : '<';
      params.push(value, key![2]);
      where.push(`(${column}, u.id) ${op} (?, ?)`); // row comparison: an index condition, not a filter
    }
    params.push(first + 1);
    const rows = await this.em.execute<{ id: number }[]>(
      `select u.id from user_account u ${where.length ? `where ${where.join(' and ')}` : ''}
       order by ${column} ${dir}, u.id ${dir} limit ?`,
      params,
    );
    const ids = rows.map((r) => r.id);
    const entities = ids.length
      ? await this.em.find(UserEntity, { id: { $in: ids } }, { populate: ['merchant'] })
      : [];
    const byId = new Map(entities.map((e) => [e.id, e]));
    return toConnection(
      ids.map((id) => byId.get(id)!),
      first,
      {
        hasPrevious: key !== null,
        cursorOf: (u) =>
          encodeCursor([
            sort.field,
            sort.field === 'CREATED_AT'
              ? u.createdAt.toISOString()
              : sort.field === 'EMAIL'
                ? u.email
                : u.displayName,
            u.id,
          ]),
        map: (u) => u,
        count: async () => {
          const [c] = await this.em.execute<{ n: number }[]>(
            `select count(*)::int as n from user_account u ${countWhere.length ? `where ${countWhere.join(' and ')}` : ''}`,
            countParams,
          );
          return c?.n ?? 0;
        },
      },
    );
  }

  /** Whether the viewer may disable/enable this account (drives the buttons; the mutations check again). */
  canManage(user: UserEntity, viewerMerchantRole: MerchantRole | null): boolean {
    const v = this.viewer;
    if (!v || user.id === v.userId) return false;
    if (v.role === 'ADMIN') return true;
    return (
      v.role === 'MERCHANT_STAFF' &&
      viewerMerchantRole === 'OWNER' &&
      user.role === 'MERCHANT_STAFF' &&
      user.merchant?.id === v.merchantId &&
      user.merchantRole !== 'OWNER'
    );
  }

  private ownRole: Promise<MerchantRole | null> | null = null;

  /** The viewer's own place in its store's team (null for platform staff and shoppers); once per request. */
  viewerMerchantRole(): Promise<MerchantRole | null> {
    const viewer = this.viewer;
    if (viewer?.role !== 'MERCHANT_STAFF') return Promise.resolve(null);
    this.ownRole ??= this.em
      .findOne(UserEntity, { id: viewer.userId })
      .then((me) => me?.merchantRole ?? null);
    return this.ownRole;
  }

  /** The store of a merchant staff account (from the identity map when already loaded). */
  merchantOf(user: UserEntity): Promise<MerchantEntity | null> {
    if (!user.merchant) return Promise.resolve(null);
    return this.em.findOne(MerchantEntity, { id: user.merchant.id });
  }
}

/**
 * Creates an account that cannot sign in until it sets a password with the emailed invitation; null
 * when the address is taken. Runs inside the caller's transaction.
 */
export async function createInvitedAccount(
  em: EntityManager,
  config: Pick<Config, 'adminUrl'>,
  a: {
    email: string;
    displayName: string;
    role: StaffRole;
    merchant: MerchantEntity | null;
    merchantRole: MerchantRole | null;
    locale: Locale;
  },
): Promise<UserEntity | null> {
  await lockEmail(em, a.email);
  if ((await em.count(UserEntity, { email: a.email })) > 0) return null;
  const user = em.create(UserEntity, {
    email: a.email,
    displayName: a.displayName,
    passwordHash: NO_PASSWORD_YET,
    role: a.role,
    merchant: a.merchant,
    merchantRole: a.merchantRole,
    locale: a.locale,
  });
  await em.flush();
  const token = issueAccountToken(em, user, 'INVITE');
  await sendInvitation(em, {
    to: { email: user.email, locale: user.locale, displayName: user.displayName },
    role: a.role,
    owner: a.merchantRole === 'OWNER',
    store: a.merchant ? { nameEn: a.merchant.nameEn, nameZh: a.merchant.nameZh } : null,
    link: invitationLink(config, token),
  });
  await em.flush();
  return user;
}
