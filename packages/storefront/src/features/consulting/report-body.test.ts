import { describe, expect, it } from 'vitest';
import { reportParagraphs } from './report-body.js';

describe('reportParagraphs', () => {
  it('splits on blank lines and keeps line breaks inside a paragraph', () => {
    expect(reportParagraphs('Summary\nline two\n\nNext steps:\n1. Roast lighter\n\n\n  \nEnd')).toEqual([
      ['Summary', 'line two'],
      ['Next steps:', '1. Roast lighter'],
      ['End'],
    ]);
  });

  it('handles Windows line endings and surrounding blank lines', () => {
    expect(reportParagraphs('\r\n\r\n建議一\r\n建議二\r\n\r\n結論\r\n')).toEqual([
      ['建議一', '建議二'],
      ['結論'],
    ]);
  });

  it('keeps markup as text', () => {
    expect(reportParagraphs('<script>alert(1)</script>')).toEqual([['<script>alert(1)</script>']]);
  });

  it('gives nothing for an empty body', () => {
    expect(reportParagraphs(' \n\n ')).toEqual([]);
  });
});
