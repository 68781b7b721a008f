import { readFileSync } from "node:fs";
import path from "node:path";
import { PNG } from "pngjs";
import { ACCENT_COLOR, drawColorIcon, drawOutlineIcon } from "../../manifest/icons/draw-icons";
import { iconProblems } from "../../manifest/icons/check-icons";
import { encodePng } from "../../manifest/icons/make-icons";

const manifestDir = path.join(__dirname, "..", "..", "manifest");
const read = (file: string) => PNG.sync.read(readFileSync(path.join(manifestDir, file)));
const manifest = JSON.parse(readFileSync(path.join(manifestDir, "manifest.json"), "utf8")) as { icons: { color: string; outline: string }; accentColor: string };

function pixel(png: { width: number; data: Buffer }, x: number, y: number): [number, number, number, number] {
  const i = (y * png.width + x) * 4;
  return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!, png.data[i + 3]!];
}

describe("the app's icons", () => {
  test("the color icon is a 192×192 opaque PNG: the accent colour around the mark, which stays in the central 96×96", () => {
    const color = read(manifest.icons.color);
    expect([color.width, color.height]).toEqual([192, 192]);
    const accent = [0, 2, 4].map((i) => Number.parseInt(manifest.accentColor.slice(1 + i, 3 + i), 16));
    let markPixels = 0;
    const seeThrough: string[] = [];
    const outsideTheCentre: string[] = [];
    for (let y = 0; y < 192; y++) {
      for (let x = 0; x < 192; x++) {
        const [r, g, b, a] = pixel(color, x, y);
        if (a !== 255) seeThrough.push(`${x},${y}`);
        if (r === accent[0] && g === accent[1] && b === accent[2]) continue;
        markPixels++;
        if (!(x >= 48 && x < 144 && y >= 48 && y < 144)) outsideTheCentre.push(`${x},${y}`);
      }
    }
    expect(seeThrough).toEqual([]);
    expect(outsideTheCentre).toEqual([]);
    // A mark worth the name: between a tenth and a half of its square.
    expect(markPixels).toBeGreaterThan(96 * 96 * 0.1);
    expect(markPixels).toBeLessThan(96 * 96 * 0.5);
  });

  test("the outline icon is 32×32, white on transparent and nothing else, with a visible mark", () => {
    const outline = read(manifest.icons.outline);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let transparent = 0;
    let solid = 0;
    const notWhite: string[] = [];
    for (let y = 0; y < 32; y++) {
      for (let x = 0; x < 32; x++) {
        const [r, g, b, a] = pixel(outline, x, y);
        if (a === 0) transparent++;
        else if (r !== 255 || g !== 255 || b !== 255) notWhite.push(`${x},${y}`);
        if (a === 255) solid++;
      }
    }
    expect(notWhite).toEqual([]);
    expect(transparent).toBeGreaterThan(32 * 32 * 0.5);
    expect(solid).toBeGreaterThan(60);
    // The corners are background.
    for (const [x, y] of [[0, 0], [31, 0], [0, 31], [31, 31]] as const) expect(pixel(outline, x, y)[3]).toBe(0);
  });

  test("the committed PNGs are what manifest/icons/draw-icons.ts draws (regenerate with `npx tsx manifest/icons/make-icons.ts`)", () => {
    expect(read(manifest.icons.color).data.equals(drawColorIcon().data)).toBe(true);
    expect(read(manifest.icons.outline).data.equals(drawOutlineIcon().data)).toBe(true);
    expect(ACCENT_COLOR).toBe(manifest.accentColor);
  });

  test("the icon check refuses what Teams would refuse, and says why", async () => {
    const good = { color: readFileSync(path.join(manifestDir, manifest.icons.color)), outline: readFileSync(path.join(manifestDir, manifest.icons.outline)) };
    await expect(iconProblems(good)).resolves.toEqual([]);

    const small = { width: 96, height: 96, data: Buffer.alloc(96 * 96 * 4, 255) };
    const tinted = read(manifest.icons.outline);
    for (let i = 0; i < tinted.data.length; i += 4) if (tinted.data[i + 3]! > 0) tinted.data[i] = 0;
    const opaque = { width: 32, height: 32, data: Buffer.alloc(32 * 32 * 4, 255) };

    await expect(iconProblems({ ...good, color: encodePng(small) })).resolves.toEqual(["the color icon is 96×96; Teams needs 192×192"]);
    const problems = await iconProblems({ ...good, outline: encodePng(tinted) });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/outline icon has \d+ pixel\(s\) that are neither white nor transparent/);
    await expect(iconProblems({ ...good, outline: encodePng(opaque) })).resolves.toEqual(["the outline icon has no transparent background"]);
    await expect(iconProblems({ color: Buffer.from("not a png"), outline: good.outline })).resolves.toEqual(["the color icon is not a PNG file"]);
  });
});
