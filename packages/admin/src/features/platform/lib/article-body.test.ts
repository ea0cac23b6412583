import { describe, expect, it } from 'vitest';
import { parseArticleBody } from './article-body';

describe('parseArticleBody (same format as the storefront)', () => {
  it('reads headings, paragraphs, bullet lists and numbered steps', () => {
    const body = 'Intro line one\nline two\n\n## Steps\n\n1. First\n2. Second\n\n- a\n- b\n3. Third';
    expect(parseArticleBody(body)).toEqual([
      { kind: 'paragraph', text: 'Intro line one line two' },
      { kind: 'heading', text: 'Steps' },
      { kind: 'steps', start: 1, items: ['First', 'Second'] },
      { kind: 'bullets', items: ['a', 'b'] },
      { kind: 'steps', start: 3, items: ['Third'] },
    ]);
  });

  it('keeps markup as text', () => {
    expect(parseArticleBody('<b>hi</b>')).toEqual([{ kind: 'paragraph', text: '<b>hi</b>' }]);
  });
});
