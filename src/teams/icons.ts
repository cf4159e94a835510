import { PNG } from 'pngjs';

/** The app's accent colour: the colour icon's background, and manifest.json's accentColor. */
export const ACCENT = { r: 0x2b, g: 0x5f, b: 0xd9 };

/** Teams' sizes: a 192×192 colour icon, a 32×32 white-on-transparent outline icon. */
export const COLOR_SIZE = 192;
export const OUTLINE_SIZE = 32;

/** Samples per pixel side: edges get smooth alpha instead of jagged steps. */
const SUPERSAMPLE = 4;

type Point = readonly [number, number];

/**
 * The app's symbol, in a unit square: a speech bubble (a chat) with a play button (a video
 * interview) cut out of it.
 */
function symbol(x: number, y: number): boolean {
  const bubble = inRoundedRect(x, y, 0, 0, 1, 0.78, 0.18) || inTriangle([x, y], [0.18, 0.7], [0.44, 0.7], [0.14, 1]);
  return bubble && !inTriangle([x, y], [0.4, 0.2], [0.4, 0.58], [0.7, 0.39]);
}

/**
 * The colour icon: the symbol in white on the accent colour, inside the middle 96×96 pixels that
 * Teams keeps clear of its own rounding and badges.
 */
export function drawColorIcon(): PNG {
  return draw(COLOR_SIZE, { left: 48, top: 50, size: 96 }, (coverage) => ({
    r: mix(ACCENT.r, 255, coverage),
    g: mix(ACCENT.g, 255, coverage),
    b: mix(ACCENT.b, 255, coverage),
    a: 255,
  }));
}

/** The outline icon: the symbol in white on transparent, as Teams requires; only alpha varies. */
export function drawOutlineIcon(): PNG {
  return draw(OUTLINE_SIZE, { left: 3, top: 3.5, size: 26 }, (coverage) => ({ r: 255, g: 255, b: 255, a: Math.round(255 * coverage) }));
}

function draw(
  size: number,
  box: { left: number; top: number; size: number },
  paint: (coverage: number) => { r: number; g: number; b: number; a: number },
): PNG {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE - box.left) / box.size;
          const y = (py + (sy + 0.5) / SUPERSAMPLE - box.top) / box.size;
          if (symbol(x, y)) hits++;
        }
      }
      const { r, g, b, a } = paint(hits / SUPERSAMPLE ** 2);
      const i = (py * size + px) * 4;
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = a;
    }
  }
  return png;
}

function mix(from: number, to: number, amount: number): number {
  return Math.round(from + (to - from) * amount);
}

function inRoundedRect(x: number, y: number, left: number, top: number, right: number, bottom: number, radius: number): boolean {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function inTriangle(p: Point, a: Point, b: Point, c: Point): boolean {
  const side = (from: Point, to: Point) => (to[0] - from[0]) * (p[1] - from[1]) - (to[1] - from[1]) * (p[0] - from[0]);
  const [ab, bc, ca] = [side(a, b), side(b, c), side(c, a)];
  return (ab >= 0 && bc >= 0 && ca >= 0) || (ab <= 0 && bc <= 0 && ca <= 0);
}
