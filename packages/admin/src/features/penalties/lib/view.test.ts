import { describe, expect, it } from 'vitest';
import {
  auditFilterOf,
  auditViewParams,
  freezeProblems,
  parseAuditView,
  parseViolationsView,
  prettyJson,
  recordViolationProblems,
  violationsFilterOf,
  violationsViewParams,
} from './view';

describe('violations view in the URL', () => {
  it('round-trips filters and ignores unknown values', () => {
    const view = parseViolationsView(
      new URLSearchParams(
        'type=MERCHANT&subject=voltline&status=OPEN&from=2026-11-01&to=2026-11-30&violation=abc',
      ),
    );
    expect(view).toMatchObject({
      subjectType: 'MERCHANT',
      subject: 'voltline',
      status: 'OPEN',
      selected: 'abc',
    });
    expect(parseViolationsView(violationsViewParams(view))).toEqual(view);
    expect(parseViolationsView(new URLSearchParams('type=X&status=BAD&from=yesterday'))).toMatchObject({
      subjectType: null,
      status: null,
      from: '',
    });
  });

  it('turns dates into an inclusive day range', () => {
    const filter = violationsFilterOf(
      parseViolationsView(new URLSearchParams('from=2026-11-01&to=2026-11-01')),
    );
    expect(filter.from).toBe('2026-11-01T00:00:00.000Z');
    expect(filter.to).toBe('2026-11-02T00:00:00.000Z');
  });
});

describe('audit view', () => {
  it('keeps filters and drops a non-numeric subject id', () => {
    const view = parseAuditView(
      new URLSearchParams('action=sanction.&subjectType=merchant&subjectId=x&system=1'),
    );
    expect(view).toMatchObject({
      action: 'sanction.',
      subjectType: 'MERCHANT',
      subjectId: '',
      systemOnly: true,
    });
    expect(auditFilterOf(view)).toMatchObject({ action: 'sanction.', subjectId: null, systemOnly: true });
    expect(parseAuditView(auditViewParams(view))).toEqual(view);
  });

  it('pretty-prints JSON', () => {
    expect(prettyJson('{"status":"ACTIVE"}')).toBe('{\n  "status": "ACTIVE"\n}');
    expect(prettyJson(null)).toBe('—');
  });
});

describe('form checks mirror the server', () => {
  it.each([
    [{ subject: '', ruleId: 'r', evidence: 'e', note: '', attachments: 0 }, { subject: 'REQUIRED' }],
    [
      { subject: 's', ruleId: '', evidence: ' ', note: '', attachments: 0 },
      { ruleId: 'REQUIRED', evidence: 'REQUIRED' },
    ],
    [
      { subject: 's', ruleId: 'r', evidence: 'x'.repeat(5001), note: '', attachments: 11 },
      { evidence: 'TOO_LONG', attachmentUploadIds: 'TOO_MANY_ATTACHMENTS' },
    ],
    [{ subject: 's', ruleId: 'r', evidence: 'e', note: '', attachments: 1 }, {}],
  ])('record violation %#', (draft, problems) => {
    expect(recordViolationProblems(draft)).toEqual(problems);
  });

  it('freeze: reason required, end date in the future', () => {
    const now = new Date('2026-11-22T00:00:00Z');
    expect(freezeProblems({ subject: 'a', reason: ' ', endsAt: '2026-11-21T10:00' }, now)).toEqual({
      reason: 'REQUIRED',
      endsAt: 'END_NOT_IN_FUTURE',
    });
    expect(freezeProblems({ subject: 'a', reason: 'ok', endsAt: '' }, now)).toEqual({});
  });
});
