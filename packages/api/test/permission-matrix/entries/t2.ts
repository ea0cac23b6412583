import {
  ADMIN_ONLY,
  type MatrixContext,
  type MatrixEntry,
  PLATFORM_STAFF,
  type Target,
  userError,
} from '../types.js';

/**
 * Permission-matrix entries for slice T2 (violations, warnings, general freeze, audit log).
 * - Platform staff (admins and customer service) read violations and sanctions, record violations and confirm or
 *   reject corrections; admins alone edit the rule list, apply or lift general freezes and read the audit log.
 * - Only the affected account answers a warning ("I corrected it"): merchant staff for their own store's violations
 *   (also under a safe freeze: capability `violation.respond`); anyone else gets VIOLATION_NOT_FOUND.
 * Every arranging step keeps the stores' standing as it was: violations made here are moved out of the 30-day
 * window and any general freeze is lifted again, so other entries of the group see ACTIVE stores.
 */

const storeOf = (ctx: MatrixContext, target: Target) =>
  target === 'B' ? ctx.world.storeB : ctx.world.storeA;

/** Moves the store's violations out of the escalation window and ends its general freezes (arranging only). */
async function resetStanding(ctx: MatrixContext, storeId: number) {
  await ctx.api.sql(
    `update violation set recorded_at = recorded_at - interval '60 days' where merchant_id = $1 and recorded_at > now() - interval '31 days'`,
    [storeId],
  );
  const frozen = await ctx.api.sql(
    `update sanction set lifted_at = now(), lift_reason = 'permission matrix' where merchant_id = $1 and lifted_at is null returning id`,
    [storeId],
  );
  if (frozen.length)
    await ctx.api.sql(`update merchant set status = 'ACTIVE' where id = $1 and status = 'GENERAL_FROZEN'`, [
      storeId,
    ]);
}

/** A violation against the store, inserted directly, in `status`. */
async function violationOf(ctx: MatrixContext, target: Target, status = 'OPEN') {
  const store = storeOf(ctx, target);
  await resetStanding(ctx, store.id);
  const [row] = await ctx.api.sql<{ id: number }>(
    `insert into violation (subject_type, merchant_id, rule_id, evidence, status, recorded_at, correction_due_at)
     values ('MERCHANT', $1, (select id from penalty_rule where code = 'MERCHANT_AGREEMENT'), 'matrix evidence', $2,
             now() - interval '40 days', now() + interval '3 days') returning id`,
    [store.id, status],
  );
  return { store, id: Buffer.from(`Violation:${row!.id}`).toString('base64url') };
}

const VIOLATION_PAYLOAD = 'violation { id status } userErrors { code }';
const correction = (name: string) =>
  `mutation ($input: ViolationCorrectionInput!) { ${name}(input: $input) { ${VIOLATION_PAYLOAD} } }`;

const listCase = (query: string, expect: MatrixEntry['cases'][number]['expect']): MatrixEntry['cases'] => [
  { target: 'none', reusable: true, prepare: async () => ({ query }), expect },
];

const perStore = (build: (target: 'A' | 'B') => MatrixEntry['cases'][number]): MatrixEntry['cases'] => [
  build('A'),
  build('B'),
];

export const t2Entries: MatrixEntry[] = [
  {
    operation: 'penaltyRules',
    kind: 'query',
    cases: listCase('query { penaltyRules { id code } }', PLATFORM_STAFF),
  },
  {
    operation: 'staffViolations',
    kind: 'query',
    cases: listCase('query { staffViolations(first: 5) { totalCount nodes { id } } }', PLATFORM_STAFF),
  },
  {
    operation: 'staffSanctions',
    kind: 'query',
    cases: listCase('query { staffSanctions(first: 5) { totalCount nodes { id } } }', PLATFORM_STAFF),
  },
  {
    operation: 'auditLog',
    kind: 'query',
    cases: listCase('query { auditLog(first: 5) { totalCount nodes { id action } } }', ADMIN_ONLY),
  },
  {
    operation: 'staffViolation',
    kind: 'query',
    cases: perStore((target) => ({
      target,
      reusable: true,
      async prepare(ctx) {
        const v = await violationOf(ctx, target);
        return { query: 'query ($id: ID!) { staffViolation(id: $id) { id } }', variables: { id: v.id } };
      },
      expect: PLATFORM_STAFF,
      note: 'merchant staff read their own store’s violations through myViolations',
    })),
  },
  {
    operation: 'createPenaltyRule',
    kind: 'mutation',
    cases: [
      {
        target: 'none',
        async prepare(ctx) {
          const [row] = await ctx.api.sql<{ n: number }>('select count(*)::int as n from penalty_rule');
          const n = row?.n ?? 0;
          return {
            query: `mutation ($input: PenaltyRuleInput!) { createPenaltyRule(input: $input) { rule { id } userErrors { code } } }`,
            variables: { input: { code: `MATRIX_${n + 1}`, titleEn: 'Matrix rule', titleZh: '測試規則' } },
          };
        },
        expect: ADMIN_ONLY,
      },
    ],
  },
  {
    operation: 'updatePenaltyRule',
    kind: 'mutation',
    singleTarget: 'penalty rules belong to the platform, not to a store',
    cases: [
      {
        target: 'none',
        reusable: true,
        async prepare(ctx) {
          const [rule] = await ctx.api.sql<{ id: number }>(
            `select id from penalty_rule where code = 'USER_AGREEMENT'`,
          );
          return {
            query: `mutation ($input: UpdatePenaltyRuleInput!) { updatePenaltyRule(input: $input) { rule { id } userErrors { code } } }`,
            variables: {
              input: {
                id: Buffer.from(`PenaltyRule:${rule!.id}`).toString('base64url'),
                titleEn: 'Breach of the user agreement',
              },
            },
          };
        },
        expect: ADMIN_ONLY,
      },
    ],
  },
  {
    operation: 'recordViolation',
    kind: 'mutation',
    cases: perStore((target) => ({
      target,
      async prepare(ctx) {
        const store = storeOf(ctx, target);
        await resetStanding(ctx, store.id);
        const [rule] = await ctx.api.sql<{ id: number }>(
          `select id from penalty_rule where code = 'MERCHANT_AGREEMENT'`,
        );
        return {
          query: `mutation ($input: RecordViolationInput!) { recordViolation(input: $input) { ${VIOLATION_PAYLOAD} } }`,
          variables: {
            input: {
              subjectType: 'MERCHANT',
              subject: store.gid,
              ruleId: Buffer.from(`PenaltyRule:${rule!.id}`).toString('base64url'),
              evidence: 'matrix evidence',
            },
          },
          verify: () => resetStanding(ctx, store.id),
        };
      },
      expect: PLATFORM_STAFF,
    })),
  },
  {
    operation: 'markViolationCorrected',
    kind: 'mutation',
    cases: perStore((target) => ({
      target,
      async prepare(ctx) {
        const v = await violationOf(ctx, target);
        return { query: correction('markViolationCorrected'), variables: { input: { violationId: v.id } } };
      },
      expect: PLATFORM_STAFF,
      note: 'merchant staff report a correction (requestViolationCorrection); platform staff confirm it',
    })),
  },
  {
    operation: 'rejectViolationCorrection',
    kind: 'mutation',
    cases: perStore((target) => ({
      target,
      async prepare(ctx) {
        const v = await violationOf(ctx, target, 'CORRECTION_REQUESTED');
        return {
          query: correction('rejectViolationCorrection'),
          variables: { input: { violationId: v.id, note: 'not visible yet' } },
        };
      },
      expect: PLATFORM_STAFF,
    })),
  },
  {
    operation: 'requestViolationCorrection',
    kind: 'mutation',
    cases: perStore((target) => ({
      target,
      async prepare(ctx) {
        const v = await violationOf(ctx, target);
        return {
          query: correction('requestViolationCorrection'),
          variables: { input: { violationId: v.id, note: 'fixed the listing' } },
        };
      },
      // Only the affected store answers its warning; for anyone else it does not exist.
      expect: {
        guest: 'UNAUTHENTICATED',
        shopper: userError('VIOLATION_NOT_FOUND'),
        staffA: target === 'A' ? 'ALLOWED' : userError('VIOLATION_NOT_FOUND'),
        support: userError('VIOLATION_NOT_FOUND'),
        admin: userError('VIOLATION_NOT_FOUND'),
      },
      ...(target === 'A' ? { frozenA: 'ALLOWED' as const } : {}),
      note: 'a frozen store can still answer a warning (capability violation.respond)',
    })),
  },
  {
    operation: 'applyGeneralFreeze',
    kind: 'mutation',
    cases: perStore((target) => ({
      target,
      async prepare(ctx) {
        const store = storeOf(ctx, target);
        await resetStanding(ctx, store.id);
        return {
          query: `mutation ($input: ApplyGeneralFreezeInput!) { applyGeneralFreeze(input: $input) { sanction { id } userErrors { code } } }`,
          variables: { input: { subjectType: 'MERCHANT', subject: store.gid, reason: 'matrix' } },
          verify: () => resetStanding(ctx, store.id),
        };
      },
      expect: ADMIN_ONLY,
    })),
  },
  {
    operation: 'liftGeneralFreeze',
    kind: 'mutation',
    cases: perStore((target) => ({
      target,
      async prepare(ctx) {
        const store = storeOf(ctx, target);
        await resetStanding(ctx, store.id);
        await ctx.as(
          'admin',
          `mutation ($input: ApplyGeneralFreezeInput!) { applyGeneralFreeze(input: $input) { userErrors { code } } }`,
          {
            input: { subjectType: 'MERCHANT', subject: store.gid, reason: 'matrix' },
          },
        );
        return {
          query: `mutation ($input: LiftGeneralFreezeInput!) { liftGeneralFreeze(input: $input) { sanction { id } userErrors { code } } }`,
          variables: { input: { subjectType: 'MERCHANT', subject: store.gid, reason: 'matrix' } },
          verify: () => resetStanding(ctx, store.id),
        };
      },
      expect: ADMIN_ONLY,
    })),
  },
];
