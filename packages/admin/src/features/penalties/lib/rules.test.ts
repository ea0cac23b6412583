import { describe, expect, it } from 'vitest';
import {
  EMPTY_RULE_DRAFT,
  filterRules,
  parseRuleStatusFilter,
  ruleFieldOf,
  ruleInputOf,
  ruleProblems,
  ruleStatusFilterParams,
} from './rules';

const valid = { ...EMPTY_RULE_DRAFT, code: ' spam_listings ', titleEn: ' Spam ', titleZh: ' 垃圾刊登 ' };

describe('rule status filter in the URL', () => {
  it('round-trips active/inactive and falls back to every rule', () => {
    for (const filter of ['all', 'active', 'inactive'] as const)
      expect(parseRuleStatusFilter(ruleStatusFilterParams(filter))).toBe(filter);
    expect(ruleStatusFilterParams('all').toString()).toBe('');
    expect(parseRuleStatusFilter(new URLSearchParams('status=deleted'))).toBe('all');
  });

  it('keeps the rules of the chosen status', () => {
    const rules = [
      { code: 'A', active: true },
      { code: 'B', active: false },
    ];
    expect(filterRules(rules, 'all').map((r) => r.code)).toEqual(['A', 'B']);
    expect(filterRules(rules, 'active').map((r) => r.code)).toEqual(['A']);
    expect(filterRules(rules, 'inactive').map((r) => r.code)).toEqual(['B']);
  });
});

describe('rule form checks (mirroring the API)', () => {
  it('accepts a valid draft and normalises the code like the server', () => {
    expect(ruleProblems(valid, true)).toEqual({});
    expect(ruleInputOf(valid, true)).toEqual({
      code: 'SPAM_LISTINGS',
      titleEn: 'Spam',
      titleZh: '垃圾刊登',
      descriptionEn: '',
      descriptionZh: '',
      active: true,
    });
    expect(ruleInputOf(valid, false)).not.toHaveProperty('code');
  });

  it.each([
    ['', 'CODE_INVALID'],
    ['A', 'CODE_INVALID'],
    ['1ABC', 'CODE_INVALID'],
    ['SPAM-LISTINGS', 'CODE_INVALID'],
    [`A${'B'.repeat(60)}`, 'CODE_INVALID'],
    ['ab', undefined],
    [`A${'B'.repeat(59)}`, undefined],
  ])('code %j → %s', (code, problem) => {
    expect(ruleProblems({ ...valid, code }, true).code).toBe(problem);
  });

  it('does not check the code when editing (it cannot change)', () => {
    expect(ruleProblems({ ...valid, code: '' }, false)).toEqual({});
  });

  it('requires both titles, limits titles to 200 and descriptions to 5000 characters', () => {
    expect(ruleProblems({ ...valid, titleEn: '   ', titleZh: '' }, false)).toEqual({
      titleEn: 'TITLE_REQUIRED',
      titleZh: 'TITLE_REQUIRED',
    });
    expect(ruleProblems({ ...valid, titleZh: '字'.repeat(201) }, false)).toEqual({ titleZh: 'TOO_LONG' });
    expect(ruleProblems({ ...valid, titleEn: 'x'.repeat(200) }, false)).toEqual({});
    expect(
      ruleProblems({ ...valid, descriptionEn: 'x'.repeat(5001), descriptionZh: 'x'.repeat(5000) }, false),
    ).toEqual({ descriptionEn: 'TOO_LONG' });
  });

  it('maps server userError paths to form fields', () => {
    expect(ruleFieldOf(['input', 'titleZh'])).toBe('titleZh');
    expect(ruleFieldOf(['input', 'id'])).toBeNull();
    expect(ruleFieldOf(null)).toBeNull();
  });
});
