import type { EntityManager } from '@mikro-orm/postgresql';
import type { Locale } from '@marketplace/core';
import { queueEmail } from '../email/email.service.js';
import { APP_NAME, formatEmailTime } from '../email/email-text.js';
import type { UserEntity } from './user.entity.js';

/** The emails of the accounts module, each written in English and Traditional Chinese (Taiwan). */
export type AccountEmail =
  | { template: 'accounts.verify-email'; link: string }
  | { template: 'accounts.reset-password'; link: string }
  | { template: 'accounts.password-changed'; resetLink: string; at: Date; everywhere: boolean };

type Content = { subject: string; paragraphs: string[]; action?: { label: string; href: string } };

const formatTime = formatEmailTime;

function english(name: string, email: AccountEmail): Content {
  switch (email.template) {
    case 'accounts.verify-email':
      return {
        subject: 'Confirm your email address',
        paragraphs: [
          `Hi ${name},`,
          'Welcome to Marketplace! Please confirm that this is your email address by opening the link below.',
          'The link works for 48 hours and only once. If you did not create an account, you can ignore this email.',
        ],
        action: { label: 'Confirm my email address', href: email.link },
      };
    case 'accounts.reset-password':
      return {
        subject: 'Reset your password',
        paragraphs: [
          `Hi ${name},`,
          'We received a request to reset the password of your Marketplace account. Open the link below to choose a new one.',
          'The link works for 1 hour and only once. If you did not ask for this, ignore this email: your password stays the same.',
        ],
        action: { label: 'Choose a new password', href: email.link },
      };
    case 'accounts.password-changed':
      return {
        subject: 'Your password was changed',
        paragraphs: [
          `Hi ${name},`,
          `The password of your Marketplace account was changed on ${formatTime(email.at, 'en')}. ${
            email.everywhere
              ? 'You have been signed out on every device; sign in again with the new password.'
              : 'You have been signed out on your other devices.'
          }`,
          'If you did not do this, reset your password right away with the link below and contact our customer service.',
        ],
        action: { label: 'Reset my password', href: email.resetLink },
      };
  }
}

function chinese(name: string, email: AccountEmail): Content {
  switch (email.template) {
    case 'accounts.verify-email':
      return {
        subject: '請驗證您的電子郵件地址',
        paragraphs: [
          `${name} 您好：`,
          '歡迎加入好物市集！請點選下方連結，確認這是您的電子郵件地址。',
          '此連結 48 小時內有效，且僅能使用一次。若您並未註冊帳號，請忽略這封郵件。',
        ],
        action: { label: '驗證電子郵件地址', href: email.link },
      };
    case 'accounts.reset-password':
      return {
        subject: '重設您的密碼',
        paragraphs: [
          `${name} 您好：`,
          '我們收到重設您好物市集帳號密碼的申請，請點選下方連結設定新密碼。',
          '此連結 1 小時內有效，且僅能使用一次。若您並未提出申請，請忽略這封郵件，您的密碼不會有任何變更。',
        ],
        action: { label: '設定新密碼', href: email.link },
      };
    case 'accounts.password-changed':
      return {
        subject: '您的密碼已變更',
        paragraphs: [
          `${name} 您好：`,
          `您的好物市集帳號密碼已於 ${formatTime(email.at, 'zh-TW')} 變更。${
            email.everywhere ? '所有裝置皆已登出，請使用新密碼重新登入。' : '您在其他裝置上的登入已一併登出。'
          }`,
          '若這不是您本人的操作，請立即透過下方連結重設密碼，並與客服聯繫。',
        ],
        action: { label: '重設密碼', href: email.resetLink },
      };
  }
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Renders plain text (the link on its own line, so every mail client shows it) and simple HTML. */
export function renderAccountEmail(locale: Locale, name: string, email: AccountEmail) {
  const content = locale === 'zh-TW' ? chinese(name, email) : english(name, email);
  const [greeting = '', ...rest] = content.paragraphs;
  const body = content.action
    ? [greeting, rest[0] ?? '', content.action.href, ...rest.slice(1)]
    : content.paragraphs;
  const signature = locale === 'zh-TW' ? `${APP_NAME[locale]} 敬上` : `— ${APP_NAME[locale]}`;
  const text = [...body, signature].join('\n\n');
  const action = content.action
    ? `<p><a href="${escapeHtml(content.action.href)}" style="display:inline-block;padding:12px 20px;background:#1f5f5b;color:#fff;border-radius:8px;text-decoration:none;font-weight:600">${escapeHtml(content.action.label)}</a></p>`
    : '';
  const paragraphs = (list: string[]) => list.map((p) => `<p>${escapeHtml(p)}</p>`).join('');
  const html = `<!doctype html><html lang="${locale}"><body style="font-family:system-ui,sans-serif;line-height:1.6;color:#1d1d1f">${paragraphs(
    [greeting, rest[0] ?? ''],
  )}${action}${paragraphs(rest.slice(1))}<p>${escapeHtml(signature)}</p></body></html>`;
  return { subject: content.subject, text, html };
}

/** Queues an accounts email to the user, in the user's language, inside the caller's transaction. */
export async function sendAccountEmail(
  em: EntityManager,
  user: UserEntity,
  email: AccountEmail,
): Promise<void> {
  const { subject, text, html } = renderAccountEmail(user.locale, user.displayName, email);
  await queueEmail(em, {
    to: user.email,
    locale: user.locale,
    template: email.template,
    subject,
    text,
    html,
  });
}
