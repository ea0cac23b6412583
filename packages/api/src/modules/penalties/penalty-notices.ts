import type { EntityManager } from '@mikro-orm/postgresql';
import {
  CORRECTION_PERIOD_DAYS,
  ESCALATION_THRESHOLD,
  ESCALATION_WINDOW_DAYS,
  type Locale,
} from '@marketplace/core';
import type { Config } from '../../config.js';
import { sendSystemMessage } from '../messages/messages.service.js';
import { type EmailBlock, type EmailContent, formatDate, sendEmail } from '../payments/email-layout.js';
import type { PenaltyRuleEntity, SanctionEntity, ViolationEntity } from './penalty.entity.js';
import type { PenaltySubject } from './standing.js';

interface Recipient {
  email: string;
  locale: Locale;
  name: string;
}

/** The people a notice goes to by email: the user, or every signed-in-capable staff member of the store. */
async function recipientsOf(em: EntityManager, s: PenaltySubject): Promise<Recipient[]> {
  const rows = await em.execute<{ email: string; locale: Locale; display_name: string }[]>(
    s.type === 'USER'
      ? `select email, locale, display_name from user_account where id = ?`
      : `select email, locale, display_name from user_account
         where merchant_id = ? and role = 'MERCHANT_STAFF' and status in ('ACTIVE', 'GENERAL_FROZEN') order by id`,
    [s.type === 'USER' ? s.userId : s.merchantId],
  );
  return rows.map((r) => ({ email: r.email, locale: r.locale, name: r.display_name }));
}

/** Where the affected account reads its warnings: the storefront for shoppers, the admin SPA for stores. */
async function linkFor(em: EntityManager, config: Config, s: PenaltySubject): Promise<string> {
  if (s.type === 'MERCHANT') return `${config.adminUrl}/`;
  const [row] = await em.execute<{ role: string }[]>('select role from user_account where id = ?', [
    s.userId,
  ]);
  return row?.role === 'SHOPPER' ? `${config.storefrontUrl}/account` : `${config.adminUrl}/`;
}

type Bilingual = { en: string; zhTw: string };

/** One notice: an in-site message (PENALTY_NOTICE) plus an email to each recipient in their language. */
async function deliver(
  em: EntityManager,
  config: Config,
  s: PenaltySubject,
  template: string,
  threadKey: string,
  subject: Bilingual,
  paragraphs: { en: string[]; zhTw: string[] },
  rows: { en: [string, string][]; zhTw: [string, string][] },
): Promise<void> {
  const asText = (ps: string[], rs: [string, string][]) =>
    [...ps.slice(0, 1), rs.map(([l, v]) => `${l}: ${v}`).join('\n'), ...ps.slice(1)].join('\n\n');
  await sendSystemMessage(em, {
    ...(s.type === 'USER' ? { toUserId: s.userId } : { toMerchantId: s.merchantId }),
    kind: 'PENALTY_NOTICE',
    subject,
    body: { en: asText(paragraphs.en, rows.en), zhTw: asText(paragraphs.zhTw, rows.zhTw) },
    threadKey,
    // The penalty email below is the one that matters; no second, generic "new message" email.
    emailNotification: false,
  });
  const link = await linkFor(em, config, s);
  for (const to of await recipientsOf(em, s)) {
    const block = (lang: 'en' | 'zhTw', greeting: string, label: string): EmailContent => ({
      subject: subject[lang],
      blocks: [
        { kind: 'p', text: greeting },
        { kind: 'p', text: paragraphs[lang][0] ?? '' },
        { kind: 'rows', rows: rows[lang] },
        ...paragraphs[lang].slice(1).map((text): EmailBlock => ({ kind: 'p', text })),
        { kind: 'link', label, href: link },
      ],
    });
    await sendEmail(em, to, template, {
      en: block('en', `Hi ${to.name},`, 'Sign in to read the notice'),
      'zh-TW': block('zhTw', `${to.name} 您好：`, '登入查看通知'),
    });
  }
}

/** A violation was recorded: the warning with its 3-day correction deadline. */
export async function notifyViolation(
  em: EntityManager,
  config: Config,
  s: PenaltySubject,
  v: ViolationEntity,
  rule: PenaltyRuleEntity,
): Promise<void> {
  const due = (l: Locale) => formatDate(v.correctionDueAt, l);
  const repeat = v.repeatOf !== null;
  await deliver(
    em,
    config,
    s,
    'penalties.warning',
    `violation:${v.id}`,
    repeat
      ? {
          en: `Second warning: ${rule.titleEn} was not corrected`,
          zhTw: `第二次違規警告：「${rule.titleZh}」未於期限內改正`,
        }
      : { en: `Warning: ${rule.titleEn}`, zhTw: `違規警告：${rule.titleZh}` },
    {
      en: [
        repeat
          ? `The behaviour of an earlier warning was not marked corrected within ${CORRECTION_PERIOD_DAYS} days, so it has been recorded as a second violation.`
          : `Platform staff recorded a violation of our rules against your account. Please correct it within ${CORRECTION_PERIOD_DAYS} days.`,
        `If it is not marked corrected by the deadline, a second violation warning is recorded automatically. More than ${ESCALATION_THRESHOLD} violations within ${ESCALATION_WINDOW_DAYS} days lead to a general freeze (you can browse and reply to messages, but not post, publish or edit).`,
        'When you have corrected it, use “I corrected it” next to the warning; our staff will confirm.',
      ],
      zhTw: [
        repeat
          ? `先前警告所指的行為未於 ${CORRECTION_PERIOD_DAYS} 天內改正，已記為第二次違規。`
          : `平台人員已對您的帳號記錄一次違規，請於 ${CORRECTION_PERIOD_DAYS} 天內改正。`,
        `若期限內未標記為已改正，系統將自動記錄第二次違規警告。${ESCALATION_WINDOW_DAYS} 天內違規超過 ${ESCALATION_THRESHOLD} 次，帳號將被一般凍結（仍可瀏覽及回覆站內訊息，但不能發文、上架或修改內容）。`,
        '改正後，請在該警告旁點選「我已改正」，平台人員確認後即會結案。',
      ],
    },
    {
      en: [
        ['Rule', rule.titleEn],
        ['Evidence', v.evidence],
        ['Correct by', due('en')],
      ],
      zhTw: [
        ['違反規則', rule.titleZh],
        ['事證', v.evidence],
        ['改正期限', due('zh-TW')],
      ],
    },
  );
}

/** Staff confirmed or rejected a correction. */
export async function notifyCorrection(
  em: EntityManager,
  config: Config,
  s: PenaltySubject,
  v: ViolationEntity,
  rule: PenaltyRuleEntity,
  outcome: 'CORRECTED' | 'REJECTED',
  reason: string | null,
): Promise<void> {
  const corrected = outcome === 'CORRECTED';
  await deliver(
    em,
    config,
    s,
    corrected ? 'penalties.corrected' : 'penalties.correction-rejected',
    `violation:${v.id}`,
    corrected
      ? { en: `Warning closed: ${rule.titleEn}`, zhTw: `警告已結案：${rule.titleZh}` }
      : { en: `Correction not accepted: ${rule.titleEn}`, zhTw: `改正未獲確認：${rule.titleZh}` },
    {
      en: [
        corrected
          ? 'Platform staff confirmed that the behaviour was corrected. Thank you.'
          : 'Platform staff could not confirm your correction yet. Please correct it before the deadline.',
      ],
      zhTw: [
        corrected
          ? '平台人員已確認該行為已改正，謝謝您的配合。'
          : '平台人員尚無法確認您的改正，請在期限前完成改正。',
      ],
    },
    {
      en: [
        ['Rule', rule.titleEn],
        ...(corrected ? [] : ([['Correct by', formatDate(v.correctionDueAt, 'en')]] as [string, string][])),
        ...(reason ? ([['Note', reason]] as [string, string][]) : []),
      ],
      zhTw: [
        ['違反規則', rule.titleZh],
        ...(corrected ? [] : ([['改正期限', formatDate(v.correctionDueAt, 'zh-TW')]] as [string, string][])),
        ...(reason ? ([['說明', reason]] as [string, string][]) : []),
      ],
    },
  );
}

/** A general freeze started, or ended (lifted by staff or at its end date). */
export async function notifyGeneralFreeze(
  em: EntityManager,
  config: Config,
  s: PenaltySubject,
  sanction: SanctionEntity,
  event: 'APPLIED' | 'LIFTED',
): Promise<void> {
  const applied = event === 'APPLIED';
  const until = (l: Locale) =>
    sanction.endsAt
      ? formatDate(sanction.endsAt, l)
      : l === 'en'
        ? 'until lifted by staff'
        : '直到平台人員解除';
  const reason = applied ? sanction.reason : (sanction.liftReason ?? '');
  await deliver(
    em,
    config,
    s,
    applied ? 'penalties.general-freeze' : 'penalties.general-freeze-lifted',
    `sanction:${sanction.id}`,
    applied
      ? { en: 'Your account is under a general freeze', zhTw: '您的帳號已被一般凍結' }
      : { en: 'The general freeze has been lifted', zhTw: '一般凍結已解除' },
    {
      en: [
        applied
          ? 'While the freeze lasts you can browse and reply to existing in-site messages. Posting, public replies, publishing or editing listings, reviews and new conversations are refused. Buying, paying and processing orders keep working.'
          : 'Your account can post, publish and edit again.',
      ],
      zhTw: [
        applied
          ? '凍結期間您仍可瀏覽網站並回覆既有的站內訊息；發文、公開回覆、上架或修改商品、撰寫評價及開啟新對話都會被拒絕。購買、付款與處理訂單不受影響。'
          : '您的帳號已可重新發文、上架及修改內容。',
      ],
    },
    {
      en: [['Reason', reason], ...(applied ? ([['Ends', until('en')]] as [string, string][]) : [])],
      zhTw: [['原因', reason], ...(applied ? ([['結束時間', until('zh-TW')]] as [string, string][]) : [])],
    },
  );
}
