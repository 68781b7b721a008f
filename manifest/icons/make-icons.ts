/**
 * Writes manifest/color.png and manifest/outline.png from `draw-icons.ts`:
 *
 *   npx tsx manifest/icons/make-icons.ts
 *
 * The PNGs are committed; tests/manifest/icons.test.ts checks that they are what this draws.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { PNG } from "pngjs";
import { drawColorIcon, drawOutlineIcon, type Bitmap } from "./draw-icons";

export const ICON_FILES = { color: "color.png", outline: "outline.png" } as const;

export function encodePng(bitmap: Bitmap): Buffer {
  const png = new PNG({ width: bitmap.width, height: bitmap.height, colorType: 6 });
  bitmap.data.copy(png.data);
  return PNG.sync.write(png, { colorType: 6 });
}

/** The sizes Word's ribbon asks an add-in's button for (the unified manifest requires 16, 32 and 80). */
export const RIBBON_ICON_SIZES = [16, 32, 80] as const;

/** Where the ribbon icons are served from: the tab's public folder, at `/word/icon-{size}.png`. */
export const RIBBON_ICON_DIR = path.resolve(__dirname, "..", "..", "tabs", "public", "word");

/** A square bitmap scaled down by averaging (premultiplied by alpha, so that edges do not darken). */
export function scaleDown(bitmap: Bitmap, size: number): Bitmap {
  const data = Buffer.alloc(size * size * 4);
  const ratio = bitmap.width / size;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0, n = 0;
      for (let sy = Math.floor(y * ratio); sy < Math.floor((y + 1) * ratio); sy++) {
        for (let sx = Math.floor(x * ratio); sx < Math.floor((x + 1) * ratio); sx++) {
          const i = (sy * bitmap.width + sx) * 4;
          const alpha = bitmap.data[i + 3]!;
          r += bitmap.data[i]! * alpha; g += bitmap.data[i + 1]! * alpha; b += bitmap.data[i + 2]! * alpha; a += alpha; n++;
        }
      }
      const o = (y * size + x) * 4;
      data[o] = a ? Math.round(r / a) : 0; data[o + 1] = a ? Math.round(g / a) : 0; data[o + 2] = a ? Math.round(b / a) : 0; data[o + 3] = Math.round(a / n);
    }
  }
  return { width: size, height: size, data };
}

/** The ribbon button's icons: the color icon at each size the ribbon uses. */
export function ribbonIcons(): { size: number; png: Buffer }[] {
  const color = drawColorIcon();
  return RIBBON_ICON_SIZES.map((size) => ({ size, png: encodePng(scaleDown(color, size)) }));
}

export function writeIcons(folder: string): string[] {
  const written: string[] = [];
  for (const [file, bitmap] of [
    [ICON_FILES.color, drawColorIcon()],
    [ICON_FILES.outline, drawOutlineIcon()],
  ] as const) {
    const target = path.join(folder, file);
    writeFileSync(target, encodePng(bitmap));
    written.push(target);
  }
  for (const { size, png } of ribbonIcons()) {
    const target = path.join(RIBBON_ICON_DIR, `icon-${size}.png`);
    writeFileSync(target, png);
    written.push(target);
  }
  return written;
}

if (require.main === module) {
  for (const file of writeIcons(path.resolve(__dirname, ".."))) console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
