/**
 * Teams' rules for the two icons of an app package: the color icon is a 192×192 PNG; the
 * outline icon a 32×32 PNG that is white on a transparent background and nothing else.
 *
 * pngjs is a development dependency: it is loaded only when icons are checked, so that the
 * command line still starts where only the runtime dependencies are installed.
 */
import type { PNG as PngClass } from "pngjs";

type PngModule = { PNG: typeof PngClass };

export interface DecodedIcon {
  width: number;
  height: number;
  data: Buffer;
}

async function loadPng(): Promise<PngModule["PNG"]> {
  const loaded = (await import("pngjs")) as PngModule & { default?: PngModule };
  return loaded.PNG ?? loaded.default!.PNG;
}

export function decodePng(PNG: PngModule["PNG"], bytes: Buffer): DecodedIcon | undefined {
  try {
    const png = PNG.sync.read(bytes);
    return { width: png.width, height: png.height, data: png.data };
  } catch {
    return undefined;
  }
}

/** Every way the icons break the rules, in words an administrator can act on. */
export async function iconProblems(icons: { color: Buffer; outline: Buffer }): Promise<string[]> {
  const PNG = await loadPng();
  const problems: string[] = [];
  const color = decodePng(PNG, icons.color);
  if (!color) problems.push("the color icon is not a PNG file");
  else if (color.width !== 192 || color.height !== 192) problems.push(`the color icon is ${color.width}×${color.height}; Teams needs 192×192`);

  const outline = decodePng(PNG, icons.outline);
  if (!outline) problems.push("the outline icon is not a PNG file");
  else {
    if (outline.width !== 32 || outline.height !== 32) problems.push(`the outline icon is ${outline.width}×${outline.height}; Teams needs 32×32`);
    let coloured = 0;
    let transparent = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      const alpha = outline.data[i + 3]!;
      if (alpha === 0) transparent++;
      else if (outline.data[i] !== 255 || outline.data[i + 1] !== 255 || outline.data[i + 2] !== 255) coloured++;
    }
    if (coloured) problems.push(`the outline icon has ${coloured} pixel(s) that are neither white nor transparent`);
    if (!transparent) problems.push("the outline icon has no transparent background");
  }
  return problems;
}
