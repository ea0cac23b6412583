import type { EntityManager } from '@mikro-orm/postgresql';
import type { Locale } from '@marketplace/core';
import type { Config } from '../../config.js';
import type { MerchantEntity } from '../catalog/merchant.entity.js';
import { type EmailContent, formatAmount, sendEmail } from '../payments/email-layout.js';
import type { Recipient } from '../payments/payment-emails.js';

export type StoreNoticeKind = 'frozen' | 'unfrozen' | 'deleted' | 'claim-filed' | 'claim-decided';

export interface StoreNotice {
  kind: StoreNoticeKind;
  merchant: MerchantEntity;
  reason: string;
  /** Frozen (or released) money, in minor units, when it matters. */
  amountMinor?: number;
  currency?: string;
}

/** Subject and body of a notice to a store's staff, in both languages (also used for in-site messages). */
export function storeNoticeText(n: StoreNotice): Record<Locale, { subject: string; body: string }> {
  const amount = (locale: Locale) =>
    n.amountMinor !== undefined && n.currency ? formatAmount(n.amountMinor, n.currency, locale) : '';
  switch (n.kind) {
    case 'frozen':
      return {
        en: {
          subject: `${n.merchant.nameEn} is under a safe freeze`,
          body: `The platform has put your store under a safe freeze: its listings are off sale, its activities and coupons are cancelled, unpaid orders were closed and paid orders not yet shipped were refunded in full. ${amount('en')} of your funds are frozen until the freeze is lifted. You can still view the management center, but nothing can be changed. Reason: ${n.reason}`,
        },
        'zh-TW': {
          subject: `${n.merchant.nameZh}已被安全凍結`,
          body: `平台已將您的商店安全凍結：商品已全部下架，活動與優惠券已取消，未付款訂單已關閉，已付款但尚未出貨的訂單已全額退款。您的資金中有 ${amount('zh-TW')} 已凍結，直到解除凍結為止。您仍可瀏覽管理中心，但無法進行任何變更。原因：${n.reason}`,
        },
      };
    case 'unfrozen':
      return {
        en: {
          subject: `The safe freeze of ${n.merchant.nameEn} was lifted`,
          body: `Your store can be managed again and ${amount('en')} of frozen funds went back to your balances. Your listings stay unpublished until you publish them again. Note: ${n.reason}`,
        },
        'zh-TW': {
          subject: `${n.merchant.nameZh}的安全凍結已解除`,
          body: `您的商店已恢復管理功能，凍結中的 ${amount('zh-TW')} 已退回原本的餘額。商品會維持下架狀態，請自行重新上架。說明：${n.reason}`,
        },
      };
    case 'deleted':
      return {
        en: {
          subject: `The account of ${n.merchant.nameEn} was closed permanently`,
          body: `After its safe freeze, the platform closed your store’s account for good: its staff can no longer sign in and its reviews no longer count. Its order history is kept as a record. Reason: ${n.reason}`,
        },
        'zh-TW': {
          subject: `${n.merchant.nameZh}的帳號已永久停用`,
          body: `在安全凍結之後，平台已永久停用您的商店帳號：商店人員將無法再登入，商店的評價也不再計入。訂單紀錄會保留備查。原因：${n.reason}`,
        },
      };
    case 'claim-filed':
      return {
        en: {
          subject: `A claim was filed against ${n.merchant.nameEn}`,
          body: `The platform filed a claim on behalf of affected users: “${n.reason}”. While it is open your store stays under a safe freeze.`,
        },
        'zh-TW': {
          subject: `平台已對${n.merchant.nameZh}提出索賠`,
          body: `平台已代受影響的使用者提出索賠：「${n.reason}」。索賠處理期間，您的商店將維持安全凍結。`,
        },
      };
    case 'claim-decided':
      return {
        en: {
          subject: `The claim against ${n.merchant.nameEn} was decided`,
          body: `Outcome: ${n.reason}.${n.amountMinor ? ` ${amount('en')} of your frozen funds was paid to the affected users as refunds.` : ''}`,
        },
        'zh-TW': {
          subject: `針對${n.merchant.nameZh}的索賠已有結果`,
          body: `結果：${n.reason}。${n.amountMinor ? `已從您的凍結資金中退款 ${amount('zh-TW')} 給受影響的使用者。` : ''}`,
        },
      };
  }
}

/** The notice as an email to one staff account of the store (EN or zh-TW by the recipient's locale). */
export async function sendStoreNotice(
  em: EntityManager,
  config: Config,
  to: Recipient,
  notice: StoreNotice,
): Promise<void> {
  const text = storeNoticeText(notice);
  const link = `${config.adminUrl}/`;
  const content: Record<Locale, EmailContent> = {
    en: {
      subject: text.en.subject,
      blocks: [
        { kind: 'p', text: `Hi ${to.name},` },
        { kind: 'p', text: text.en.body },
        { kind: 'link', label: 'Open the management center', href: link },
      ],
    },
    'zh-TW': {
      subject: text['zh-TW'].subject,
      blocks: [
        { kind: 'p', text: `${to.name} 您好：` },
        { kind: 'p', text: text['zh-TW'].body },
        { kind: 'link', label: '前往管理中心', href: link },
      ],
    },
  };
  await sendEmail(em, to, `penalties.store-${notice.kind}`, content);
}
