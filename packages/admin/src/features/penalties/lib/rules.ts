/**
 * The rule list editor: URL filter, client-side checks mirroring `createPenaltyRule`/`updatePenaltyRule`
 * (packages/api/src/modules/penalties/penalties.service.ts), and the mutation input of a draft.
 */

export const RULE_STATUS_FILTERS = ['all', 'active', 'inactive'] as const;
export type RuleStatusFilter = (typeof RULE_STATUS_FILTERS)[number];

/** The API's code pattern: 2–60 capital letters, digits or underscores, starting with a letter. */
export const RULE_CODE = /^[A-Z][A-Z0-9_]{1,59}$/;
export const MAX_RULE_TITLE = 200;
export const MAX_RULE_DESCRIPTION = 5000;

export type RuleField = 'code' | 'titleEn' | 'titleZh' | 'descriptionEn' | 'descriptionZh';
export const RULE_FIELDS: readonly RuleField[] = [
  'code',
  'titleEn',
  'titleZh',
  'descriptionEn',
  'descriptionZh',
];
export type RuleProblem = 'CODE_INVALID' | 'TITLE_REQUIRED' | 'TOO_LONG';

export interface RuleDraft {
  code: string;
  titleEn: string;
  titleZh: string;
  descriptionEn: string;
  descriptionZh: string;
  active: boolean;
}

export const EMPTY_RULE_DRAFT: RuleDraft = {
  code: '',
  titleEn: '',
  titleZh: '',
  descriptionEn: '',
  descriptionZh: '',
  active: true,
};

/** `?status=active|inactive` (anything else: every rule). */
export function parseRuleStatusFilter(params: URLSearchParams): RuleStatusFilter {
  const value = params.get('status');
  return value === 'active' || value === 'inactive' ? value : 'all';
}

export function ruleStatusFilterParams(filter: RuleStatusFilter): URLSearchParams {
  return new URLSearchParams(filter === 'all' ? {} : { status: filter });
}

export function filterRules<T extends { active: boolean }>(
  rules: readonly T[],
  filter: RuleStatusFilter,
): T[] {
  return rules.filter((r) => filter === 'all' || r.active === (filter === 'active'));
}

/** The code as the server stores it (trimmed, upper case). */
export const normalizeRuleCode = (code: string) => code.trim().toUpperCase();

/** Checks of the rule form, in the server's order; empty when it may be sent. The code only on create. */
export function ruleProblems(draft: RuleDraft, creating: boolean): Partial<Record<RuleField, RuleProblem>> {
  const out: Partial<Record<RuleField, RuleProblem>> = {};
  if (creating && !RULE_CODE.test(normalizeRuleCode(draft.code))) out.code = 'CODE_INVALID';
  for (const field of ['titleEn', 'titleZh'] as const) {
    const value = draft[field].trim();
    if (!value) out[field] = 'TITLE_REQUIRED';
    else if (value.length > MAX_RULE_TITLE) out[field] = 'TOO_LONG';
  }
  for (const field of ['descriptionEn', 'descriptionZh'] as const)
    if (draft[field].trim().length > MAX_RULE_DESCRIPTION) out[field] = 'TOO_LONG';
  return out;
}

/** The mutation input of a valid draft: trimmed texts; the code only when creating. */
export function ruleInputOf(draft: RuleDraft, creating: boolean) {
  return {
    ...(creating ? { code: normalizeRuleCode(draft.code) } : {}),
    titleEn: draft.titleEn.trim(),
    titleZh: draft.titleZh.trim(),
    descriptionEn: draft.descriptionEn.trim(),
    descriptionZh: draft.descriptionZh.trim(),
    active: draft.active,
  };
}

/** Server userErrors → the form field they belong to (`['input', 'titleEn']` → `titleEn`), else null. */
export function ruleFieldOf(path: readonly string[] | null | undefined): RuleField | null {
  const last = path?.at(-1);
  return last && (RULE_FIELDS as readonly string[]).includes(last) ? (last as RuleField) : null;
}
