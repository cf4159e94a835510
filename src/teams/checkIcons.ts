import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { COLOR_SIZE, OUTLINE_SIZE } from './icons';

/**
 * Teams rejects a package whose icons are the wrong size, and shows an outline icon that isn't
 * white on transparent as a solid square. Returns the problems with the icons the manifest names.
 */
export function checkIcons(dir: string, icons: { color?: unknown; outline?: unknown } | undefined): string[] {
  const color = readIcon(dir, 'color', icons?.color, COLOR_SIZE);
  const outline = readIcon(dir, 'outline', icons?.outline, OUTLINE_SIZE);
  return [...color.problems, ...outline.problems, ...(outline.png ? outlineProblems(String(icons?.outline), outline.png) : [])];
}

function readIcon(dir: string, kind: string, file: unknown, size: number): { png?: PNG; problems: string[] } {
  if (typeof file !== 'string' || file === '') return { problems: [`manifest.json /icons/${kind}: missing`] };
  const path = join(dir, file);
  if (!existsSync(path)) return { problems: [`${file}: not found in ${dir}`] };
  let png: PNG;
  try {
    png = PNG.sync.read(readFileSync(path));
  } catch (error) {
    return { problems: [`${file}: not a readable PNG (${(error as Error).message})`] };
  }
  if (png.width !== size || png.height !== size) return { problems: [`${file}: the ${kind} icon must be ${size}×${size} pixels (it is ${png.width}×${png.height})`] };
  return { png, problems: [] };
}

/** White where drawn, fully transparent around: only alpha may vary. */
function outlineProblems(file: string, png: PNG): string[] {
  let transparent = 0;
  let coloured = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const [r, g, b, a] = [png.data[i], png.data[i + 1], png.data[i + 2], png.data[i + 3]];
    if (a === 0) transparent++;
    else if (r !== 255 || g !== 255 || b !== 255) coloured++;
  }
  const problems: string[] = [];
  if (transparent === 0) problems.push(`${file}: the outline icon needs a transparent background (no pixel is transparent)`);
  if (coloured > 0) problems.push(`${file}: the outline icon must be white on transparent (${coloured} pixels are another colour)`);
  return problems;
}
