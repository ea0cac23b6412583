import { testConfig } from '../../../test/database.js';
import { describe, expect, test } from '../../../test/fixtures.js';
import type { TestApi } from '../../../test/harness.js';
import { endSanction, expireWarning } from './penalty-engine.js';
import { warningDeadlineJob } from './penalties.jobs.js';
import { createLogger } from '../../logger.js';

const config = testConfig({});
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const VIOLATION = `id status evidence note recordedAt correctionDueAt automatic repeatOfId correctionNote correctedAt
  subject { type id name email handle status } rule { id code titleEn } attachments { uploadId url }`;
const RECORD = `mutation Record($input: RecordViolationInput!) { recordViolation(input: $input) {
  violation { ${VIOLATION} } generalFreeze { id kind automatic endsAt active reason }
  userErrors { code field message } } }`;
const CORRECTION = (name: string) => `mutation C($input: ViolationCorrectionInput!) { ${name}(input: $input) {
  violation { ${VIOLATION} } userErrors { code field message } } }`;
const APPLY = `mutation A($input: ApplyGeneralFreezeInput!) { applyGeneralFreeze(input: $input) {
  sanction { id kind active endsAt reason automatic subject { status } } userErrors { code field } } }`;
const LIFT = `mutation L($input: LiftGeneralFreezeInput!) { liftGeneralFreeze(input: $input) {
  sanction { id active liftedAt liftReason } userErrors { code field } } }`;
const RULES = `query { penaltyRules { id code titleEn titleZh active } }`;

const dbId = (globalId: string) => Number(Buffer.from(globalId, 'base64url').toString().split(':')[1]);
const em = (api: TestApi) => api.platform.orm.em.fork();

/** Everything a penalty mutation may write: compared before/after a refusal. */
async function snapshot(api: TestApi) {
  const [row] = await api.sql(`select
    (select count(*) from violation)::int as violations,
    (select string_agg(id || status, ',' order by id) from violation) as statuses,
    (select count(*) from sanction)::int as sanctions,
    (select string_agg(id || coalesce(lifted_at::text, '-'), ',' order by id) from sanction) as lifts,
    (select count(*) from audit_log_entry)::int as audit,
    (select count(*) from email_message)::int as emails,
    (select count(*) from penalty_rule)::int as rules,
    (select string_agg(id || title_en || active, ',' order by id) from penalty_rule) as rule_texts,
    (select string_agg(id || status, ',' order by id) from user_account) as users,
    (select string_agg(id || status, ',' order by id) from merchant) as merchants`);
  return row;
}

async function ruleId(api: TestApi, token: string, code = 'USER_AGREEMENT'): Promise<string> {
  const res = await api.gql(RULES, {}, { token });
  return res.data.penaltyRules.find((r: { code: string }) => r.code === code).id;
}

async function record(api: TestApi, token: string, input: Record<string, unknown>) {
  const res = await api.gql(RECORD, { input }, { token });
  expect(res.errors).toBeUndefined();
  return res.data.recordViolation;
}

describe('penalty rules', () => {
  test('admins edit the rule list; the seed rules are there; refusals change nothing', async ({
    api,
    login,
  }) => {
    const admin = await login('admin@example.com');
    const support = await login('support@example.com');
    const listed = await api.gql(RULES, {}, { token: support });
    expect(listed.data.penaltyRules.map((r: { code: string }) => r.code)).toEqual(
      expect.arrayContaining(['USER_AGREEMENT', 'MERCHANT_AGREEMENT', 'COUNTERFEIT_GOODS', 'REFUSED_RETURN']),
    );
    const create = `mutation ($input: PenaltyRuleInput!) { createPenaltyRule(input: $input) {
      rule { id code titleEn titleZh active } userErrors { code field } } }`;
    const input = {
      code: 'spam_listings',
      titleEn: 'Spam listings',
      titleZh: '濫發商品',
      descriptionEn: 'Repeated copies.',
    };

    const before = await snapshot(api);
    expect((await api.gql(create, { input }, { token: support })).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await api.gql(create, { input })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    for (const [bad, code] of [
      [{ ...input, code: '1x' }, 'CODE_INVALID'],
      [{ ...input, titleZh: '  ' }, 'TITLE_REQUIRED'],
      [{ ...input, code: 'USER_AGREEMENT' }, 'CODE_TAKEN'],
    ] as const) {
      const res = await api.gql(create, { input: bad }, { token: admin });
      expect(res.data.createPenaltyRule.userErrors[0].code).toBe(code);
    }
    expect(await snapshot(api)).toEqual(before);

    const created = (await api.gql(create, { input }, { token: admin })).data.createPenaltyRule;
    expect(created.userErrors).toEqual([]);
    expect(created.rule).toMatchObject({ code: 'SPAM_LISTINGS', titleZh: '濫發商品', active: true });

    const update = `mutation ($input: UpdatePenaltyRuleInput!) { updatePenaltyRule(input: $input) {
      rule { id titleEn active } userErrors { code } } }`;
    const off = await api.gql(
      update,
      { input: { id: created.rule.id, active: false, titleEn: 'Spamming' } },
      { token: admin },
    );
    expect(off.data.updatePenaltyRule.rule).toMatchObject({ titleEn: 'Spamming', active: false });
    // An inactive rule cannot be used for a new violation.
    const refused = await record(api, admin, {
      subjectType: 'USER',
      subject: 'shopper2@example.com',
      ruleId: created.rule.id,
      evidence: 'x',
    });
    expect(refused.userErrors[0].code).toBe('RULE_INACTIVE');
    const audit = await api.sql(
      `select action, before, after from audit_log_entry where subject_type = 'PENALTY_RULE' order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['penalty_rule.create', 'penalty_rule.update']);
    expect(audit[1].before.active).toBe(true);
    expect(audit[1].after.active).toBe(false);
  });
});

describe('violations and warnings', () => {
  test('recording a violation: warning due in 3 days, in-site message, email, deadline job, audit; refusals change nothing', async ({
    api,
    login,
  }) => {
    const support = await login('support@example.com');
    const shopperToken = await login('shopper@example.com');
    const rule = await ruleId(api, support);
    const valid = {
      subjectType: 'USER',
      subject: 'shopper@example.com',
      ruleId: rule,
      evidence: 'Abusive review text.',
    };

    const before = await snapshot(api);
    expect(
      (await api.gql(RECORD, { input: valid }, { token: shopperToken })).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect((await api.gql(RECORD, { input: valid })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const refusals: [Record<string, unknown>, string, string][] = [
      [{ subject: 'nobody@example.com' }, 'SUBJECT_NOT_FOUND', 'subject'],
      [{ subjectType: 'MERCHANT', subject: 'no-such-store' }, 'SUBJECT_NOT_FOUND', 'subject'],
      [{ subject: 'admin@example.com' }, 'SUBJECT_NOT_PENALIZABLE', 'subject'],
      [{ ruleId: 'UGVuYWx0eVJ1bGU6OTk5OQ' }, 'RULE_NOT_FOUND', 'ruleId'],
      [{ evidence: '   ' }, 'EVIDENCE_REQUIRED', 'evidence'],
      [{ evidence: 'x'.repeat(5001) }, 'TOO_LONG', 'evidence'],
      [
        { attachmentUploadIds: ['0123456789abcdef0123456789abcdef.png'] },
        'ATTACHMENT_INVALID',
        'attachmentUploadIds',
      ],
    ];
    for (const [override, code, field] of refusals) {
      const res = await record(api, support, { ...valid, ...override });
      expect(res.violation).toBeNull();
      expect(res.userErrors[0]).toMatchObject({ code, field: ['input', field] });
    }
    expect(await snapshot(api)).toEqual(before);

    // Evidence image uploaded by staff through the media upload.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    const upload = await fetch(`${api.url}/media/uploads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${support}`, 'content-type': 'image/png' },
      body: png,
    });
    expect(upload.status).toBe(201);
    const { uploadId } = (await upload.json()) as { uploadId: string };

    const ok = await record(api, support, { ...valid, attachmentUploadIds: [uploadId], note: 'internal' });
    expect(ok.userErrors).toEqual([]);
    const v = ok.violation;
    expect(v).toMatchObject({
      status: 'OPEN',
      automatic: false,
      note: 'internal',
      subject: { type: 'USER' },
    });
    expect(v.attachments).toEqual([{ uploadId, url: `/media/evidence/${uploadId}` }]);
    expect(new Date(v.correctionDueAt).getTime() - new Date(v.recordedAt).getTime()).toBe(3 * DAY);
    expect(ok.generalFreeze).toBeNull();

    const id = dbId(v.id);
    const [job] = await api.sql(
      `select run_at from graphile_worker._private_jobs where key = $1 and task_id = (select id from graphile_worker._private_tasks where identifier = 'penalties.warning-deadline')`,
      [`violation-deadline:${id}`],
    );
    expect(new Date(job.run_at).toISOString()).toBe(new Date(v.correctionDueAt).toISOString());
    const [email] = await api.sql(
      `select subject, text from email_message where "to" = 'shopper@example.com' and template = 'penalties.warning'`,
    );
    expect(email.subject).toContain('Warning');
    expect(email.text).toContain('Abusive review text.');
    const [message] = await api.sql(
      `select c.subject from conversation c join user_account u on u.id = c.user_id where u.email = 'shopper@example.com' and c.thread_key like '%violation:${id}'`,
    );
    expect(message.subject).toContain('Warning');
    // One email per warning: the penalty email only, no generic "new message" email queued for the notice.
    const [conversation] = await api.sql(`select id from conversation where thread_key like $1`, [
      `%violation:${id}`,
    ]);
    expect(conversation).toBeDefined();
    expect(
      await api.sql(
        `select j.key from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
         where t.identifier = 'messages.notify' and j.key = $1`,
        [`messages-notify:${conversation.id}:USER`],
      ),
    ).toEqual([]);
    expect(
      await api.sql(`select template from email_message where "to" = 'shopper@example.com' order by id`),
    ).toEqual([{ template: 'penalties.warning' }]);
    const [audit] = await api.sql(
      `select a.action, a.subject_type, a.subject_id, u.email as actor, a.request_id from audit_log_entry a join user_account u on u.id = a.actor_id where a.action = 'violation.record'`,
    );
    expect(audit).toMatchObject({
      action: 'violation.record',
      subject_type: 'USER',
      actor: 'support@example.com',
    });
    expect(audit.request_id).toBeTruthy();

    // The affected shopper reads it (without the internal note); another shopper does not see it.
    const mine = `query { myViolations(first: 10) { totalCount nodes { id status note rule { code } } } }`;
    const own = await api.gql(mine, {}, { token: shopperToken });
    expect(own.data.myViolations.nodes).toEqual([
      { id: v.id, status: 'OPEN', note: null, rule: { code: 'USER_AGREEMENT' } },
    ]);
    const other = await login('shopper2@example.com');
    expect((await api.gql(mine, {}, { token: other })).data.myViolations.totalCount).toBe(0);

    // "I corrected it": someone else's violation does not exist for them; staff confirm the owner's request.
    const request = CORRECTION('requestViolationCorrection');
    const snap = await snapshot(api);
    const foreign = await api.gql(request, { input: { violationId: v.id, note: 'done' } }, { token: other });
    expect(foreign.data.requestViolationCorrection.userErrors[0].code).toBe('VIOLATION_NOT_FOUND');
    const empty = await api.gql(
      request,
      { input: { violationId: v.id, note: ' ' } },
      { token: shopperToken },
    );
    expect(empty.data.requestViolationCorrection.userErrors[0].code).toBe('REASON_REQUIRED');
    const byShopper = await api.gql(
      CORRECTION('markViolationCorrected'),
      { input: { violationId: v.id } },
      { token: shopperToken },
    );
    expect(byShopper.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await snapshot(api)).toEqual(snap);

    const asked = await api.gql(
      request,
      { input: { violationId: v.id, note: 'Deleted the review.' } },
      { token: shopperToken },
    );
    expect(asked.data.requestViolationCorrection.violation).toMatchObject({
      status: 'CORRECTION_REQUESTED',
      correctionNote: 'Deleted the review.',
    });
    const twice = await api.gql(
      request,
      { input: { violationId: v.id, note: 'again' } },
      { token: shopperToken },
    );
    expect(twice.data.requestViolationCorrection.userErrors[0].code).toBe('INVALID_STATUS');
    const confirmed = await api.gql(
      CORRECTION('markViolationCorrected'),
      { input: { violationId: v.id } },
      { token: support },
    );
    expect(confirmed.data.markViolationCorrected.violation.status).toBe('CORRECTED');
    expect(confirmed.data.markViolationCorrected.violation.correctedAt).toBeTruthy();
    const again = await api.gql(
      CORRECTION('markViolationCorrected'),
      { input: { violationId: v.id } },
      { token: support },
    );
    expect(again.data.markViolationCorrected.userErrors[0].code).toBe('INVALID_STATUS');
    // A corrected warning's deadline passes without a second warning.
    expect(await expireWarning(em(api), config, id, new Date(Date.now() + 4 * DAY))).toBeNull();
    const actions = await api.sql(
      `select action from audit_log_entry where subject_type = 'VIOLATION' and subject_id = $1 order by id`,
      [id],
    );
    expect(actions.map((a) => a.action)).toEqual([
      'violation.correction_request',
      'violation.mark_corrected',
    ]);
  });

  test('a warning uncorrected when the 3 days pass records a second violation automatically, once', async ({
    api,
    login,
  }) => {
    const support = await login('support@example.com');
    const { violation } = await record(api, support, {
      subjectType: 'USER',
      subject: 'shopper2@example.com',
      ruleId: await ruleId(api, support),
      evidence: 'Spam in reviews.',
    });
    const id = dbId(violation.id);
    const due = new Date(violation.correctionDueAt);

    // One minute early: nothing happens (the job is rescheduled to the deadline).
    expect(await expireWarning(em(api), config, id, new Date(due.getTime() - 60_000))).toBeNull();
    expect((await api.sql('select status from violation where id = $1', [id]))[0].status).toBe('OPEN');

    // At the deadline: UNCORRECTED and a second violation of the same rule, recorded by the platform.
    const repeat = await expireWarning(em(api), config, id, due);
    expect(repeat).not.toBeNull();
    const rows = await api.sql(
      `select id, status, repeat_of_id, recorded_by_id, rule_id, recorded_at, correction_due_at from violation where user_id = (select id from user_account where email = 'shopper2@example.com') order by id`,
    );
    expect(rows.map((r) => [r.status, r.repeat_of_id])).toEqual([
      ['UNCORRECTED', null],
      ['OPEN', id],
    ]);
    expect(rows[1].recorded_by_id).toBeNull();
    expect(rows[1].rule_id).toBe(rows[0].rule_id);
    expect(new Date(rows[1].correction_due_at).getTime()).toBe(due.getTime() + 3 * DAY);
    // zh-TW account: the second warning email is in Traditional Chinese.
    const mails = await api.sql(
      `select subject from email_message where "to" = 'shopper2@example.com' and template = 'penalties.warning' order by id`,
    );
    expect(mails.map((m) => m.subject)).toEqual([
      expect.stringContaining('違規警告'),
      expect.stringContaining('第二次違規警告'),
    ]);

    // Running the job again (a retry, a duplicate) does nothing more.
    expect(await expireWarning(em(api), config, id, new Date(due.getTime() + DAY))).toBeNull();
    expect(
      (await api.sql('select count(*)::int as n from violation where repeat_of_id = $1', [id]))[0].n,
    ).toBe(1);
    const audit = await api.sql(
      `select action, actor_id from audit_log_entry where action in ('violation.uncorrected', 'violation.record_automatic')`,
    );
    expect(audit).toEqual([
      { action: 'violation.uncorrected', actor_id: null },
      { action: 'violation.record_automatic', actor_id: null },
    ]);

    // The registered job handler does the same work when the deadline has passed.
    await api.sql(`update violation set correction_due_at = now() - interval '1 minute' where id = $1`, [
      rows[1].id,
    ]);
    await warningDeadlineJob(
      { violationId: rows[1].id },
      { orm: api.platform.orm, config, logger: createLogger('silent'), em: em(api) },
    );
    expect((await api.sql('select status from violation where id = $1', [rows[1].id]))[0].status).toBe(
      'UNCORRECTED',
    );
    expect(
      (await api.sql('select count(*)::int as n from violation where repeat_of_id = $1', [rows[1].id]))[0].n,
    ).toBe(1);
  });
});

describe('general freeze', () => {
  test('more than three violations within 30 days freeze a store automatically; three do not', async ({
    api,
    login,
  }) => {
    const support = await login('support@example.com');
    const rule = await ruleId(api, support, 'MERCHANT_AGREEMENT');
    const input = {
      subjectType: 'MERCHANT',
      subject: 'voltline',
      ruleId: rule,
      evidence: 'Misleading listing.',
    };
    for (let i = 0; i < 3; i++) {
      const r = await record(api, support, input);
      expect(r.generalFreeze).toBeNull();
      expect(r.violation.subject.status).toBe('ACTIVE');
    }
    // Spread the three over days 0, 10 and 20 (day 0 = 29 days ago): the fourth today is within 30 days.
    await api.sql(`update violation set recorded_at = now() - make_interval(days => (29 - 10 * (rn - 1))::int)
      from (select id as vid, row_number() over (order by id) as rn from violation where merchant_id = (select id from merchant where handle = 'voltline')) x
      where id = x.vid`);
    const fourth = await record(api, support, input);
    expect(fourth.generalFreeze).toMatchObject({ kind: 'GENERAL_FREEZE', automatic: true, active: true });
    expect(new Date(fourth.generalFreeze.endsAt).getTime() - Date.now()).toBeGreaterThan(29 * DAY);
    const [m] = await api.sql(`select status from merchant where handle = 'voltline'`);
    expect(m.status).toBe('GENERAL_FROZEN');
    const [audit] = await api.sql(
      `select actor_id, before, after from audit_log_entry where action = 'sanction.general_freeze.apply'`,
    );
    expect(audit).toMatchObject({
      actor_id: null,
      before: { status: 'ACTIVE' },
      after: { status: 'GENERAL_FROZEN' },
    });
    const staffMail = await api.sql(
      `select 1 from email_message where "to" = 'staff@voltline.example.com' and template = 'penalties.general-freeze'`,
    );
    expect(staffMail).toHaveLength(1);
    // A fifth while frozen does not freeze again.
    expect((await record(api, support, input)).generalFreeze).toBeNull();
    expect((await api.sql(`select count(*)::int as n from sanction`))[0].n).toBe(1);

    // Days 0, 10, 20 with the fourth on day 31: the day-0 one is out of the window, no freeze.
    const shopperInput = {
      subjectType: 'USER',
      subject: 'staff@lane-nine-design.example.com',
      ruleId: await ruleId(api, support),
      evidence: 'x',
    };
    for (let i = 0; i < 3; i++) await record(api, support, shopperInput);
    await api.sql(`update violation set recorded_at = now() - make_interval(days => (31 - 10 * (rn - 1))::int)
      from (select id as vid, row_number() over (order by id) as rn from violation where user_id = (select id from user_account where email = 'staff@lane-nine-design.example.com')) x
      where id = x.vid`);
    const late = await record(api, support, shopperInput);
    expect(late.generalFreeze).toBeNull();
    expect(
      (await api.sql(`select status from user_account where email = 'staff@lane-nine-design.example.com'`))[0]
        .status,
    ).toBe('ACTIVE');
  });

  test('two violations recorded at once still escalate exactly once', async ({ api, login }) => {
    const support = await login('support@example.com');
    const admin = await login('admin@example.com');
    const input = {
      subjectType: 'MERCHANT',
      subject: 'lane-nine-design',
      ruleId: await ruleId(api, support, 'MERCHANT_AGREEMENT'),
      evidence: 'Fake discount.',
    };
    for (let i = 0; i < 3; i++) await record(api, support, input);
    const [a, b] = await Promise.all([record(api, support, input), record(api, admin, input)]);
    expect([a.generalFreeze, b.generalFreeze].filter(Boolean)).toHaveLength(1);
    const sanctions = await api.sql(
      `select count(*)::int as n from sanction where merchant_id = (select id from merchant where handle = 'lane-nine-design')`,
    );
    expect(sanctions[0].n).toBe(1);
    expect(
      (
        await api.sql(
          `select count(*)::int as n from audit_log_entry where action = 'sanction.general_freeze.apply' and subject_type = 'MERCHANT' and subject_id = (select id from merchant where handle = 'lane-nine-design')`,
        )
      )[0].n,
    ).toBe(1);
    expect((await api.sql(`select status from merchant where handle = 'lane-nine-design'`))[0].status).toBe(
      'GENERAL_FROZEN',
    );
  });

  test('staff apply and lift a general freeze; it ends by itself at its end date; a stronger status is kept', async ({
    api,
    login,
  }) => {
    const admin = await login('admin@example.com');
    const support = await login('support@example.com');
    const subject = { subjectType: 'USER', subject: 'shopper2@example.com' };
    const endsAt = new Date(Date.now() + HOUR).toISOString();

    const before = await snapshot(api);
    expect(
      (await api.gql(APPLY, { input: { ...subject, reason: 'x' } }, { token: support })).errors?.[0]
        ?.extensions?.code,
    ).toBe('FORBIDDEN');
    for (const [input, code] of [
      [{ ...subject, reason: ' ' }, 'REASON_REQUIRED'],
      [{ ...subject, reason: 'x', endsAt: new Date(Date.now() - HOUR).toISOString() }, 'END_NOT_IN_FUTURE'],
      [{ subjectType: 'USER', subject: 'ghost@example.com', reason: 'x' }, 'SUBJECT_NOT_FOUND'],
      [{ subjectType: 'USER', subject: 'support@example.com', reason: 'x' }, 'SUBJECT_NOT_PENALIZABLE'],
    ] as const) {
      expect(
        (await api.gql(APPLY, { input }, { token: admin })).data.applyGeneralFreeze.userErrors[0].code,
      ).toBe(code);
    }
    expect(
      (await api.gql(LIFT, { input: { ...subject, reason: 'x' } }, { token: admin })).data.liftGeneralFreeze
        .userErrors[0].code,
    ).toBe('NOT_FROZEN');
    expect(await snapshot(api)).toEqual(before);

    const applied = await api.gql(
      APPLY,
      { input: { ...subject, reason: 'Repeated spam', endsAt } },
      { token: admin },
    );
    expect(applied.data.applyGeneralFreeze.sanction).toMatchObject({
      kind: 'GENERAL_FREEZE',
      active: true,
      automatic: false,
      reason: 'Repeated spam',
      subject: { status: 'GENERAL_FROZEN' },
    });
    const sanctionId = dbId(applied.data.applyGeneralFreeze.sanction.id);
    // A frozen shopper still signs in and browses.
    const frozenToken = await login('shopper2@example.com');
    expect((await api.gql('query { viewer { email } }', {}, { token: frozenToken })).data.viewer.email).toBe(
      'shopper2@example.com',
    );
    const twice = await api.gql(APPLY, { input: { ...subject, reason: 'again' } }, { token: admin });
    expect(twice.data.applyGeneralFreeze.userErrors[0].code).toBe('ALREADY_FROZEN');

    // The end-date job: early → nothing; at the end → lifted, ACTIVE again, audited as the platform.
    expect(await endSanction(em(api), config, sanctionId, new Date())).toBe(false);
    expect(await endSanction(em(api), config, sanctionId, new Date(Date.now() + 2 * HOUR))).toBe(true);
    expect(await endSanction(em(api), config, sanctionId, new Date(Date.now() + 3 * HOUR))).toBe(false);
    expect(
      (await api.sql(`select status from user_account where email = 'shopper2@example.com'`))[0].status,
    ).toBe('ACTIVE');
    const [expired] = await api.sql(
      `select actor_id, before, after from audit_log_entry where action = 'sanction.general_freeze.expire'`,
    );
    expect(expired).toMatchObject({
      actor_id: null,
      before: { status: 'GENERAL_FROZEN' },
      after: { status: 'ACTIVE' },
    });

    // Staff lift.
    await api.gql(APPLY, { input: { ...subject, reason: 'Again' } }, { token: admin });
    const lifted = await api.gql(
      LIFT,
      { input: { ...subject, reason: 'Appeal accepted' } },
      { token: admin },
    );
    expect(lifted.data.liftGeneralFreeze.sanction).toMatchObject({
      active: false,
      liftReason: 'Appeal accepted',
    });
    expect(
      (await api.sql(`select status from user_account where email = 'shopper2@example.com'`))[0].status,
    ).toBe('ACTIVE');

    // Never weakens a safe freeze: recorded, status untouched, and lifting it keeps SAFE_FROZEN.
    await api.sql(`update merchant set status = 'SAFE_FROZEN' where handle = 'formosa-roasters'`);
    const store = { subjectType: 'MERCHANT', subject: 'formosa-roasters' };
    const onSafe = await api.gql(
      APPLY,
      { input: { ...store, reason: 'Also frozen generally' } },
      { token: admin },
    );
    expect(onSafe.data.applyGeneralFreeze.sanction.subject.status).toBe('SAFE_FROZEN');
    await api.gql(LIFT, { input: { ...store, reason: 'Lifted' } }, { token: admin });
    expect((await api.sql(`select status from merchant where handle = 'formosa-roasters'`))[0].status).toBe(
      'SAFE_FROZEN',
    );
    await api.sql(`update merchant set status = 'ACTIVE' where handle = 'formosa-roasters'`);
  });
});

describe('general freeze and disable/enable', () => {
  test('disabling and enabling an account or store under a general freeze brings it back frozen', async ({
    api,
    login,
  }) => {
    const admin = await login('admin@example.com');
    const user = (await api.sql(`select id from user_account where email = 'shopper2@example.com'`))[0].id;
    const store = (await api.sql(`select id from merchant where handle = 'harbor-bridge-consulting'`))[0].id;
    const gid = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64url');
    for (const subject of [
      { subjectType: 'USER', subject: 'shopper2@example.com' },
      { subjectType: 'MERCHANT', subject: 'harbor-bridge-consulting' },
    ])
      await api.gql(APPLY, { input: { ...subject, reason: 'Spam' } }, { token: admin });

    const account = (name: string) =>
      `mutation ($id: ID!) { ${name}(userId: $id) { user { id } userErrors { code } } }`;
    expect(
      (await api.gql(account('disableAccount'), { id: gid('User', user) }, { token: admin })).errors,
    ).toBeUndefined();
    expect(
      (await api.gql(account('enableAccount'), { id: gid('User', user) }, { token: admin })).errors,
    ).toBeUndefined();
    expect((await api.sql('select status from user_account where id = $1', [user]))[0].status).toBe(
      'GENERAL_FROZEN',
    );

    const merchant = (name: string) =>
      `mutation ($id: ID!) { ${name}(id: $id, reason: "check") { merchant { id } userErrors { code } } }`;
    const off = await api.gql(merchant('disableMerchant'), { id: gid('Merchant', store) }, { token: admin });
    expect(off.data.disableMerchant.userErrors).toEqual([]);
    const on = await api.gql(merchant('enableMerchant'), { id: gid('Merchant', store) }, { token: admin });
    expect(on.data.enableMerchant.userErrors).toEqual([]);
    expect((await api.sql('select status from merchant where id = $1', [store]))[0].status).toBe(
      'GENERAL_FROZEN',
    );

    // Once lifted, the status is ACTIVE again.
    await api.gql(
      LIFT,
      { input: { subjectType: 'MERCHANT', subject: 'harbor-bridge-consulting', reason: 'ok' } },
      { token: admin },
    );
    expect((await api.sql('select status from merchant where id = $1', [store]))[0].status).toBe('ACTIVE');
  });
});

describe('merchant staff and staff queries', () => {
  test('store staff read their store’s violations and report corrections; other stores’ are not found', async ({
    api,
    login,
  }) => {
    const support = await login('support@example.com');
    const staff = await login('staff@harbor-bridge-consulting.example.com');
    const otherStaff = await login('staff@formosa-roasters.example.com');
    const { violation } = await record(api, support, {
      subjectType: 'MERCHANT',
      subject: 'harbor-bridge-consulting',
      ruleId: await ruleId(api, support, 'REFUSED_RETURN'),
      evidence: 'Refused a return.',
    });
    const mine = `query { myViolations(first: 5, openOnly: true) { nodes { id status subject { handle email } } } }`;
    expect((await api.gql(mine, {}, { token: staff })).data.myViolations.nodes).toEqual([
      { id: violation.id, status: 'OPEN', subject: { handle: 'harbor-bridge-consulting', email: null } },
    ]);
    expect((await api.gql(mine, {}, { token: otherStaff })).data.myViolations.nodes).toEqual([]);
    const request = CORRECTION('requestViolationCorrection');
    const other = await api.gql(
      request,
      { input: { violationId: violation.id, note: 'x' } },
      { token: otherStaff },
    );
    expect(other.data.requestViolationCorrection.userErrors[0].code).toBe('VIOLATION_NOT_FOUND');
    const ok = await api.gql(
      request,
      { input: { violationId: violation.id, note: 'Refund issued.' } },
      { token: staff },
    );
    expect(ok.data.requestViolationCorrection.violation.status).toBe('CORRECTION_REQUESTED');
    const rejected = await api.gql(
      CORRECTION('rejectViolationCorrection'),
      { input: { violationId: violation.id, note: 'No refund visible.' } },
      { token: support },
    );
    expect(rejected.data.rejectViolationCorrection.violation.status).toBe('OPEN');
    const staffQuery = `query { staffViolations(first: 5) { totalCount } }`;
    expect((await api.gql(staffQuery, {}, { token: staff })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  test('staffViolations filters; the audit log is admin-only, filterable, and append-only', async ({
    api,
    login,
  }) => {
    const support = await login('support@example.com');
    const admin = await login('admin@example.com');
    const rule = await ruleId(api, support, 'COUNTERFEIT_GOODS');
    const a = await record(api, support, {
      subjectType: 'MERCHANT',
      subject: 'voltline',
      ruleId: rule,
      evidence: 'Fake chargers.',
    });
    await record(api, support, {
      subjectType: 'USER',
      subject: 'shopper@example.com',
      ruleId: await ruleId(api, support),
      evidence: 'x',
    });

    const list = `query ($filter: ViolationsFilter, $after: String) { staffViolations(first: 1, filter: $filter, after: $after) {
      totalCount nodes { id subject { handle } rule { code } } pageInfo { hasNextPage endCursor } } }`;
    const byStore = await api.gql(
      list,
      { filter: { subjectType: 'MERCHANT', subject: 'voltline', ruleId: rule } },
      { token: support },
    );
    expect(byStore.data.staffViolations.totalCount).toBe(1);
    expect(byStore.data.staffViolations.nodes[0].id).toBe(a.violation.id);
    const all = await api.gql(list, {}, { token: support });
    expect(all.data.staffViolations.totalCount).toBe(
      (await api.sql('select count(*)::int as n from violation'))[0].n,
    );
    const next = await api.gql(
      list,
      { after: all.data.staffViolations.pageInfo.endCursor },
      { token: support },
    );
    expect(next.data.staffViolations.nodes[0].id).not.toBe(all.data.staffViolations.nodes[0].id);
    const detail = await api.gql(
      `query ($id: ID!) { staffViolation(id: $id) { id evidence recordedByName } }`,
      { id: a.violation.id },
      { token: support },
    );
    expect(detail.data.staffViolation).toMatchObject({
      evidence: 'Fake chargers.',
      recordedByName: 'Customer Service',
    });

    const log = `query ($filter: AuditLogFilter) { auditLog(first: 10, filter: $filter) { totalCount nodes { action subjectType subjectId actorEmail before after } } }`;
    expect((await api.gql(log, {}, { token: support })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const merchantId = (await api.sql(`select id from merchant where handle = 'voltline'`))[0].id;
    const filtered = await api.gql(
      log,
      { filter: { action: 'violation.', subjectType: 'MERCHANT', subjectId: merchantId } },
      { token: admin },
    );
    const nodes = filtered.data.auditLog.nodes;
    expect(nodes.length).toBeGreaterThan(1);
    expect(nodes[0]).toMatchObject({ action: 'violation.record', actorEmail: 'support@example.com' });
    expect(JSON.parse(nodes[0].after).id).toBe(dbId(a.violation.id));
    for (const node of nodes)
      expect(node).toMatchObject({
        subjectType: 'MERCHANT',
        subjectId: merchantId,
        action: expect.stringMatching(/^violation\./),
      });
    expect(JSON.parse(filtered.data.auditLog.nodes[0].after).status).toBe('OPEN');

    const count = (await api.sql('select count(*)::int as n from audit_log_entry'))[0].n;
    await expect(api.sql(`update audit_log_entry set reason = 'changed'`)).rejects.toThrow(/append-only/);
    await expect(api.sql(`delete from audit_log_entry`)).rejects.toThrow(/append-only/);
    expect((await api.sql('select count(*)::int as n from audit_log_entry'))[0].n).toBe(count);
    // No mutation of the API writes to the audit log other than by appending.
    const schema = await api.gql(`{ __schema { mutationType { fields { name } } } }`);
    const names = schema.data.__schema.mutationType.fields.map((f: { name: string }) => f.name);
    expect(names.filter((n: string) => /audit/i.test(n))).toEqual([]);
  });
});
