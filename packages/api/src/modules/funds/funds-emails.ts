import type { EntityManager } from '@mikro-orm/postgresql';
import type { Locale, Money } from '@marketplace/core';
import type { Config } from '../../config.js';
import type { MerchantEntity } from '../catalog/merchant.entity.js';
import { type EmailContent, formatAmount, formatDate, sendEmail } from '../payments/email-layout.js';
import type { Recipient } from '../payments/payment-emails.js';
import type { PayoutEntity } from './funds.entity.js';

export interface PayoutSent {
  merchant: MerchantEntity;
  payout: PayoutEntity;
  /** What is still available after this payout. */
  available: Money;
}

/** To each staff account of the merchant: the platform paid out part or all of its available funds. */
export async function sendPayoutSent(
  em: EntityManager,
  config: Config,
  to: Recipient,
  sent: PayoutSent,
): Promise<void> {
  const p = sent.payout;
  const amount = (locale: Locale) => formatAmount(p.amountMinor, p.currency, locale);
  const left = (locale: Locale) => formatAmount(sent.available.minor, sent.available.currency, locale);
  const link = `${config.adminUrl}/funds`;
  const content: Record<Locale, EmailContent> = {
    en: {
      subject: `Payout of ${amount('en')} sent to ${sent.merchant.nameEn}`,
      blocks: [
        { kind: 'p', text: `Hi ${to.name},` },
        {
          kind: 'p',
          text: `The marketplace has settled ${amount('en')} of ${sent.merchant.nameEn}’s available funds. The transfer should reach the store’s bank account within a few business days.`,
        },
        {
          kind: 'rows',
          rows: [
            ['Amount', amount('en')],
            ['Transfer reference', p.reference],
            ...(p.note ? ([['Note', p.note]] as [string, string][]) : []),
            ['Settled on', formatDate(p.createdAt, 'en')],
            ['Still available', left('en')],
          ],
        },
        { kind: 'p', text: 'The payout and the ledger entries behind it are on the Funds page.' },
        { kind: 'link', label: 'Open Funds', href: link },
      ],
    },
    'zh-TW': {
      subject: `撥款通知：已撥付 ${amount('zh-TW')} 給${sent.merchant.nameZh}`,
      blocks: [
        { kind: 'p', text: `${to.name} 您好：` },
        {
          kind: 'p',
          text: `平台已結算${sent.merchant.nameZh}的可提領款項 ${amount('zh-TW')}，款項預計於數個工作天內匯入商店的銀行帳戶。`,
        },
        {
          kind: 'rows',
          rows: [
            ['撥款金額', amount('zh-TW')],
            ['匯款參考編號', p.reference],
            ...(p.note ? ([['備註', p.note]] as [string, string][]) : []),
            ['結算時間', formatDate(p.createdAt, 'zh-TW')],
            ['剩餘可提領金額', left('zh-TW')],
          ],
        },
        { kind: 'p', text: '您可以在「資金」頁面查看這筆撥款及相關的帳務明細。' },
        { kind: 'link', label: '前往資金頁面', href: link },
      ],
    },
  };
  await sendEmail(em, to, 'funds.payout-sent', content);
}
