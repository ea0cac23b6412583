import { LockMode } from '@mikro-orm/core';
import type { JobHandler } from '../../jobs/job-queue.js';
import { sendAccountEmail } from './account-emails.js';
import { pruneAccountTokens, issueAccountToken } from './account-token.js';
import { resetPasswordLink, SEND_PASSWORD_RESET, secondsUntilNextEmail } from './account-security.service.js';
import { pruneLoginAttempts } from './login-throttle.js';
import { SIGN_IN_STATUSES, UserEntity } from './user.entity.js';

export { SEND_PASSWORD_RESET };
/** Recurring clean-up of throttling records and spent email tokens (crontab identifiers allow no dots). */
export const PRUNE_ACCOUNT_RECORDS = 'accounts:prune';

/** Emails a reset link if an active account has the address; otherwise does nothing, silently. */
export const sendPasswordReset: JobHandler = async (payload, { em, config }) => {
  const email = (payload as { email?: unknown }).email;
  if (typeof email !== 'string') return;
  await em.transactional(async (tx) => {
    // The row lock serialises two runs for one account (a queued job and one already running).
    const user = await tx.findOne(
      UserEntity,
      { email, status: { $in: [...SIGN_IN_STATUSES] } },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (!user) return;
    // Someone pressing "send" repeatedly gets one email a minute, not a flood.
    if ((await secondsUntilNextEmail(tx, user, 'RESET_PASSWORD')) > 0) return;
    const token = issueAccountToken(tx, user, 'RESET_PASSWORD');
    await sendAccountEmail(tx, user, {
      template: 'accounts.reset-password',
      link: resetPasswordLink(config, token),
    });
  });
};

export const pruneAccountRecords: JobHandler = async (_payload, { em, logger }) => {
  const attempts = await pruneLoginAttempts(em);
  const tokens = await pruneAccountTokens(em);
  logger.debug({ attempts, tokens }, 'pruned account records');
};
