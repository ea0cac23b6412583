import { useParams } from 'react-router';
import { HelpArticlePage } from '../../features/help/components/help-article-page.js';

export function Component() {
  const { slug = '' } = useParams();
  return <HelpArticlePage key={slug} slug={slug} />;
}
