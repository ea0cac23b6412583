import { useMemo } from 'react';
import { parseArticleBody } from '../article-body.js';

/** A help article's body as headings, paragraphs and lists; text only, never HTML. */
export function ArticleBody({ body }: { body: string }) {
  const blocks = useMemo(() => parseArticleBody(body), [body]);
  return (
    <div className="article-body">
      {blocks.map((block, index) => {
        // Blocks have no identity beyond their place in the text.
        const key = `${index}-${block.kind}`;
        switch (block.kind) {
          case 'heading':
            return <h2 key={key}>{block.text}</h2>;
          case 'paragraph':
            return <p key={key}>{block.text}</p>;
          case 'bullets':
            return (
              <ul key={key}>
                {block.items.map((item, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: list items are static text
                  <li key={i}>{item}</li>
                ))}
              </ul>
            );
          case 'steps':
            return (
              <ol key={key} start={block.start}>
                {block.items.map((item, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: list items are static text
                  <li key={i}>{item}</li>
                ))}
              </ol>
            );
          default:
            return null;
        }
      })}
    </div>
  );
}
