import { characterCount } from './account-rules.js';
import { err, ok, type Result } from './result.js';

/**
 * In-site messages ("station letters"): subjects and messages are plain text. Shared by the API
 * (authoritative) and the SPAs (to explain a problem before sending).
 */
export const MESSAGE_LIMITS = {
  subjectMax: 200,
  bodyMax: 4000,
} as const;

export type MessageField = 'subject' | 'body';
export type MessageProblem = { field: MessageField; code: 'INVALID_SUBJECT' | 'INVALID_BODY' };

/**
 * Checks a message (and, when starting a conversation, its subject): both are trimmed, must not be
 * empty and stay within the limits (counted in characters, so a Chinese character counts once).
 */
export function checkMessage(input: {
  subject?: string | null;
  body: string;
}): Result<{ subject: string | null; body: string }, MessageProblem[]> {
  const problems: MessageProblem[] = [];
  const subject = input.subject === undefined || input.subject === null ? null : input.subject.trim();
  if (subject !== null && (subject === '' || characterCount(subject) > MESSAGE_LIMITS.subjectMax))
    problems.push({ field: 'subject', code: 'INVALID_SUBJECT' });
  const body = input.body.trim();
  if (body === '' || characterCount(body) > MESSAGE_LIMITS.bodyMax)
    problems.push({ field: 'body', code: 'INVALID_BODY' });
  return problems.length ? err(problems) : ok({ subject, body });
}
