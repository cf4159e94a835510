/** The phone the browser tests hold: a Pixel-sized Android Chrome, touch and all. */
export const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
  userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36',
};

/** The narrowest screen a page must reflow to without scrolling sideways (WCAG 1.4.10). */
export const PHONE_320 = { ...PHONE, viewport: { width: 320, height: 640 }, deviceScaleFactor: 2 };
