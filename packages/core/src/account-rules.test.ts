import { describe, expect, it } from 'vitest';
import {
  checkDisplayName,
  checkEmail,
  checkPassword,
  checkPhone,
  MAX_DISPLAY_NAME_LENGTH,
  MAX_EMAIL_LENGTH,
  normalizeEmail,
} from './account-rules.js';

describe('checkEmail', () => {
  it.each([
    ['  Shopper@Example.COM ', 'shopper@example.com'],
    ['a.b+tag@sub.example.tw', 'a.b+tag@sub.example.tw'],
    ['陳@例子.台灣', '陳@例子.台灣'],
  ])('accepts %j as %j', (raw, stored) => {
    expect(checkEmail(raw)).toEqual({ ok: true, value: stored });
  });

  it.each([
    ['', 'Enter your email address.'],
    ['   ', 'Enter your email address.'],
    ['no-at-sign', 'Enter a valid email address.'],
    ['two@@example.com', 'Enter a valid email address.'],
    ['space in@example.com', 'Enter a valid email address.'],
    ['nodomain@', 'Enter a valid email address.'],
    ['no-tld@example', 'Enter a valid email address.'],
    ['dots@example..com', 'Enter a valid email address.'],
    [`${'a'.repeat(MAX_EMAIL_LENGTH - 11)}@example.com`, 'Enter a valid email address.'],
  ])('refuses %j', (raw, message) => {
    expect(checkEmail(raw)).toEqual({ ok: false, error: { code: 'INVALID_EMAIL', message } });
  });

  it('lower-cases and trims for comparison', () => {
    expect(normalizeEmail(' A@B.C ')).toBe('a@b.c');
  });
});

describe('checkPassword', () => {
  const common = new Set(['password123', 'qwertyuiop']);
  const context = { email: 'shopper@example.com', isCommon: (p: string) => common.has(p) };

  it.each([
    ['ten chars!', 'exactly the minimum'],
    ['correct horse battery staple', 'a passphrase'],
    ['密碼是很長的一句話吧', 'ten Chinese characters'],
    ['x'.repeat(200), 'the maximum length'],
  ])('accepts %j (%s)', (password) => {
    expect(checkPassword(password, context)).toEqual({ ok: true, value: password });
  });

  it.each([
    ['', 'TOO_SHORT'],
    ['nine char', 'TOO_SHORT'],
    ['密碼太短了', 'TOO_SHORT'],
    ['x'.repeat(201), 'TOO_LONG'],
    ['shopper@example.com', 'SAME_AS_EMAIL'],
    [' Shopper@Example.com ', 'SAME_AS_EMAIL'],
    ['password123', 'TOO_COMMON'],
    ['PASSWORD123', 'TOO_COMMON'],
    ['QwertyUiop', 'TOO_COMMON'],
  ])('refuses %j as %s', (password, problem) => {
    const result = checkPassword(password, context);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'WEAK_PASSWORD', problem });
  });

  it('checks only the length without an email or a list', () => {
    expect(checkPassword('password123').ok).toBe(true);
  });
});

describe('checkDisplayName', () => {
  it.each([
    ['Demo Shopper', 'Demo Shopper'],
    ['  陳小明  ', '陳小明'],
    ['Ann   Lee', 'Ann Lee'],
    ['好'.repeat(MAX_DISPLAY_NAME_LENGTH), '好'.repeat(MAX_DISPLAY_NAME_LENGTH)],
  ])('accepts %j as %j', (raw, stored) => {
    expect(checkDisplayName(raw)).toEqual({ ok: true, value: stored });
  });

  it.each([[''], ['   '], ['x'.repeat(MAX_DISPLAY_NAME_LENGTH + 1)], ['bell\u0007']])('refuses %j', (raw) => {
    expect(checkDisplayName(raw)).toMatchObject({ ok: false, error: { code: 'INVALID_DISPLAY_NAME' } });
  });
});

describe('checkPhone', () => {
  it.each([
    [null, null],
    ['', null],
    ['  ', null],
    ['+886 912 345 678', '+886912345678'],
    ['+886-2-2345-6789', '+886223456789'],
    ['+1 (415) 555-0100', '+14155550100'],
    ['+852 9123 4567', '+85291234567'],
  ])('accepts %j as %j', (raw, stored) => {
    expect(checkPhone(raw)).toEqual({ ok: true, value: stored });
  });

  it.each([
    ['0912345678'],
    ['+0912345678'],
    ['+886'],
    ['+1234567'],
    ['+1234567890123456'],
    ['+886 912 abc'],
    ['phone'],
  ])('refuses %j', (raw) => {
    expect(checkPhone(raw)).toMatchObject({ ok: false, error: { code: 'INVALID_PHONE' } });
  });
});
