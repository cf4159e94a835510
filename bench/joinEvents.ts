import type { Random } from './random';
import { pickFrom } from './random';

/**
 * What the Web Chat page sends in its `webchat/join` event: real user agents in rough proportion
 * to candidates' devices (mostly phones, a fair share of in-app browsers), with the navigator facts
 * the page adds.
 */
const DEVICES: readonly { userAgent: string; maxTouchPoints: number; weight: number }[] = [
  {
    weight: 6,
    maxTouchPoints: 0,
    userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  },
  {
    weight: 3,
    maxTouchPoints: 0,
    userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  },
  {
    weight: 2,
    maxTouchPoints: 0,
    userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
  },
  {
    weight: 1,
    maxTouchPoints: 0,
    userAgent: 'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  },
  {
    weight: 7,
    maxTouchPoints: 5,
    userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  },
  {
    weight: 6,
    maxTouchPoints: 5,
    userAgent: 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  },
  {
    weight: 2,
    maxTouchPoints: 5,
    userAgent: 'Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36',
  },
  {
    weight: 2,
    maxTouchPoints: 5,
    userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 300.0.0.18.110 (iPhone15,2; iOS 17_5; en_GB; en-GB; scale=3.00; 1179x2556)',
  },
  {
    weight: 2,
    maxTouchPoints: 5,
    userAgent: 'Mozilla/5.0 (Linux; Android 13; SM-A536B Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/130.0.6723.86 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/489.0.0.66.81;]',
  },
  {
    weight: 1,
    maxTouchPoints: 5,
    userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [LinkedInApp]/9.30.4162',
  },
  {
    weight: 1,
    maxTouchPoints: 5,
    userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1',
  },
  {
    weight: 1,
    maxTouchPoints: 0,
    userAgent: 'Mozilla/5.0 (Windows NT 6.1; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/88.0.4324.190 Safari/537.36',
  },
];

const LOCALES = [
  ['en-US', 'America/New_York'],
  ['en-GB', 'Europe/London'],
  ['de-DE', 'Europe/Berlin'],
  ['fr-FR', 'Europe/Paris'],
  ['en-IN', 'Asia/Kolkata'],
  ['es-MX', 'America/Mexico_City'],
] as const;

const PERMISSIONS = ['granted', 'prompt', 'prompt', 'denied'] as const;

export function joinEventValue(random: Random): Record<string, unknown> {
  const total = DEVICES.reduce((sum, d) => sum + d.weight, 0);
  let roll = random() * total;
  const device = DEVICES.find((d) => (roll -= d.weight) < 0) ?? DEVICES[0]!;
  const [language, timezone] = pickFrom(random, LOCALES);
  return {
    userAgent: device.userAgent,
    language,
    timezone,
    permissions: { camera: pickFrom(random, PERMISSIONS), microphone: pickFrom(random, PERMISSIONS) },
    mediaDevices: { videoinput: random() < 0.9 ? 1 : 0, audioinput: 1 },
    maxTouchPoints: device.maxTouchPoints,
  };
}
