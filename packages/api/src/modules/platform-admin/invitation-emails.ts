import type { EntityManager } from '@mikro-orm/postgresql';
import type { Locale, UserRole } from '@marketplace/core';
import { type EmailContent, sendEmail } from '../payments/email-layout.js';

export const INVITATION_TEMPLATE = 'platform.staff-invitation';

const ROLE_EN: Record<Exclude<UserRole, 'SHOPPER'>, string> = {
  ADMIN: 'platform administrator',
  CUSTOMER_SERVICE: 'customer service',
  MERCHANT_STAFF: 'store staff',
};
const ROLE_ZH: Record<Exclude<UserRole, 'SHOPPER'>, string> = {
  ADMIN: '平台管理員',
  CUSTOMER_SERVICE: '客服人員',
  MERCHANT_STAFF: '商家人員',
};

export interface Invitation {
  to: { email: string; locale: Locale; displayName: string };
  role: Exclude<UserRole, 'SHOPPER'>;
  owner: boolean;
  store: { nameEn: string; nameZh: string } | null;
  link: string;
}

/** The invitation to a new staff account, in English and Traditional Chinese; the link sets the first password. */
export function invitationContent(i: Invitation): Record<Locale, EmailContent> {
  const storeEn = i.store ? ` of ${i.store.nameEn}` : '';
  const storeZh = i.store ? `「${i.store.nameZh}」的` : '';
  const roleEn = i.owner ? 'store owner' : ROLE_EN[i.role];
  const roleZh = i.owner ? '商店負責人' : ROLE_ZH[i.role];
  return {
    en: {
      subject: 'You are invited to the Marketplace management center',
      blocks: [
        { kind: 'p', text: `Hi ${i.to.displayName},` },
        {
          kind: 'p',
          text: `An account was created for you in the Marketplace management center as ${roleEn}${storeEn}. Your sign-in email is ${i.to.email}.`,
        },
        { kind: 'link', label: 'Set my password', href: i.link },
        {
          kind: 'p',
          text: 'The link works for 7 days and only once. If you were not expecting this invitation, you can ignore this email.',
        },
      ],
    },
    'zh-TW': {
      subject: '邀請您加入好物市集管理中心',
      blocks: [
        { kind: 'p', text: `${i.to.displayName} 您好：` },
        {
          kind: 'p',
          text: `我們已在好物市集管理中心為您建立${storeZh}${roleZh}帳號，登入用的電子郵件為 ${i.to.email}。`,
        },
        { kind: 'link', label: '設定密碼', href: i.link },
        {
          kind: 'p',
          text: '此連結 7 天內有效，且僅能使用一次。若您並未預期收到這份邀請，請忽略這封郵件。',
        },
      ],
    },
  };
}

export function sendInvitation(em: EntityManager, i: Invitation): Promise<void> {
  return sendEmail(em, i.to, INVITATION_TEMPLATE, invitationContent(i));
}
