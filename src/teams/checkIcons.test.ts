import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { checkIcons } from './checkIcons';
import { drawColorIcon, drawOutlineIcon } from './icons';

function folderWith(files: Record<string, PNG | string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'icons-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), typeof content === 'string' ? content : PNG.sync.write(content));
  return dir;
}

function filled(size: number, rgba: [number, number, number, number]): PNG {
  const png = new PNG({ width: size, height: size });
  for (let i = 0; i < png.data.length; i += 4) png.data.set(rgba, i);
  return png;
}

const icons = { color: 'color.png', outline: 'outline.png' };

test('the drawn icons pass', () => {
  expect(checkIcons(folderWith({ 'color.png': drawColorIcon(), 'outline.png': drawOutlineIcon() }), icons)).toEqual([]);
});

test.each<[string, Record<string, PNG | string>, RegExp]>([
  [
    'a colour icon of the wrong size',
    { 'color.png': filled(96, [0, 0, 255, 255]), 'outline.png': drawOutlineIcon() },
    /color\.png: the color icon must be 192×192 pixels \(it is 96×96\)/,
  ],
  ['an outline icon of the wrong size', { 'color.png': drawColorIcon(), 'outline.png': filled(192, [255, 255, 255, 0]) }, /must be 32×32/],
  ['an outline icon without transparency', { 'color.png': drawColorIcon(), 'outline.png': filled(32, [255, 255, 255, 255]) }, /needs a transparent background/],
  ['an outline icon in colour', { 'color.png': drawColorIcon(), 'outline.png': filled(32, [0, 0, 0, 128]) }, /must be white on transparent \(1024 pixels/],
  ['a missing icon', { 'color.png': drawColorIcon() }, /outline\.png: not found/],
  ['an icon that is not a PNG', { 'color.png': 'GIF89a', 'outline.png': drawOutlineIcon() }, /color\.png: not a readable PNG/],
])('%s is a problem', (_name, files, message) => {
  expect(checkIcons(folderWith(files), icons).join('\n')).toMatch(message);
});
