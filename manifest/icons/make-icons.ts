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
  return written;
}

if (require.main === module) {
  for (const file of writeIcons(path.resolve(__dirname, ".."))) console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
