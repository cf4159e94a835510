import type { DeviceProfile } from './deviceProfile';
import { USER_AGENTS } from './fixtures/userAgents';
import { fromAnswers } from './fromAnswers';
import { mergeDeviceSources } from './mergeDeviceSources';
import { parseTeamsClientInfo } from './teamsClientInfo';
import { parseWebChatJoin } from './webChatJoin';

const webchat = parseWebChatJoin({
  userAgent: USER_AGENTS.instagramIphone,
  language: 'en-GB',
  permissions: { camera: 'denied' },
})!;
const teamsOnWindows = parseTeamsClientInfo([
  { type: 'clientInfo', platform: 'Windows', locale: 'de-DE', country: 'DE', timezone: 'Europe/Berlin' },
])!;

describe('several sources make one profile', () => {
  it('the Web Chat page’s measurements win over Teams, Teams fills what the page did not say', () => {
    const merged = mergeDeviceSources(teamsOnWindows, webchat)!;
    expect(merged).toMatchObject({
      source: 'webchat',
      os: 'ios',
      inApp: 'Instagram',
      camera: 'denied',
      locale: 'en-GB',
      country: 'DE',
      timezone: 'Europe/Berlin',
      teamsPlatform: 'Windows',
    });
  });

  it('the device comes whole from one source, never half iPhone and half Windows', () => {
    const merged = mergeDeviceSources(webchat, teamsOnWindows)!;
    expect(merged.deviceType).toBe('phone');
    expect(merged.os).toBe('ios');
  });

  it('a candidate in Teams on Windows who says they interview on a phone is described by their answer', () => {
    const asked = fromAnswers({ deviceType: 'phone', browser: 'Safari' });
    const merged = mergeDeviceSources(teamsOnWindows, asked)!;
    expect(merged).toMatchObject({ source: 'asked', os: 'ios', deviceType: 'phone', browser: 'safari', locale: 'de-DE' });
  });

  it('Teams alone describes the chat app, and never claims it is the interview device', () => {
    const merged = mergeDeviceSources(teamsOnWindows)!;
    expect(merged).toMatchObject({ source: 'teams', os: 'windows', deviceType: 'computer' });
    expect(merged.sameDeviceAsInterview).toBeUndefined();
    const claiming: DeviceProfile = { ...teamsOnWindows, sameDeviceAsInterview: true };
    expect(mergeDeviceSources(claiming)!.sameDeviceAsInterview).toBeUndefined();
  });

  it('once the candidate says the chat is on another device, the chat’s browser no longer describes the interview', () => {
    const otherDevice = fromAnswers({ sameDeviceAsInterview: false });
    const merged = mergeDeviceSources(webchat, otherDevice)!;
    expect(merged.inApp).toBeUndefined();
    expect(merged.os).toBeUndefined();
    expect(merged).toMatchObject({ sameDeviceAsInterview: false, camera: 'denied' });

    const described = fromAnswers({ deviceType: 'computer', browser: 'Chrome', sameDeviceAsInterview: false });
    expect(mergeDeviceSources(webchat, described)).toMatchObject({ source: 'asked', browser: 'chrome', deviceType: 'computer' });
  });

  it('a candidate confirming the chat is the interview device keeps the page’s richer profile', () => {
    const confirmed = fromAnswers({ sameDeviceAsInterview: true });
    expect(mergeDeviceSources(confirmed, webchat)).toMatchObject({ source: 'webchat', inApp: 'Instagram', sameDeviceAsInterview: true });
  });

  it('order of arguments does not matter, and absent sources are skipped', () => {
    expect(mergeDeviceSources(undefined, teamsOnWindows, webchat)).toEqual(mergeDeviceSources(webchat, undefined, teamsOnWindows));
  });

  it('no sources, no profile', () => {
    expect(mergeDeviceSources()).toBeUndefined();
    expect(mergeDeviceSources(undefined)).toBeUndefined();
  });

  it('leaves no field set to undefined, so spreading the result never erases a value', () => {
    const merged = mergeDeviceSources(teamsOnWindows)!;
    expect(Object.values(merged)).not.toContain(undefined);
  });
});
