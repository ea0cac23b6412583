import type { EntityManager } from '@mikro-orm/postgresql';
import type { Locale } from '@marketplace/core';
import type { Config } from '../../config.js';
import { type EmailContent, sendEmail } from '../payments/email-layout.js';
import type { Recipient } from '../payments/payment-emails.js';

/** To the shopper: the consultant delivered the report; the order is complete. */
export async function sendReportDelivered(
  em: EntityManager,
  config: Config,
  to: Recipient,
  args: { orderNumber: string; title: string },
): Promise<void> {
  const link = `${config.storefrontUrl}/account/orders/${encodeURIComponent(args.orderNumber)}`;
  const content: Record<Locale, EmailContent> = {
    en: {
      subject: `Your consultation report for order ${args.orderNumber} is ready`,
      blocks: [
        { kind: 'p', text: `Hi ${to.name},` },
        {
          kind: 'p',
          text: `Your consultant has delivered the report “${args.title}” for order ${args.orderNumber}.`,
        },
        {
          kind: 'p',
          text: 'Read it in My Orders, or open it without signing in with the order number and the order key we emailed you after payment.',
        },
        { kind: 'link', label: 'Read the report', href: link },
      ],
    },
    'zh-TW': {
      subject: `訂單 ${args.orderNumber} 的顧問報告已交付`,
      blocks: [
        { kind: 'p', text: `${to.name} 您好：` },
        { kind: 'p', text: `您的顧問已交付訂單 ${args.orderNumber} 的報告「${args.title}」。` },
        { kind: 'p', text: '您可以在「我的訂單」中閱讀，或使用付款後寄給您的訂單編號與訂單金鑰免登入查看。' },
        { kind: 'link', label: '閱讀報告', href: link },
      ],
    },
  };
  await sendEmail(em, to, 'consulting.report-delivered', content);
}
