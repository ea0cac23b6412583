import { describe, expect, it } from 'vitest';
import { bannerRole, formatEndDate } from './standing-text.js';

describe('standing banner text', () => {
  it('announces read-only freezes as alerts and a general freeze as a status', () => {
    expect(bannerRole('GENERAL_FREEZE')).toBe('status');
    expect(bannerRole('SAFE_FREEZE')).toBe('alert');
    expect(bannerRole('DISABLED')).toBe('alert');
    expect(bannerRole('DELETION')).toBe('alert');
  });

  it('formats the end date in the UI language', () => {
    expect(formatEndDate('2026-12-24T00:00:00.000Z', 'en')).toMatch(/2026/);
    expect(formatEndDate('2026-12-24T00:00:00.000Z', 'zh-TW')).toMatch(/2026年12月/);
    expect(formatEndDate('not a date', 'en')).toBe('not a date');
  });
});
