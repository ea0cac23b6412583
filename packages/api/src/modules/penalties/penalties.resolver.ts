import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { mapConnection, toGlobalId } from '../../graphql/relay.js';
import { UserEntity } from '../accounts/user.entity.js';
import { MerchantEntity } from '../catalog/merchant.entity.js';
import type { PenaltyRuleEntity, SanctionEntity, ViolationEntity } from './penalty.entity.js';
import {
  ApplyGeneralFreezeInput,
  GeneralFreezePayload,
  LiftGeneralFreezeInput,
  PenaltyRule,
  PenaltyRuleInput,
  PenaltyRulePayload,
  PenaltySubject,
  RecordViolationInput,
  RecordViolationPayload,
  Sanction,
  SanctionConnection,
  SanctionsFilter,
  UpdatePenaltyRuleInput,
  Violation,
  ViolationConnection,
  ViolationCorrectionInput,
  ViolationPayload,
  ViolationsFilter,
} from './penalties.types.js';

@ArgsType()
class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: 'Page size (at most 100).' })
  first!: number;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts.' })
  after?: string | null;
}

@ArgsType()
class StaffViolationsArgs extends PageArgs {
  @Field(() => ViolationsFilter, { nullable: true, description: 'Narrows the violations.' })
  filter?: ViolationsFilter | null;
}

@ArgsType()
class MyViolationsArgs extends PageArgs {
  @Field(() => Boolean, { nullable: true, description: 'Only warnings still to be corrected.' })
  openOnly?: boolean | null;
}

@ArgsType()
class StaffSanctionsArgs extends PageArgs {
  @Field(() => SanctionsFilter, { nullable: true, description: 'Narrows the sanctions.' })
  filter?: SanctionsFilter | null;
}

const isStaff = (ctx: Context) => ctx.viewer?.role === 'ADMIN' || ctx.viewer?.role === 'CUSTOMER_SERVICE';

async function subjectOf(
  ctx: Context,
  row: { user: { id: number } | null; merchant: { id: number } | null },
): Promise<PenaltySubject> {
  if (row.user) {
    const user = await ctx.em.findOneOrFail(UserEntity, { id: row.user.id }, { refresh: true });
    return Object.assign(new PenaltySubject(), {
      type: 'USER' as const,
      id: toGlobalId('User', user.id),
      name: user.displayName,
      email: isStaff(ctx) ? user.email : null,
      handle: null,
      status: user.status,
    });
  }
  const merchant = await ctx.em.findOneOrFail(MerchantEntity, { id: row.merchant!.id }, { refresh: true });
  return Object.assign(new PenaltySubject(), {
    type: 'MERCHANT' as const,
    id: toGlobalId('Merchant', merchant.id),
    name: merchant.nameEn,
    email: null,
    handle: merchant.handle,
    status: merchant.status,
  });
}

async function staffName(ctx: Context, user: { id: number } | null): Promise<string | null> {
  if (!user || !isStaff(ctx)) return null;
  return (await ctx.em.findOne(UserEntity, { id: user.id }))?.displayName ?? null;
}

const violation = (ctx: Context) => (row: ViolationEntity) => Violation.from(row, isStaff(ctx));
const rule = (row: PenaltyRuleEntity | null) => (row ? PenaltyRule.from(row) : null);
const sanction = (row: SanctionEntity | null) => (row ? Sanction.from(row) : null);

@Resolver(() => Violation)
export class PenaltiesResolver {
  // ------------------------------------------------------------ queries

  @Query(() => [PenaltyRule], { description: 'The rule list (platform staff). Active rules first.' })
  async penaltyRules(
    @Arg('includeInactive', () => Boolean, { defaultValue: false, description: 'Also rules no longer used.' })
    includeInactive: boolean,
    @Ctx() ctx: Context,
  ): Promise<PenaltyRule[]> {
    return (await ctx.services.penalties.penaltyRules(includeInactive)).map(PenaltyRule.from);
  }

  @Query(() => ViolationConnection, { description: 'Every violation, newest first (platform staff).' })
  async staffViolations(@Args() args: StaffViolationsArgs, @Ctx() ctx: Context) {
    return mapConnection(await ctx.services.penalties.staffViolations(args), violation(ctx));
  }

  @Query(() => Violation, { nullable: true, description: 'One violation (platform staff); null if unknown.' })
  async staffViolation(
    @Arg('id', () => ID, { description: 'The violation.' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<Violation | null> {
    const row = await ctx.services.penalties.staffViolation(id);
    return row ? violation(ctx)(row) : null;
  }

  @Query(() => SanctionConnection, {
    description: 'General freezes and other sanctions, newest first (platform staff).',
  })
  async staffSanctions(@Args() args: StaffSanctionsArgs, @Ctx() ctx: Context) {
    return mapConnection(await ctx.services.penalties.staffSanctions(args), Sanction.from);
  }

  @Query(() => ViolationConnection, {
    description:
      'The signed-in account’s own violations (warnings), newest first: against the account and, for merchant staff, against their store.',
  })
  async myViolations(@Args() args: MyViolationsArgs, @Ctx() ctx: Context) {
    return mapConnection(await ctx.services.penalties.myViolations(args), violation(ctx));
  }

  // ------------------------------------------------------------ mutations

  @Mutation(() => PenaltyRulePayload, { description: 'Adds a rule to the list (platform admins).' })
  async createPenaltyRule(
    @Arg('input', () => PenaltyRuleInput, {
      description: 'The request; each field is described on PenaltyRuleInput.',
    })
    input: PenaltyRuleInput,
    @Ctx() ctx: Context,
  ): Promise<PenaltyRulePayload> {
    const r = await ctx.services.penalties.forRequest(ctx.requestId).createPenaltyRule(input);
    return Object.assign(new PenaltyRulePayload(), { rule: rule(r.rule), userErrors: r.userErrors });
  }

  @Mutation(() => PenaltyRulePayload, {
    description: 'Changes a rule’s texts or deactivates it (platform admins).',
  })
  async updatePenaltyRule(
    @Arg('input', () => UpdatePenaltyRuleInput, {
      description: 'The request; each field is described on UpdatePenaltyRuleInput.',
    })
    input: UpdatePenaltyRuleInput,
    @Ctx() ctx: Context,
  ): Promise<PenaltyRulePayload> {
    const r = await ctx.services.penalties.forRequest(ctx.requestId).updatePenaltyRule(input.id, input);
    return Object.assign(new PenaltyRulePayload(), { rule: rule(r.rule), userErrors: r.userErrors });
  }

  @Mutation(() => RecordViolationPayload, {
    description:
      'Records a violation against a user or store (platform admins and customer service): the account gets a warning (in-site message and email) to correct within 3 days; more than three violations within 30 days apply a general freeze automatically.',
  })
  async recordViolation(
    @Arg('input', () => RecordViolationInput, {
      description: 'The request; each field is described on RecordViolationInput.',
    })
    input: RecordViolationInput,
    @Ctx() ctx: Context,
  ): Promise<RecordViolationPayload> {
    const r = await ctx.services.penalties.forRequest(ctx.requestId).recordViolation(input);
    return Object.assign(new RecordViolationPayload(), {
      violation: r.violation ? violation(ctx)(r.violation) : null,
      generalFreeze: sanction(r.generalFreeze),
      userErrors: r.userErrors,
    });
  }

  @Mutation(() => ViolationPayload, {
    description: 'Confirms that a warning’s behaviour was corrected (platform admins and customer service).',
  })
  async markViolationCorrected(
    @Arg('input', () => ViolationCorrectionInput, {
      description: 'The request; each field is described on ViolationCorrectionInput.',
    })
    input: ViolationCorrectionInput,
    @Ctx() ctx: Context,
  ): Promise<ViolationPayload> {
    const r = await ctx.services.penalties
      .forRequest(ctx.requestId)
      .markViolationCorrected(input.violationId, input.note);
    return Object.assign(new ViolationPayload(), {
      violation: r.violation ? violation(ctx)(r.violation) : null,
      userErrors: r.userErrors,
    });
  }

  @Mutation(() => ViolationPayload, {
    description: 'Rejects a correction the account reported; the warning is open again (platform staff).',
  })
  async rejectViolationCorrection(
    @Arg('input', () => ViolationCorrectionInput, {
      description: 'The request; each field is described on ViolationCorrectionInput.',
    })
    input: ViolationCorrectionInput,
    @Ctx() ctx: Context,
  ): Promise<ViolationPayload> {
    const r = await ctx.services.penalties
      .forRequest(ctx.requestId)
      .rejectViolationCorrection(input.violationId, input.note ?? '');
    return Object.assign(new ViolationPayload(), {
      violation: r.violation ? violation(ctx)(r.violation) : null,
      userErrors: r.userErrors,
    });
  }

  @Mutation(() => ViolationPayload, {
    description:
      '“I corrected it”: the affected shopper or a staff member of the affected store reports the correction; platform staff confirm it.',
  })
  async requestViolationCorrection(
    @Arg('input', () => ViolationCorrectionInput, {
      description: 'The request; each field is described on ViolationCorrectionInput.',
    })
    input: ViolationCorrectionInput,
    @Ctx() ctx: Context,
  ): Promise<ViolationPayload> {
    const r = await ctx.services.penalties
      .forRequest(ctx.requestId)
      .requestViolationCorrection(input.violationId, input.note ?? '');
    return Object.assign(new ViolationPayload(), {
      violation: r.violation ? violation(ctx)(r.violation) : null,
      userErrors: r.userErrors,
    });
  }

  @Mutation(() => GeneralFreezePayload, {
    description: 'Puts a user or store under a general freeze, optionally until a date (platform admins).',
  })
  async applyGeneralFreeze(
    @Arg('input', () => ApplyGeneralFreezeInput, {
      description: 'The request; each field is described on ApplyGeneralFreezeInput.',
    })
    input: ApplyGeneralFreezeInput,
    @Ctx() ctx: Context,
  ): Promise<GeneralFreezePayload> {
    const r = await ctx.services.penalties.forRequest(ctx.requestId).applyGeneralFreeze(input);
    return Object.assign(new GeneralFreezePayload(), {
      sanction: sanction(r.sanction),
      userErrors: r.userErrors,
    });
  }

  @Mutation(() => GeneralFreezePayload, {
    description: 'Lifts a user’s or store’s general freeze (platform admins).',
  })
  async liftGeneralFreeze(
    @Arg('input', () => LiftGeneralFreezeInput, {
      description: 'The request; each field is described on LiftGeneralFreezeInput.',
    })
    input: LiftGeneralFreezeInput,
    @Ctx() ctx: Context,
  ): Promise<GeneralFreezePayload> {
    const r = await ctx.services.penalties.forRequest(ctx.requestId).liftGeneralFreeze(input);
    return Object.assign(new GeneralFreezePayload(), {
      sanction: sanction(r.sanction),
      userErrors: r.userErrors,
    });
  }

  // ------------------------------------------------------------ fields

  @FieldResolver(() => PenaltySubject, { description: 'The user or store it is about.' })
  subject(@Root() v: Violation, @Ctx() ctx: Context): Promise<PenaltySubject> {
    return subjectOf(ctx, v.row);
  }

  @FieldResolver(() => PenaltyRule, { description: 'The rule that was broken.' })
  async rule(@Root() v: Violation, @Ctx() ctx: Context): Promise<PenaltyRule> {
    await ctx.em.populate(v.row, ['rule']);
    return PenaltyRule.from(v.row.rule);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Staff member who recorded it (platform staff only).',
  })
  recordedByName(@Root() v: Violation, @Ctx() ctx: Context): Promise<string | null> {
    return staffName(ctx, v.row.recordedBy);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Staff member who confirmed the correction (platform staff only).',
  })
  correctedByName(@Root() v: Violation, @Ctx() ctx: Context): Promise<string | null> {
    return staffName(ctx, v.row.correctedBy);
  }
}

@Resolver(() => Sanction)
export class SanctionResolver {
  @FieldResolver(() => PenaltySubject, { description: 'The user or store it is about.' })
  subject(@Root() s: Sanction, @Ctx() ctx: Context): Promise<PenaltySubject> {
    return subjectOf(ctx, s.row);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Staff member who applied it (null: automatic).',
  })
  createdByName(@Root() s: Sanction, @Ctx() ctx: Context): Promise<string | null> {
    return staffName(ctx, s.row.createdBy);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Staff member who lifted it (null: not lifted or at its end date).',
  })
  liftedByName(@Root() s: Sanction, @Ctx() ctx: Context): Promise<string | null> {
    return staffName(ctx, s.row.liftedBy);
  }
}
