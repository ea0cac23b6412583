/**
 * A consultation report is plain text: paragraphs separated by blank lines, line breaks kept.
 * Never parsed as HTML.
 */
export function reportParagraphs(body: string): string[][] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((paragraph) => paragraph.split('\n').map((line) => line.trimEnd()))
    .map((lines) => {
      while (lines.length > 0 && lines[0] === '') lines.shift();
      while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
      return lines;
    })
    .filter((lines) => lines.length > 0);
}
