// Kept identical to packages/storefront/src/features/help/article-body.ts (the storefront's renderer), so the
// editor's preview shows an article exactly as shoppers will see it. Change both together.
/**
 * Help articles are stored as plain text (see the API's `HelpArticle.body`): blocks separated by a
 * blank line; a block of `- ` lines is a bullet list, a block of `1. ` lines a numbered list (its
 * first number is kept, so a list may continue after a bullet list), and a line starting with `## `
 * a subheading. Everything else is a paragraph. Parsed into data and rendered as React text, never
 * as HTML, so an article cannot inject markup.
 */
export type ArticleBlock =
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'bullets'; readonly items: readonly string[] }
  | { readonly kind: 'steps'; readonly start: number; readonly items: readonly string[] };

const BULLET = /^[-*•]\s+(.*)$/;
const STEP = /^(\d{1,3})[.)]\s+(.*)$/;
const HEADING = /^#{2,3}\s+(.*)$/;

export function parseArticleBody(body: string): ArticleBlock[] {
  const blocks: ArticleBlock[] = [];
  const chunks = body.replace(/\r\n?/g, '\n').split(/\n\s*\n/);
  for (const chunk of chunks) {
    const lines = chunk
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '');
    let i = 0;
    while (i < lines.length) {
      const line = lines[i]!;
      const heading = HEADING.exec(line);
      if (heading) {
        blocks.push({ kind: 'heading', text: heading[1]! });
        i++;
        continue;
      }
      if (BULLET.test(line)) {
        const items: string[] = [];
        for (let m = BULLET.exec(lines[i] ?? ''); m; m = BULLET.exec(lines[i] ?? '')) {
          items.push(m[1]!);
          i++;
        }
        blocks.push({ kind: 'bullets', items });
        continue;
      }
      const step = STEP.exec(line);
      if (step) {
        const items: string[] = [];
        for (let m = STEP.exec(lines[i] ?? ''); m; m = STEP.exec(lines[i] ?? '')) {
          items.push(m[2]!);
          i++;
        }
        blocks.push({ kind: 'steps', start: Number(step[1]), items });
        continue;
      }
      // Consecutive plain lines form one paragraph.
      const text: string[] = [];
      while (
        i < lines.length &&
        !HEADING.test(lines[i]!) &&
        !BULLET.test(lines[i]!) &&
        !STEP.test(lines[i]!)
      ) {
        text.push(lines[i]!);
        i++;
      }
      blocks.push({ kind: 'paragraph', text: text.join(' ') });
    }
  }
  return blocks;
}
