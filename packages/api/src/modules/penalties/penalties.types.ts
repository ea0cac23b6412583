import {
  PENALTY_SUBJECT_TYPES,
  type PenaltySubjectType as SubjectTypeValue,
  SANCTION_KINDS,
  type SanctionKind as SanctionKindValue,
  VIOLATION_STATUSES,
  type ViolationStatus as ViolationStatusValue,
} from '@marketplace/core';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { BaseUserError } from '../../graphql/errors.js';
import { connectionTypes, toGlobalId } from '../../graphql/relay.js';
import type {
  FreezeErrorCode,
  RuleErrorCode,
  ViolationErrorCode as ViolationCode,
} from './penalties.service.js';
import type { PenaltyRuleEntity, SanctionEntity, ViolationEntity } from './penalty.entity.js';

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const PenaltySubjectType = enumOf(PENALTY_SUBJECT_TYPES);
registerEnumType(PenaltySubjectType, {
  name: 'PenaltySubjectType',
  description: 'Whom a violation or sanction is about.',
  valuesConfig: {
    USER: { description: 'One user account (a shopper, or one merchant staff member personally).' },
    MERCHANT: { description: 'A store: every staff member of it is affected.' },
  },
});

export const ViolationStatus = enumOf(VIOLATION_STATUSES);
registerEnumType(ViolationStatus, {
  name: 'ViolationStatus',
  description: 'The state of a violation’s warning (3-day correction deadline).',
  valuesConfig: {
    OPEN: { description: 'Warning active: the behaviour must be corrected by `correctionDueAt`.' },
    CORRECTION_REQUESTED: {
      description: 'The account says it corrected it; platform staff have to confirm.',
    },
    CORRECTED: { description: 'Platform staff confirmed the correction.' },
    UNCORRECTED: {
      description: 'The deadline passed uncorrected: a second violation was recorded automatically.',
    },
  },
});

export const SanctionKind = enumOf(SANCTION_KINDS);
registerEnumType(SanctionKind, {
  name: 'SanctionKind',
  description: 'A restriction of an account or store (warnings are the violations themselves).',
  valuesConfig: {
    GENERAL_FREEZE: {
      description:
        'Browse and reply to messages only: no posting, publishing, editing, reviews or new conversations.',
    },
    SAFE_FREEZE: { description: 'Store off sale, funds frozen, management center read-only.' },
    DELETION: { description: 'Account permanently frozen.' },
  },
});

@ObjectType('PenaltyRule', {
  description: 'A rule of the user or merchant agreement violations are recorded against.',
})
export class PenaltyRule {
  @Field(() => ID, { description: 'Opaque global ID.' })
  id!: string;

  @Field({ description: 'Stable upper-case code, e.g. `COUNTERFEIT_GOODS`.' })
  code!: string;

  @Field({ description: 'Title in English.' })
  titleEn!: string;

  @Field({ description: 'Title in Traditional Chinese.' })
  titleZh!: string;

  @Field({ description: 'Description in English.' })
  descriptionEn!: string;

  @Field({ description: 'Description in Traditional Chinese.' })
  descriptionZh!: string;

  @Field({ description: 'Whether new violations may use it.' })
  active!: boolean;

  @Field({ description: 'Last change.' })
  updatedAt!: Date;

  static from(row: PenaltyRuleEntity): PenaltyRule {
    return Object.assign(new PenaltyRule(), {
      id: toGlobalId('PenaltyRule', row.id),
      code: row.code,
      titleEn: row.titleEn,
      titleZh: row.titleZh,
      descriptionEn: row.descriptionEn,
      descriptionZh: row.descriptionZh,
      active: row.active,
      updatedAt: row.updatedAt,
    });
  }
}

@ObjectType('PenaltySubject', { description: 'The user account or store a violation or sanction is about.' })
export class PenaltySubject {
  @Field(() => PenaltySubjectType, { description: 'User or store.' })
  type!: SubjectTypeValue;

  @Field(() => ID, { description: 'Global ID of the `User` or `Merchant`.' })
  id!: string;

  @Field({ description: 'Display name of the user, or the store’s name.' })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The user’s email (platform staff only; null for stores).',
  })
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'The store’s handle (null for users).' })
  handle!: string | null;

  @Field({
    description: 'Current status of the account or store (e.g. ACTIVE, GENERAL_FROZEN, SAFE_FROZEN).',
  })
  status!: string;
}

@ObjectType('EvidenceAttachment', { description: 'An image attached to a violation as evidence.' })
export class EvidenceAttachment {
  @Field({ description: 'The upload’s id (`POST /media/uploads`).' })
  uploadId!: string;

  @Field({ description: 'Where the image is served (relative to the API origin).' })
  url!: string;
}

@ObjectType('Violation', {
  description: 'A violation recorded against a user or store: a warning to correct within 3 days.',
})
export class Violation {
  @Field(() => ID, { description: 'Opaque global ID.' })
  id!: string;

  @Field(() => ViolationStatus, { description: 'State of the warning.' })
  status!: ViolationStatusValue;

  @Field({ description: 'What the platform saw (text).' })
  evidence!: string;

  @Field(() => [EvidenceAttachment], { description: 'Evidence images.' })
  attachments!: EvidenceAttachment[];

  @Field(() => String, { nullable: true, description: 'Internal note by staff (platform staff only).' })
  note!: string | null;

  @Field({ description: 'When it was recorded.' })
  recordedAt!: Date;

  @Field({ description: 'The warning must be corrected by then (3 days after `recordedAt`).' })
  correctionDueAt!: Date;

  @Field({
    description: 'Recorded automatically by the platform (a second warning after a missed deadline).',
  })
  automatic!: boolean;

  @Field(() => ID, {
    nullable: true,
    description: 'The violation whose uncorrected warning led to this one.',
  })
  repeatOfId!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the account reported the correction.' })
  correctionRequestedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'What the account said it corrected.' })
  correctionNote!: string | null;

  @Field(() => Date, { nullable: true, description: 'When staff confirmed the correction.' })
  correctedAt!: Date | null;

  row!: ViolationEntity;
  staff!: boolean;

  static from(row: ViolationEntity, staff: boolean): Violation {
    return Object.assign(new Violation(), {
      id: toGlobalId('Violation', row.id),
      status: row.status,
      evidence: row.evidence,
      attachments: row.attachments.map((a) => ({ uploadId: a.uploadId, url: `/media/${a.path}` })),
      note: staff ? row.note : null,
      recordedAt: row.recordedAt,
      correctionDueAt: row.correctionDueAt,
      automatic: row.recordedBy === null,
      repeatOfId: row.repeatOf ? toGlobalId('Violation', row.repeatOf.id) : null,
      correctionRequestedAt: row.correctionRequestedAt,
      correctionNote: row.correctionNote,
      correctedAt: row.correctedAt,
      row,
      staff,
    });
  }
}

@ObjectType('Sanction', {
  description: 'A general freeze (or safe freeze, deletion) of a user or store, with reason and end.',
})
export class Sanction {
  @Field(() => ID, { description: 'Opaque global ID.' })
  id!: string;

  @Field(() => SanctionKind, { description: 'What kind of restriction.' })
  kind!: SanctionKindValue;

  @Field({ description: 'Why (shown to the account).' })
  reason!: string;

  @Field({ description: 'Applied automatically (more than three violations within 30 days).' })
  automatic!: boolean;

  @Field({ description: 'When it started.' })
  startsAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it ends by itself; null: until lifted by staff.' })
  endsAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was lifted (by staff or at its end date).' })
  liftedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was lifted.' })
  liftReason!: string | null;

  @Field({ description: 'Whether it is in force now (not lifted).' })
  active!: boolean;

  @Field(() => ID, { nullable: true, description: 'The violation that triggered an automatic freeze.' })
  violationId!: string | null;

  row!: SanctionEntity;

  static from(row: SanctionEntity): Sanction {
    return Object.assign(new Sanction(), {
      id: toGlobalId('Sanction', row.id),
      kind: row.kind,
      reason: row.reason,
      automatic: row.automatic,
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      liftedAt: row.liftedAt,
      liftReason: row.liftReason,
      active: row.liftedAt === null,
      violationId: row.violation ? toGlobalId('Violation', row.violation.id) : null,
      row,
    });
  }
}

const { Connection: ViolationConnectionBase } = connectionTypes(Violation, 'Violation');
@ObjectType('ViolationConnection', { description: 'A page of violations, newest first.' })
export class ViolationConnection extends ViolationConnectionBase {}

const { Connection: SanctionConnectionBase } = connectionTypes(Sanction, 'Sanction');
@ObjectType('SanctionConnection', { description: 'A page of sanctions, newest first.' })
export class SanctionConnection extends SanctionConnectionBase {}

@InputType('ViolationsFilter', { description: 'Narrows `staffViolations`.' })
export class ViolationsFilter {
  @Field(() => PenaltySubjectType, { nullable: true, description: 'Only users or only stores.' })
  subjectType?: SubjectTypeValue | null;

  @Field(() => String, {
    nullable: true,
    description: 'One subject: global ID, a user’s email or a store’s handle (needs `subjectType`).',
  })
  subject?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only this rule.' })
  ruleId?: string | null;

  @Field(() => ViolationStatus, { nullable: true, description: 'Only this status.' })
  status?: ViolationStatusValue | null;

  @Field(() => Date, { nullable: true, description: 'Recorded at or after.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Recorded before.' })
  to?: Date | null;
}

@InputType('SanctionsFilter', { description: 'Narrows `staffSanctions`.' })
export class SanctionsFilter {
  @Field(() => PenaltySubjectType, { nullable: true, description: 'Only users or only stores.' })
  subjectType?: SubjectTypeValue | null;

  @Field(() => String, {
    nullable: true,
    description: 'One subject: global ID, a user’s email or a store’s handle (needs `subjectType`).',
  })
  subject?: string | null;

  @Field(() => SanctionKind, { nullable: true, description: 'Only this kind.' })
  kind?: SanctionKindValue | null;

  @Field(() => Boolean, { nullable: true, description: 'Only sanctions in force.' })
  activeOnly?: boolean | null;
}

// ------------------------------------------------------------------ inputs

@InputType('PenaltyRuleInput', {
  description: 'A rule’s texts (create: all required; update: omitted = unchanged).',
})
export class PenaltyRuleInput {
  @Field(() => String, { nullable: true, description: 'Code (create only), e.g. `SPAM_LISTINGS`.' })
  code?: string | null;

  @Field(() => String, { nullable: true, description: 'Title in English.' })
  titleEn?: string | null;

  @Field(() => String, { nullable: true, description: 'Title in Traditional Chinese.' })
  titleZh?: string | null;

  @Field(() => String, { nullable: true, description: 'Description in English.' })
  descriptionEn?: string | null;

  @Field(() => String, { nullable: true, description: 'Description in Traditional Chinese.' })
  descriptionZh?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether new violations may use it.' })
  active?: boolean | null;
}

@InputType('UpdatePenaltyRuleInput', { description: 'Changes a rule.' })
export class UpdatePenaltyRuleInput extends PenaltyRuleInput {
  @Field(() => ID, { description: 'The rule.' })
  id!: string;
}

@InputType('RecordViolationInput', { description: 'A violation to record against a user or store.' })
export class RecordViolationInput {
  @Field(() => PenaltySubjectType, { description: 'A user account or a store.' })
  subjectType!: SubjectTypeValue;

  @Field({ description: 'The user (global ID or email) or store (global ID or handle).' })
  subject!: string;

  @Field(() => ID, { description: 'The rule that was broken.' })
  ruleId!: string;

  @Field({ description: 'What was seen (shown to the account).' })
  evidence!: string;

  @Field(() => [String], {
    nullable: true,
    description: 'Evidence images: `uploadId`s from `POST /media/uploads`.',
  })
  attachmentUploadIds?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Internal note for staff.' })
  note?: string | null;
}

@InputType('ViolationCorrectionInput', { description: 'Confirms, rejects or reports a correction.' })
export class ViolationCorrectionInput {
  @Field(() => ID, { description: 'The violation.' })
  violationId!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'What was corrected (required when the account reports it) or why staff reject it (required).',
  })
  note?: string | null;
}

@InputType('ApplyGeneralFreezeInput', { description: 'A general freeze decided by staff.' })
export class ApplyGeneralFreezeInput {
  @Field(() => PenaltySubjectType, { description: 'A user account or a store.' })
  subjectType!: SubjectTypeValue;

  @Field({ description: 'The user (global ID or email) or store (global ID or handle).' })
  subject!: string;

  @Field({ description: 'Why (shown to the account).' })
  reason!: string;

  @Field(() => Date, { nullable: true, description: 'When it ends by itself; omitted: until lifted.' })
  endsAt?: Date | null;
}

@InputType('LiftGeneralFreezeInput', { description: 'Ends a general freeze early.' })
export class LiftGeneralFreezeInput {
  @Field(() => PenaltySubjectType, { description: 'A user account or a store.' })
  subjectType!: SubjectTypeValue;

  @Field({ description: 'The user (global ID or email) or store (global ID or handle).' })
  subject!: string;

  @Field({ description: 'Why it is lifted.' })
  reason!: string;
}

// ------------------------------------------------------------------ errors and payloads

function errorEnum<C extends string>(name: string, action: string, descriptions: Record<C, string>) {
  const values = Object.fromEntries(Object.keys(descriptions).map((c) => [c, c])) as { [K in C]: K };
  registerEnumType(values, {
    name: `${name}ErrorCode`,
    description: `Why ${action} refused.`,
    valuesConfig: Object.fromEntries(
      Object.entries(descriptions).map(([k, d]) => [k, { description: d as string }]),
    ) as Partial<Record<C, { description: string }>>,
  });
  return values;
}

const PenaltyRuleErrorCode = errorEnum<RuleErrorCode>(
  'PenaltyRule',
  '`createPenaltyRule`/`updatePenaltyRule`',
  {
    RULE_NOT_FOUND: 'There is no rule with this ID.',
    CODE_INVALID: 'The code is not 2–60 capital letters, digits or underscores starting with a letter.',
    CODE_TAKEN: 'A rule with this code exists.',
    TITLE_REQUIRED: 'A title is missing in one language.',
    TOO_LONG: 'A text is too long.',
  },
);

const ViolationErrorCode = errorEnum<ViolationCode>('Violation', 'a violation mutation', {
  SUBJECT_NOT_FOUND: 'There is no such account or store.',
  SUBJECT_NOT_PENALIZABLE: 'Platform staff, yourself and deleted stores cannot get violations.',
  RULE_NOT_FOUND: 'There is no rule with this ID.',
  RULE_INACTIVE: 'The rule is no longer used.',
  EVIDENCE_REQUIRED: 'The evidence is empty.',
  TOO_LONG: 'A text is too long.',
  ATTACHMENT_INVALID: 'An attachment is not a stored upload.',
  TOO_MANY_ATTACHMENTS: 'More than 10 attachments.',
  VIOLATION_NOT_FOUND: 'There is no violation with this ID (or it is not yours).',
  INVALID_STATUS: 'The violation’s status does not allow this.',
  REASON_REQUIRED: 'A note or reason is required.',
});

const GeneralFreezeErrorCode = errorEnum<FreezeErrorCode>(
  'GeneralFreeze',
  '`applyGeneralFreeze`/`liftGeneralFreeze`',
  {
    SUBJECT_NOT_FOUND: 'There is no such account or store.',
    SUBJECT_NOT_PENALIZABLE: 'Platform staff, yourself and deleted stores cannot be frozen.',
    REASON_REQUIRED: 'The reason is empty.',
    TOO_LONG: 'The reason is too long.',
    END_NOT_IN_FUTURE: 'The end date is not in the future.',
    ALREADY_FROZEN: 'The account is already under a general freeze.',
    NOT_FROZEN: 'The account is not under a general freeze.',
  },
);

@ObjectType('PenaltyRuleUserError', { implements: BaseUserError, description: 'Why the rule is unchanged.' })
export class PenaltyRuleUserError extends BaseUserError {
  @Field(() => PenaltyRuleErrorCode, { description: 'Machine-readable reason.' })
  code!: RuleErrorCode;
}

@ObjectType('ViolationUserError', {
  implements: BaseUserError,
  description: 'Why the violation is unchanged.',
})
export class ViolationUserError extends BaseUserError {
  @Field(() => ViolationErrorCode, { description: 'Machine-readable reason.' })
  code!: ViolationCode;
}

@ObjectType('GeneralFreezeUserError', {
  implements: BaseUserError,
  description: 'Why nothing was frozen or lifted.',
})
export class GeneralFreezeUserError extends BaseUserError {
  @Field(() => GeneralFreezeErrorCode, { description: 'Machine-readable reason.' })
  code!: FreezeErrorCode;
}

@ObjectType('PenaltyRulePayload', { description: 'Result of `createPenaltyRule`/`updatePenaltyRule`.' })
export class PenaltyRulePayload {
  @Field(() => PenaltyRule, { nullable: true, description: 'The rule as saved.' })
  rule!: PenaltyRule | null;

  @Field(() => [PenaltyRuleUserError], { description: 'Why nothing changed; empty on success.' })
  userErrors!: PenaltyRuleUserError[];
}

@ObjectType('RecordViolationPayload', { description: 'Result of `recordViolation`.' })
export class RecordViolationPayload {
  @Field(() => Violation, { nullable: true, description: 'The recorded violation (its warning).' })
  violation!: Violation | null;

  @Field(() => Sanction, {
    nullable: true,
    description:
      'The general freeze this violation triggered automatically (more than three within 30 days).',
  })
  generalFreeze!: Sanction | null;

  @Field(() => [ViolationUserError], { description: 'Why nothing was recorded; empty on success.' })
  userErrors!: ViolationUserError[];
}

@ObjectType('ViolationPayload', { description: 'Result of a correction mutation.' })
export class ViolationPayload {
  @Field(() => Violation, { nullable: true, description: 'The violation as it is now.' })
  violation!: Violation | null;

  @Field(() => [ViolationUserError], { description: 'Why nothing changed; empty on success.' })
  userErrors!: ViolationUserError[];
}

@ObjectType('GeneralFreezePayload', { description: 'Result of `applyGeneralFreeze`/`liftGeneralFreeze`.' })
export class GeneralFreezePayload {
  @Field(() => Sanction, { nullable: true, description: 'The freeze applied or lifted.' })
  sanction!: Sanction | null;

  @Field(() => [GeneralFreezeUserError], { description: 'Why nothing changed; empty on success.' })
  userErrors!: GeneralFreezeUserError[];
}
