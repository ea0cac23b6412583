import { describe, expect, it } from 'vitest';
import { articleBlocks, bannerRole, formatEndDate } from './standing';

describe('standing banner helpers', () => {
  it('announces read-only freezes as alerts and a general freeze as a status', () => {
    expect(bannerRole('GENERAL_FREEZE')).toBe('status');
    expect(bannerRole('SAFE_FREEZE')).toBe('alert');
    expect(bannerRole('DISABLED')).toBe('alert');
  });

  it('formats the end date in the UI language', () => {
    expect(formatEndDate('2026-12-24T00:00:00.000Z', 'zh-TW')).toMatch(/2026年12月/);
    expect(formatEndDate('nope', 'en')).toBe('nope');
  });

  it('reads an article body as headings, bullet lists and paragraphs', () => {
    expect(articleBlocks('Intro line one\nline two\n\n## Safe freeze\n\n- a;\n- b.\n\nEnd.')).toEqual([
      { kind: 'paragraph', text: 'Intro line one line two' },
      { kind: 'heading', text: 'Safe freeze' },
      { kind: 'bullets', items: ['a;', 'b.'] },
      { kind: 'paragraph', text: 'End.' },
    ]);
  });
});
