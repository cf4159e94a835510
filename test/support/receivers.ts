import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { verifyWebhookSignature } from '../../src/tickets/sinks/webhookSignature';

/** Polls until `check` returns a value (or fails after `ms`). */
export async function eventually<T>(check: () => T | undefined, ms = 10000, what = 'condition'): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface WebhookDelivery {
  raw: string;
  body: any;
  signatureValid: boolean;
  idempotencyKey: string | undefined;
}

/**
 * A recruiter helpdesk's webhook endpoint: checks the signature over the raw body, as a real receiver must.
 * `delayMs` holds each answer back after the delivery is recorded, like a slow helpdesk.
 */
export async function startWebhookReceiver(secret: string, status = () => 200, delayMs = 0) {
  const deliveries: WebhookDelivery[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const code = status();
      if (code < 300) {
        deliveries.push({
          raw,
          body: JSON.parse(raw),
          signatureValid: verifyWebhookSignature(raw, req.headers['x-signature'] as string | undefined, secret),
          idempotencyKey: req.headers['idempotency-key'] as string | undefined,
        });
      }
      res.statusCode = code;
      setTimeout(() => res.end(), delayMs);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/tickets`,
    deliveries,
    close: () => new Promise<void>((r) => { server.close(() => r()); server.closeAllConnections(); }),
  };
}

/** A real SMTP server on loopback that parses every message it receives. */
export async function startSmtpReceiver() {
  const mails: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, done) {
      simpleParser(stream).then((mail) => {
        mails.push(mail);
        done();
      }, done);
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise<void>((r) => server.close(() => r())) };
}
