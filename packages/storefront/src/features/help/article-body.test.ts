import { describe, expect, it } from 'vitest';
import { parseArticleBody } from './article-body.js';

describe('parseArticleBody', () => {
  it('reads paragraphs, subheadings, bullet and numbered lists', () => {
    const body = [
      'Intro line one',
      'continues here.',
      '',
      '## Step by step',
      '',
      '1. First',
      '2. Second',
      '',
      '- a',
      '- b',
      '',
      '3. Third',
      '',
      'Closing.',
    ].join('\n');
    expect(parseArticleBody(body)).toEqual([
      { kind: 'paragraph', text: 'Intro line one continues here.' },
      { kind: 'heading', text: 'Step by step' },
      { kind: 'steps', start: 1, items: ['First', 'Second'] },
      { kind: 'bullets', items: ['a', 'b'] },
      { kind: 'steps', start: 3, items: ['Third'] },
      { kind: 'paragraph', text: 'Closing.' },
    ]);
  });

  it('splits a block whose kinds change line by line and tolerates Windows line breaks', () => {
    expect(parseArticleBody('## 標題\r\n說明文字\r\n- 第一點\r\n- 第二點\r\n\r\n\r\n結語')).toEqual([
      { kind: 'heading', text: '標題' },
      { kind: 'paragraph', text: '說明文字' },
      { kind: 'bullets', items: ['第一點', '第二點'] },
      { kind: 'paragraph', text: '結語' },
    ]);
  });

  it('keeps markup as text', () => {
    expect(parseArticleBody('<script>alert(1)</script>')).toEqual([
      { kind: 'paragraph', text: '<script>alert(1)</script>' },
    ]);
  });

  it('returns nothing for an empty body', () => {
    expect(parseArticleBody('  \n\n ')).toEqual([]);
  });
});
