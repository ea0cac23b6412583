import type { PenaltySubjectType, SanctionKind, ViolationStatus } from '@marketplace/core';
import type { Opt } from '@mikro-orm/core';
import { Check, Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { UserEntity } from '../accounts/user.entity.js';
import { MerchantEntity } from '../catalog/merchant.entity.js';

/** One rule of the platform's user/merchant agreements a violation can be recorded against (editable by admins). */
@Entity({ tableName: 'penalty_rule' })
export class PenaltyRuleEntity {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  /** Stable upper-case code, e.g. `COUNTERFEIT_GOODS`. */
  @Property({ type: 'string', length: 60, unique: true })
  code!: string;

  @Property({ type: 'string', length: 200 })
  titleEn!: string;

  @Property({ type: 'string', length: 200 })
  titleZh!: string;

  @Property({ type: 'text', default: '' })
  descriptionEn: Opt<string> = '';

  @Property({ type: 'text', default: '' })
  descriptionZh: Opt<string> = '';

  /** Inactive rules stay on old violations but cannot be used for new ones. */
  @Property({ type: 'boolean', default: true })
  active: Opt<boolean> = true;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  updatedAt: Opt<Date> = new Date();
}

/** An uploaded evidence image (`POST /media/uploads`), stored as its media path. */
export interface EvidenceAttachment {
  uploadId: string;
  path: string;
}

/**
 * A violation recorded against a user or a merchant. Each one is a warning the account must correct
 * within three days; an uncorrected one is followed by an automatic repeat (`repeatOf`).
 */
@Entity({ tableName: 'violation' })
@Index({ properties: ['user', 'recordedAt'] })
@Index({ properties: ['merchant', 'recordedAt'] })
@Index({ properties: ['status', 'recordedAt'] })
@Check({
  name: 'violation_one_subject',
  expression: '(user_id is null) <> (merchant_id is null)',
})
export class ViolationEntity {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string', length: 10 })
  subjectType!: PenaltySubjectType;

  @ManyToOne(() => UserEntity, { nullable: true, deleteRule: 'restrict' })
  user: UserEntity | null = null;

  @ManyToOne(() => MerchantEntity, { nullable: true, deleteRule: 'restrict' })
  merchant: MerchantEntity | null = null;

  @Index()
  @ManyToOne(() => PenaltyRuleEntity, { deleteRule: 'restrict' })
  rule!: PenaltyRuleEntity;

  @Property({ type: 'text' })
  evidence!: string;

  @Property({ type: 'json', default: '[]' })
  attachments: Opt<EvidenceAttachment[]> = [];

  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  @Property({ type: 'string', length: 25, default: 'OPEN' })
  status: Opt<ViolationStatus> = 'OPEN';

  @Property({ type: 'datetime' })
  recordedAt!: Date;

  @Property({ type: 'datetime' })
  correctionDueAt!: Date;

  /** Null when the platform recorded it (automatic second warning). */
  @ManyToOne(() => UserEntity, { nullable: true, deleteRule: 'restrict' })
  recordedBy: UserEntity | null = null;

  /** The violation whose warning went uncorrected past its deadline. */
  @Index()
  @ManyToOne(() => ViolationEntity, { nullable: true, deleteRule: 'restrict' })
  repeatOf: ViolationEntity | null = null;

  @Property({ type: 'datetime', nullable: true })
  correctionRequestedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  correctionNote: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  correctedAt: Date | null = null;

  @ManyToOne(() => UserEntity, { nullable: true, deleteRule: 'restrict' })
  correctedBy: UserEntity | null = null;
}

/** A freeze or deletion of a user or merchant: the history behind the status column, with reason and end date. */
@Entity({ tableName: 'sanction' })
@Index({ properties: ['user', 'kind'] })
@Index({ properties: ['merchant', 'kind'] })
@Index({ properties: ['startsAt'] })
@Check({
  name: 'sanction_one_subject',
  expression: '(user_id is null) <> (merchant_id is null)',
})
export class SanctionEntity {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string', length: 20 })
  kind!: SanctionKind;

  @Property({ type: 'string', length: 10 })
  subjectType!: PenaltySubjectType;

  @ManyToOne(() => UserEntity, { nullable: true, deleteRule: 'restrict' })
  user: UserEntity | null = null;

  @ManyToOne(() => MerchantEntity, { nullable: true, deleteRule: 'restrict' })
  merchant: MerchantEntity | null = null;

  /** The violation that triggered an automatic sanction. */
  @Index()
  @ManyToOne(() => ViolationEntity, { nullable: true, deleteRule: 'restrict' })
  violation: ViolationEntity | null = null;

  @Property({ type: 'text' })
  reason!: string;

  @Property({ type: 'boolean', default: false })
  automatic: Opt<boolean> = false;

  @Property({ type: 'datetime' })
  startsAt!: Date;

  /** Null: until staff lift it. */
  @Property({ type: 'datetime', nullable: true })
  endsAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  liftedAt: Date | null = null;

  /** Null when the end-date job lifted it. */
  @ManyToOne(() => UserEntity, { nullable: true, deleteRule: 'restrict' })
  liftedBy: UserEntity | null = null;

  @Property({ type: 'text', nullable: true })
  liftReason: string | null = null;

  /** Null for an automatic sanction. */
  @ManyToOne(() => UserEntity, { nullable: true, deleteRule: 'restrict' })
  createdBy: UserEntity | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
