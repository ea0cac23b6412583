import type { EntityManager } from '@mikro-orm/postgresql';
import type { Locale } from '@marketplace/core';
import type { Config } from '../../config.js';
import type { MerchantEntity } from '../catalog/merchant.entity.js';
import { type EmailContent, formatAmount, formatDate, sendEmail } from '../payments/email-layout.js';
import type { Recipient } from '../payments/payment-emails.js';
import type { OrderEntity, OrderLineEntity } from './order.entity.js';

export interface ShippedOrder {
  order: OrderEntity;
  merchant: MerchantEntity;
  lines: OrderLineEntity[];
}

const zh = (locale: Locale) => locale === 'zh-TW';

function itemRows(s: ShippedOrder, locale: Locale): [string, string][] {
  return s.lines.map((l) => [
    zh(locale)
      ? `${l.productTitleZh}（${l.variantTitleZh}）× ${l.quantity}`
      : `${l.productTitleEn} (${l.variantTitleEn}) × ${l.quantity}`,
    formatAmount(l.lineTotalMinor, s.order.currency, locale),
  ]);
}

function shipTo(o: OrderEntity): string {
  return [
    o.shipRecipientName,
    o.shipLine1,
    o.shipLine2,
    o.shipCity,
    o.shipRegion,
    o.shipPostalCode,
    o.shipCountry,
  ]
    .filter(Boolean)
    .join(', ');
}

/** To the shopper, when the merchant hands an order to the carrier: carrier, tracking number and items. */
export async function sendOrderShipped(
  em: EntityManager,
  config: Config,
  to: Recipient,
  shipped: ShippedOrder,
): Promise<void> {
  const o = shipped.order;
  const link = `${config.storefrontUrl}/account/orders/${encodeURIComponent(o.number)}`;
  const carrier = o.shippingCarrier ?? '';
  const tracking = o.trackingNumber ?? '';
  const at = o.shippedAt ?? new Date();
  const days = config.autoConfirmDays;
  const content: Record<Locale, EmailContent> = {
    en: {
      subject: `Your order ${o.number} has shipped`,
      blocks: [
        { kind: 'p', text: `Hi ${to.name},` },
        {
          kind: 'p',
          text: `Good news: ${shipped.merchant.nameEn} has shipped your order ${o.number}. You can follow the parcel with the carrier using the tracking number below.`,
        },
        {
          kind: 'rows',
          rows: [
            ['Carrier', carrier],
            ['Tracking number', tracking],
            ['Shipped on', formatDate(at, 'en')],
            ['Ship to', shipTo(o)],
          ],
        },
        { kind: 'rows', title: `Items in order ${o.number}`, rows: itemRows(shipped, 'en') },
        {
          kind: 'p',
          text: `When the parcel arrives, please confirm receipt on the order page. If you do not, the order is confirmed automatically ${days} days after shipping.`,
        },
        { kind: 'link', label: 'View the order', href: link },
      ],
    },
    'zh-TW': {
      subject: `您的訂單 ${o.number} 已出貨`,
      blocks: [
        { kind: 'p', text: `${to.name} 您好：` },
        {
          kind: 'p',
          text: `好消息！${shipped.merchant.nameZh}已將您的訂單 ${o.number} 出貨，您可以使用下方的物流追蹤編號向物流業者查詢包裹進度。`,
        },
        {
          kind: 'rows',
          rows: [
            ['物流業者', carrier],
            ['追蹤編號', tracking],
            ['出貨時間', formatDate(at, 'zh-TW')],
            ['收件資訊', shipTo(o)],
          ],
        },
        { kind: 'rows', title: `訂單 ${o.number} 的商品`, rows: itemRows(shipped, 'zh-TW') },
        {
          kind: 'p',
          text: `收到包裹後，請至訂單頁面確認收貨；若未確認，系統將於出貨 ${days} 天後自動完成訂單。`,
        },
        { kind: 'link', label: '查看訂單', href: link },
      ],
    },
  };
  await sendEmail(em, to, 'orders.shipped', content);
}
