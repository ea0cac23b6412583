import type { Locale } from '@marketplace/core';
import type { ContactRequestEntity, ContactTopic } from './contact-request.entity.js';
import { contactReference } from './help.types.js';

/** The two emails of a contact request, each in English and Traditional Chinese (Taiwan); plain text only. */
export interface RenderedEmail {
  subject: string;
  text: string;
}

const TOPIC: Record<ContactTopic, Record<Locale, string>> = {
  ORDER: { en: 'an order', 'zh-TW': '訂單問題' },
  PAYMENT: { en: 'a payment', 'zh-TW': '付款問題' },
  OTHER: { en: 'another matter', 'zh-TW': '其他問題' },
};

const TOPIC_NAME: Record<ContactTopic, Record<Locale, string>> = {
  ORDER: { en: 'Order', 'zh-TW': '訂單' },
  PAYMENT: { en: 'Payment', 'zh-TW': '付款' },
  OTHER: { en: 'Other', 'zh-TW': '其他' },
};

/** To the sender: we have it, here is the reference. The message is not echoed, so the form cannot relay spam. */
export function acknowledgementEmail(request: ContactRequestEntity, helpUrl: string): RenderedEmail {
  const ref = contactReference(request.id);
  if (request.locale === 'zh-TW') {
    return {
      subject: `我們已收到您的詢問（${ref}）`,
      text: [
        `${request.name} 您好：`,
        `感謝您與好物市集客服聯繫，我們已收到您關於「${TOPIC[request.topic]['zh-TW']}」的詢問，案件編號為 ${ref}。`,
        '客服人員會在一個工作天內以電子郵件回覆到這個信箱。後續若要補充說明，請直接回覆客服的來信並附上案件編號。',
        '提醒您：好物市集客服不會向您索取密碼、完整的信用卡卡號或簡訊驗證碼，請勿提供給任何人。',
        `在等待回覆的同時，您也可以先參考幫助中心的說明：${helpUrl}`,
        '好物市集客服中心 敬上',
      ].join('\n\n'),
    };
  }
  return {
    subject: `We received your message (${ref})`,
    text: [
      `Hi ${request.name},`,
      `Thank you for contacting Marketplace customer service. We have received your message about ${TOPIC[request.topic].en}; its reference is ${ref}.`,
      'Our team replies by email to this address within one working day. If you need to add anything, reply to our answer and keep the reference in the subject.',
      'Please remember: we never ask for your password, your full card number or a one-time SMS code. Do not share them with anyone.',
      `While you wait, the help center may already have the answer: ${helpUrl}`,
      '— Marketplace customer service',
    ].join('\n\n'),
  };
}

/** To customer service: everything needed to answer, in the language of the support mailbox's owner. */
export function supportEmail(
  request: ContactRequestEntity,
  locale: Locale,
  account: { email: string; displayName: string } | null,
): RenderedEmail {
  const ref = contactReference(request.id);
  const zh = locale === 'zh-TW';
  const language =
    request.locale === 'zh-TW' ? (zh ? '繁體中文' : 'Traditional Chinese') : zh ? '英文' : 'English';
  const none = zh ? '（無）' : '(none)';
  const fields: [string, string][] = zh
    ? [
        ['案件編號', ref],
        ['類別', TOPIC_NAME[request.topic]['zh-TW']],
        ['姓名', request.name],
        ['電子郵件', request.email],
        ['訂單編號', request.orderNumber ?? none],
        ['會員帳號', account ? `${account.displayName} <${account.email}>` : '訪客（未登入）'],
        ['回覆語言', language],
      ]
    : [
        ['Reference', ref],
        ['Topic', TOPIC_NAME[request.topic].en],
        ['Name', request.name],
        ['Email', request.email],
        ['Order number', request.orderNumber ?? none],
        ['Account', account ? `${account.displayName} <${account.email}>` : 'guest (not signed in)'],
        ['Reply in', language],
      ];
  const header = fields.map(([k, v]) => `${k}: ${v}`).join('\n');
  return {
    subject: zh
      ? `[${ref}] 新的客服詢問：${TOPIC_NAME[request.topic]['zh-TW']}`
      : `[${ref}] New contact request: ${TOPIC_NAME[request.topic].en}`,
    text: [
      zh
        ? '幫助中心的聯絡表單收到一則新的詢問：'
        : 'A new request arrived through the help center’s contact form:',
      header,
      zh ? '訊息內容：' : 'Message:',
      request.message,
      zh
        ? '請以上述電子郵件回覆寄件人，並在主旨中註明案件編號。'
        : 'Reply to the sender’s email address and keep the reference in the subject.',
    ].join('\n\n'),
  };
}
