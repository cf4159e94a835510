/**
 * Words candidates use for the same thing, mapped to one word so that a topic trained on "camera"
 * also hears "webcam". Only swaps that never change which topic is meant. The analyzer applies
 * them to words and to stems alike, so "redoing" follows "redo".
 */
export const SYNONYMS: Readonly<Record<string, string>> = {
  webcam: 'camera', webcamera: 'camera', cam: 'camera', facecam: 'camera',
  mic: 'microphone', mike: 'microphone', microphones: 'microphone', headset: 'microphone',
  sound: 'audio', voice: 'audio',
  url: 'link', hyperlink: 'link', weblink: 'link',
  invite: 'invitation', invites: 'invitation', invitations: 'invitation',
  website: 'site', webpage: 'page', websites: 'site', webpages: 'page',
  expiry: 'expired', expiration: 'expired', expire: 'expired', expires: 'expired', expiring: 'expired',
  redo: 'retake', rerecord: 'retake', reshoot: 'retake', retry: 'retake', retakes: 'retake', redid: 'retake',
  countdown: 'timer', clock: 'timer', stopwatch: 'timer',
  hr: 'recruiter', recruiting: 'recruiter', recruiters: 'recruiter', recruitment: 'recruiter',
  human: 'person', someone: 'person', somebody: 'person', people: 'person', agent: 'person',
  representative: 'person', rep: 'person', staff: 'person',
  vid: 'video', vids: 'video', clip: 'video',
  laptop: 'computer', pc: 'computer', desktop: 'computer', macbook: 'computer',
  chrome: 'browser', safari: 'browser', firefox: 'browser', edge: 'browser',
  freeze: 'frozen', froze: 'frozen', freezing: 'frozen', hang: 'frozen', hangs: 'frozen', hung: 'frozen',
  stalls: 'frozen', stalled: 'frozen', unresponsive: 'frozen',
  spinner: 'spinning', spin: 'spinning', spins: 'spinning', buffering: 'spinning',
  midway: 'halfway', middle: 'halfway', partway: 'halfway',
  proceed: 'continue', carry: 'continue',
  duedate: 'deadline',
  helpdesk: 'support', assistance: 'support',
  reanswer: 'retake', redoing: 'retake',
};
