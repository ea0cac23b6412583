import { once } from 'node:events';
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { inject } from 'vitest';
import { DELIVERED_BODY_REMOVED, queueEmail } from '../../src/modules/email/email.service.js';
import { describe, expect, test } from '../fixtures.js';
import { startTestApi } from '../harness.js';

/**
 * Outbox rows hold one-time secrets (reset links, order keys) in their bodies. Once an SMTP server has
 * accepted an email, its row keeps recipient, template, subject and timestamps only; without SMTP
 * (development) the row is the development mailbox and keeps the body (modules/email/email.test.ts).
 */

/** The smallest SMTP server nodemailer talks to: accepts every message and keeps its DATA. */
async function smtpSink() {
  const messages: string[] = [];
  const server = createServer((socket: Socket) => {
    let buffer = '';
    let inData = false;
    socket.write('220 sink ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          messages.push(buffer.slice(0, end));
          buffer = buffer.slice(end + 5);
          inData = false;
          socket.write('250 OK queued\r\n');
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) return;
        const line = buffer.slice(0, eol).toUpperCase();
        buffer = buffer.slice(eol + 2);
        if (line.startsWith('EHLO') || line.startsWith('HELO')) socket.write('250 sink\r\n');
        else if (line.startsWith('DATA')) {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (line.startsWith('QUIT')) socket.end('221 bye\r\n');
        else socket.write('250 OK\r\n');
      }
    });
    socket.on('error', () => undefined);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `smtp://127.0.0.1:${(server.address() as AddressInfo).port}`,
    messages,
    close: () => new Promise((r) => server.close(r)),
  };
}

describe('email outbox with SMTP', () => {
  test('removes the body once the SMTP server accepted the email; the email itself had it', async () => {
    const sink = await smtpSink();
    const api = await startTestApi(inject('testDb'), { smtpUrl: sink.url });
    try {
      const secret = 'https://shop.example/reset-password?token=ONE-TIME-SECRET-4f9a';
      const em = api.platform.orm.em.fork();
      await em.transactional((tx) =>
        queueEmail(tx, {
          to: 'owner@example.com',
          locale: 'en',
          template: 'accounts.password-reset',
          subject: 'Reset your password',
          text: `Open ${secret} within an hour.`,
          html: `<a href="${secret}">Reset</a>`,
        }),
      );
      const deadline = Date.now() + 20_000;
      let row: Record<string, unknown> | undefined;
      while (Date.now() < deadline) {
        [row] = await api.sql(
          `select "to", template, subject, text, html, status, transport, sent_at from email_message where "to" = $1`,
          ['owner@example.com'],
        );
        if (row?.status === 'SENT') break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(row).toMatchObject({
        to: 'owner@example.com',
        template: 'accounts.password-reset',
        subject: 'Reset your password',
        status: 'SENT',
        transport: 'smtp',
        text: DELIVERED_BODY_REMOVED,
        html: null,
      });
      expect(row?.sent_at).toBeInstanceOf(Date);
      expect(sink.messages).toHaveLength(1);
      expect(sink.messages[0]).toContain('ONE-TIME-SECRET-4f9a');
      const leftovers = await api.sql(
        `select count(*)::int as n from email_message where text like '%ONE-TIME-SECRET%' or html like '%ONE-TIME-SECRET%'`,
      );
      expect(leftovers[0]!.n).toBe(0);
    } finally {
      await api.stop();
      await sink.close();
    }
  });
});
