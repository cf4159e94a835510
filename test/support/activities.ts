import { randomUUID } from 'node:crypto';

/** A Bot Framework activity as a channel would POST it to /api/messages. */
export interface TestActivity {
  type: string;
  id?: string;
  channelId?: string;
  serviceUrl?: string;
  conversation?: { id: string; conversationType?: string };
  from?: { id: string; name?: string };
  recipient?: { id: string; name?: string };
  text?: string;
  value?: unknown;
  name?: string;
  deliveryMode?: string;
  membersAdded?: { id: string }[];
  entities?: unknown[];
  channelData?: unknown;
  [key: string]: unknown;
}

export interface ReceivedActivity {
  type: string;
  text?: string;
  suggestedActions?: { actions: { title: string; value: unknown }[] };
  attachments?: unknown[];
  [key: string]: unknown;
}

/** Fills in what every activity needs, as the Emulator would for a test user. */
export function activity(conversationId: string, fields: Partial<TestActivity>, serviceUrl = 'http://127.0.0.1:9/'): TestActivity {
  return {
    id: randomUUID(),
    channelId: 'emulator',
    serviceUrl,
    conversation: { id: conversationId },
    from: { id: 'candidate-1', name: 'Candidate' },
    recipient: { id: 'bot', name: 'Bot' },
    timestamp: new Date().toISOString(),
    ...fields,
  } as TestActivity;
}

export async function post(baseUrl: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const response = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON: keep the text so the test can show it */
  }
  return { status: response.status, body: parsed };
}

/** Sends with deliveryMode expectReplies and returns the bot's replies from the HTTP response. */
export async function exchange(baseUrl: string, act: TestActivity): Promise<ReceivedActivity[]> {
  const { status, body } = await post(baseUrl, { ...act, deliveryMode: 'expectReplies' });
  if (status !== 200) throw new Error(`bot answered ${status}: ${JSON.stringify(body)}`);
  return (body?.activities ?? []) as ReceivedActivity[];
}

export const labelsOf = (replies: ReceivedActivity[]) => replies.flatMap((r) => r.suggestedActions?.actions.map((a) => a.title) ?? []);
export const textOf = (replies: ReceivedActivity[]) => replies.map((r) => r.text ?? '').join('\n');
