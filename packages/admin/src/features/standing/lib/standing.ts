/** The help article that explains every restriction (shown inside the banner). */
export const RESTRICTIONS_ARTICLE = 'account-restrictions';

export type SanctionKind = 'GENERAL_FREEZE' | 'SAFE_FREEZE' | 'DISABLED' | 'DELETION';

/** Freezes that leave the management center read-only are announced as alerts; a general freeze as a status. */
export function bannerRole(kind: SanctionKind): 'alert' | 'status' {
  return kind === 'GENERAL_FREEZE' ? 'status' : 'alert';
}

/** A date for people in the UI language; an unparsable value is shown as it came. */
export function formatEndDate(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short' }).format(date);
}

export type TextBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'bullets'; items: string[] };

/**
 * Help-article plain text (blocks separated by blank lines, `## ` subheadings, `- ` bullet lists) as data,
 * rendered as React text, never as HTML.
 */
export function articleBlocks(body: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const chunk of body.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = chunk
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    if (lines.length === 0) continue;
    if (lines.every((l) => l.startsWith('- ')))
      blocks.push({ kind: 'bullets', items: lines.map((l) => l.slice(2)) });
    else if (lines.length === 1 && lines[0]?.startsWith('## '))
      blocks.push({ kind: 'heading', text: lines[0].slice(3) });
    else blocks.push({ kind: 'paragraph', text: lines.join(' ') });
  }
  return blocks;
}
