/**
 * Words candidates type in English whatever language they write in ("webcam", "mic", "url",
 * "chrome"): each language's synonyms start from these, so they read as that language's word.
 */
export function englishTechWords(camera: string, microphone: string, link: string): Record<string, string> {
  return {
    webcam: camera, webcamera: camera, cam: camera, facecam: camera, camera,
    mic: microphone, mike: microphone, microphone, headset: microphone,
    url: link, hyperlink: link, weblink: link, link, links: link,
    email: 'email', mail: 'email', emails: 'email', mails: 'email', gmail: 'email', outlook: 'email',
    chrome: 'browser', safari: 'browser', firefox: 'browser', edge: 'browser',
    laptop: 'computer', pc: 'computer', desktop: 'computer', macbook: 'computer',
    recruiter: 'recruiter', hr: 'recruiter', rh: 'recruiter',
  };
}
