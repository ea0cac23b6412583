import type { EntityManager } from '@mikro-orm/postgresql';
import { type Locale, maskCard, type PaymentMethod } from '@marketplace/core';
import type { Config } from '../../config.js';
import type { MerchantEntity } from '../catalog/merchant.entity.js';
import type { OrderEntity, OrderLineEntity } from '../orders/order.entity.js';
import { type EmailBlock, type EmailContent, formatAmount, formatDate, sendEmail } from './email-layout.js';
import type { PaymentEntity } from './payment.entity.js';

export interface Recipient {
  email: string;
  locale: Locale;
  name: string;
}

export interface OrderSummary {
  order: OrderEntity;
  merchant: MerchantEntity;
  lines: OrderLineEntity[];
}

const zh = (locale: Locale) => locale === 'zh-TW';
const merchantName = (m: MerchantEntity, locale: Locale) => (zh(locale) ? m.nameZh : m.nameEn);
const lineTitle = (l: OrderLineEntity, locale: Locale) =>
  zh(locale) ? `${l.productTitleZh}（${l.variantTitleZh}）` : `${l.productTitleEn} (${l.variantTitleEn})`;

/** "PayPal (buyer@example.com)" or "UnionPay card •••• 1234", in the recipient's language. */
export function paidWith(payment: PaymentEntity, locale: Locale): string {
  if (payment.method === 'PAYPAL') return payment.payerEmail ? `PayPal (${payment.payerEmail})` : 'PayPal';
  const card = zh(locale) ? '銀聯信用卡' : 'UnionPay card';
  return payment.cardLast4 ? `${card} ${maskCard(payment.cardLast4)}` : card;
}

export const methodName = (method: PaymentMethod, locale: Locale) =>
  method === 'PAYPAL' ? 'PayPal' : zh(locale) ? '銀聯信用卡' : 'UnionPay card';

function orderBlock(s: OrderSummary, locale: Locale): EmailBlock {
  const o = s.order;
  const amount = (minor: number) => formatAmount(minor, o.currency, locale);
  const rows: [string, string][] = s.lines.map((l) => [
    `${lineTitle(l, locale)} × ${l.quantity}`,
    amount(l.lineTotalMinor),
  ]);
  if (o.discountMinor > 0) rows.push([zh(locale) ? '折扣' : 'Discount', `−${amount(o.discountMinor)}`]);
  if (o.kind === 'GOODS') rows.push([zh(locale) ? '運費' : 'Shipping', amount(o.shippingFeeMinor)]);
  rows.push([zh(locale) ? '訂單金額' : 'Order total', amount(o.totalMinor)]);
  const title = zh(locale)
    ? `訂單 ${o.number}（${merchantName(s.merchant, locale)}）`
    : `Order ${o.number} (${merchantName(s.merchant, locale)})`;
  return { kind: 'rows', title, rows };
}

/** To the shopper, once the payment is captured: every order with its lines and totals. */
export async function sendOrderConfirmation(
  em: EntityManager,
  config: Config,
  to: Recipient,
  payment: PaymentEntity,
  orders: OrderSummary[],
): Promise<void> {
  const link = `${config.storefrontUrl}/account/orders`;
  const content = (locale: Locale): EmailContent => {
    const total = formatAmount(payment.amountMinor, payment.currency, locale);
    const numbers = orders.map((s) => s.order.number).join(', ');
    const services = orders.some((s) => s.order.kind === 'SERVICE');
    const goods = orders.some((s) => s.order.kind === 'GOODS');
    const next = (l: Locale) => {
      const parts =
        l === 'zh-TW'
          ? [
              goods ? '商品出貨後，我們會再寄送含物流追蹤編號的通知給您。' : '',
              services ? '顧問服務的訂單金鑰另以郵件寄送，請妥善保存；顧問交付報告時我們也會通知您。' : '',
            ]
          : [
              goods ? 'We will email you the tracking number as soon as your goods ship.' : '',
              services
                ? 'The order key of each consulting service comes in a separate email: keep it safe. We will also let you know when the consultant delivers the report.'
                : '',
            ];
      return parts.filter(Boolean).join(l === 'zh-TW' ? '' : ' ');
    };
    return zh(locale)
      ? {
          subject: `付款成功：訂單 ${numbers}`,
          blocks: [
            { kind: 'p', text: `${to.name} 您好：` },
            { kind: 'p', text: `感謝您的購買！我們已收到您的付款 ${total}，以下是您的訂單明細。` },
            ...orders.map((s) => orderBlock(s, locale)),
            {
              kind: 'rows',
              rows: [
                ['付款總額', total],
                ['付款方式', paidWith(payment, locale)],
                ['付款編號', payment.reference],
                ['付款時間', formatDate(payment.succeededAt ?? new Date(), locale)],
              ],
            },
            {
              kind: 'p',
              text: next(locale),
            },
            { kind: 'link', label: '查看我的訂單', href: link },
          ],
        }
      : {
          subject: `Payment received: order ${numbers}`,
          blocks: [
            { kind: 'p', text: `Hi ${to.name},` },
            {
              kind: 'p',
              text: `Thank you for your purchase! We have received your payment of ${total}. Here are your orders.`,
            },
            ...orders.map((s) => orderBlock(s, locale)),
            {
              kind: 'rows',
              rows: [
                ['Total paid', total],
                ['Paid with', paidWith(payment, locale)],
                ['Payment reference', payment.reference],
                ['Paid on', formatDate(payment.succeededAt ?? new Date(), locale)],
              ],
            },
            {
              kind: 'p',
              text: next(locale),
            },
            { kind: 'link', label: 'View my orders', href: link },
          ],
        };
  };
  await sendEmail(em, to, 'payments.order-confirmation', { en: content('en'), 'zh-TW': content('zh-TW') });
}

/** To the shopper: the order key of a consulting service (the only copy besides the confirmation page). */
export async function sendOrderKey(
  em: EntityManager,
  config: Config,
  to: Recipient,
  summary: OrderSummary,
  key: string,
): Promise<void> {
  const number = summary.order.number;
  // The key travels in the fragment: browsers never send it to a server or put it in access logs.
  const link = `${config.storefrontUrl}/consultation/${encodeURIComponent(number)}#key=${key}`;
  const services = (locale: Locale) => summary.lines.map((l) => lineTitle(l, locale)).join(', ');
  const content: Record<Locale, EmailContent> = {
    en: {
      subject: `Your order key for ${number}`,
      blocks: [
        { kind: 'p', text: `Hi ${to.name},` },
        {
          kind: 'p',
          text: `Thank you for booking ${services('en')} with ${merchantName(summary.merchant, 'en')}. This is the order key of order ${number}:`,
        },
        { kind: 'code', label: 'Order key', value: key },
        {
          kind: 'p',
          text: 'With the order number and this key, anyone can open the consultation report once the consultant has delivered it, without signing in. Keep it private: we store only a fingerprint of it and cannot show it again.',
        },
        { kind: 'link', label: 'Open the consultation report', href: link },
      ],
    },
    'zh-TW': {
      subject: `訂單 ${number} 的訂單金鑰`,
      blocks: [
        { kind: 'p', text: `${to.name} 您好：` },
        {
          kind: 'p',
          text: `感謝您向${merchantName(summary.merchant, 'zh-TW')}預約「${services('zh-TW')}」。以下是訂單 ${number} 的訂單金鑰：`,
        },
        { kind: 'code', label: '訂單金鑰', value: key },
        {
          kind: 'p',
          text: '顧問交付報告後，持有訂單編號與此金鑰即可免登入查看顧問報告。請妥善保管、勿轉寄他人：本站只保存金鑰的指紋，無法再次顯示金鑰。',
        },
        { kind: 'link', label: '查看顧問報告', href: link },
      ],
    },
  };
  await sendEmail(em, to, 'payments.order-key', content);
}

/** To each staff account of the merchant: a paid order to prepare. */
export async function sendMerchantNewOrder(
  em: EntityManager,
  to: Recipient,
  summary: OrderSummary,
): Promise<void> {
  const o = summary.order;
  const where = (locale: Locale) =>
    o.kind === 'SERVICE'
      ? `${zh(locale) ? '聯絡人' : 'Contact'}: ${o.contactName ?? ''} · ${o.contactEmail ?? ''} · ${o.contactPhone ?? ''}`
      : `${zh(locale) ? '寄送至' : 'Ship to'}: ${[o.shipRecipientName, o.shipCity, o.shipCountry].filter(Boolean).join(', ')}`;
  const content: Record<Locale, EmailContent> = {
    en: {
      subject: `New paid order ${o.number}`,
      blocks: [
        { kind: 'p', text: `Hi ${to.name},` },
        {
          kind: 'p',
          text:
            o.kind === 'SERVICE'
              ? `Order ${o.number} has been paid. Please prepare the consultation and deliver the report in the management center.`
              : `Order ${o.number} has been paid. Please pack it and ship it with the carrier and tracking number in the management center.`,
        },
        orderBlock(summary, 'en'),
        { kind: 'p', text: where('en') },
      ],
    },
    'zh-TW': {
      subject: `新的已付款訂單 ${o.number}`,
      blocks: [
        { kind: 'p', text: `${to.name} 您好：` },
        {
          kind: 'p',
          text:
            o.kind === 'SERVICE'
              ? `訂單 ${o.number} 已完成付款，請準備顧問服務，並於管理中心交付顧問報告。`
              : `訂單 ${o.number} 已完成付款，請於管理中心填寫物流業者與追蹤編號並出貨。`,
        },
        orderBlock(summary, 'zh-TW'),
        { kind: 'p', text: where('zh-TW') },
      ],
    },
  };
  await sendEmail(em, to, 'payments.merchant-new-order', content);
}

/** To the shopper: the refund of a cancelled order went through at the gateway. */
export async function sendRefundIssued(
  em: EntityManager,
  config: Config,
  to: Recipient,
  args: { orderNumber: string | null; amountMinor: number; currency: string; payment: PaymentEntity },
): Promise<void> {
  const link = args.orderNumber
    ? `${config.storefrontUrl}/account/orders/${encodeURIComponent(args.orderNumber)}`
    : `${config.storefrontUrl}/account/orders`;
  const content = (locale: Locale): EmailContent => {
    const amount = formatAmount(args.amountMinor, args.currency, locale);
    const to_ = paidWith(args.payment, locale);
    return zh(locale)
      ? {
          subject: args.orderNumber
            ? `訂單 ${args.orderNumber} 已退款`
            : `付款 ${args.payment.reference} 已退款`,
          blocks: [
            { kind: 'p', text: `${to.name} 您好：` },
            {
              kind: 'p',
              text: args.orderNumber
                ? `您的訂單 ${args.orderNumber} 已取消，交易失敗，我們已將 ${amount} 全額退回您的 ${to_}。`
                : `您的訂單在付款完成前已關閉，我們已將 ${amount} 退回您的 ${to_}。`,
            },
            { kind: 'p', text: '退款入帳時間依發卡銀行或 PayPal 而定，通常需要 5 至 10 個工作天。' },
            { kind: 'link', label: '查看訂單', href: link },
          ],
        }
      : {
          subject: args.orderNumber
            ? `Refund issued for order ${args.orderNumber}`
            : `Refund issued for payment ${args.payment.reference}`,
          blocks: [
            { kind: 'p', text: `Hi ${to.name},` },
            {
              kind: 'p',
              text: args.orderNumber
                ? `Your order ${args.orderNumber} has been cancelled (transaction failed) and ${amount} has been refunded in full to your ${to_}.`
                : `Your orders were closed before the payment completed, so ${amount} has been refunded to your ${to_}.`,
            },
            {
              kind: 'p',
              text: 'Depending on your bank or PayPal, it usually takes 5 to 10 business days to show on your statement.',
            },
            { kind: 'link', label: 'View the order', href: link },
          ],
        };
  };
  await sendEmail(em, to, 'payments.refund-issued', { en: content('en'), 'zh-TW': content('zh-TW') });
}

/** To the shopper: the request to cancel a paid order was declined. */
export async function sendCancellationDeclined(
  em: EntityManager,
  config: Config,
  to: Recipient,
  args: { orderNumber: string; reason: string },
): Promise<void> {
  const link = `${config.storefrontUrl}/account/orders/${encodeURIComponent(args.orderNumber)}`;
  const content: Record<Locale, EmailContent> = {
    en: {
      subject: `Your cancellation request for order ${args.orderNumber}`,
      blocks: [
        { kind: 'p', text: `Hi ${to.name},` },
        {
          kind: 'p',
          text: `We are sorry: your request to cancel order ${args.orderNumber} was declined, and the order goes ahead.`,
        },
        { kind: 'rows', rows: [['Reason', args.reason]] },
        { kind: 'p', text: 'If you have questions, contact customer service from the help center.' },
        { kind: 'link', label: 'View the order', href: link },
      ],
    },
    'zh-TW': {
      subject: `訂單 ${args.orderNumber} 的取消申請結果`,
      blocks: [
        { kind: 'p', text: `${to.name} 您好：` },
        { kind: 'p', text: `很抱歉，您取消訂單 ${args.orderNumber} 的申請未獲同意，訂單將繼續處理。` },
        { kind: 'rows', rows: [['原因', args.reason]] },
        { kind: 'p', text: '如有任何疑問，歡迎透過幫助中心聯絡客服。' },
        { kind: 'link', label: '查看訂單', href: link },
      ],
    },
  };
  await sendEmail(em, to, 'payments.cancellation-declined', content);
}
