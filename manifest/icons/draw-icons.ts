/**
 * The app's two icons, drawn in code so that they can be regenerated and checked: a speech
 * bubble (the bot asks, the ministry answers in chat) holding a check mark (the answer is in,
 * the recommendation is followed up).
 *
 * - color: 192×192, opaque, the mark in white on the accent colour, inside the central 96×96
 *   (Teams app icon guidelines: the symbol in the middle half, the background filling the square).
 * - outline: 32×32, white on a transparent background, nothing but white and transparency
 *   (Teams requires it: the host tints the outline icon itself).
 *
 * Pure: returns RGBA pixels; `make-icons.ts` writes them as PNG files.
 */

/** The manifest's `accentColor`: the colour icon's background. */
export const ACCENT_COLOR = "#1F4E79";

export interface Bitmap {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel, rows top to bottom. */
  data: Buffer;
}

type Point = readonly [number, number];

/** Samples per pixel side: 8×8 = 64 samples give smooth edges at 32 px. */
const SUPERSAMPLING = 8;

/** The bubble's outline as one closed polygon, in a unit box (y down), tail included. */
function bubblePolygon(): Point[] {
  const [x0, x1, y0, y1, r] = [0.06, 0.94, 0.1, 0.7, 0.16];
  const points: Point[] = [];
  const arc = (cx: number, cy: number, from: number, to: number) => {
    const steps = 24;
    for (let i = 0; i <= steps; i++) {
      const angle = ((from + ((to - from) * i) / steps) * Math.PI) / 180;
      points.push([cx + r * Math.cos(angle), cy + r * Math.sin(angle)]);
    }
  };
  arc(x1 - r, y0 + r, -90, 0); // top right
  arc(x1 - r, y1 - r, 0, 90); // bottom right
  // The tail, leaning left, cut into the bottom edge.
  points.push([0.47, y1], [0.2, 0.93], [0.29, y1]);
  arc(x0 + r, y1 - r, 90, 180); // bottom left
  arc(x0 + r, y0 + r, 180, 270); // top left
  return points;
}

/** The check mark's stroke, in the same unit box. */
const CHECK: Point[] = [
  [0.29, 0.41],
  [0.44, 0.55],
  [0.71, 0.26],
];

function insidePolygon(polygon: readonly Point[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i]!;
    const b = polygon[j]!;
    if (a[1] > y !== b[1] > y && x < ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
  }
  return inside;
}

/** Squared: the square root is taken once per path, not once per segment. */
function squaredDistanceToSegment(x: number, y: number, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  let t = ((x - a[0]) * dx + (y - a[1]) * dy) / (dx * dx + dy * dy);
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const ex = x - (a[0] + t * dx);
  const ey = y - (a[1] + t * dy);
  return ex * ex + ey * ey;
}

function distanceToPath(points: readonly Point[], x: number, y: number, closed: boolean): number {
  let best = Infinity;
  const last = closed ? points.length : points.length - 1;
  for (let i = 0; i < last; i++) {
    const squared = squaredDistanceToSegment(x, y, points[i]!, points[(i + 1) % points.length]!);
    if (squared < best) best = squared;
  }
  return Math.sqrt(best);
}

/**
 * Fraction (0..1) of the pixel (px, py) covered by a shape, given as a test in unit-box
 * coordinates and the distance to the nearest place where that test changes. Pixels whose
 * centre is farther than half a diagonal from every edge are wholly in or out: only the pixels
 * on an edge are supersampled.
 */
function coverage(px: number, py: number, box: { x: number; y: number; size: number }, shape: Shape): number {
  const cx = (px + 0.5 - box.x) / box.size;
  const cy = (py + 0.5 - box.y) / box.size;
  if (shape.edgeDistance(cx, cy) > 0.75 / box.size) return shape.inside(cx, cy) ? 1 : 0;
  let hits = 0;
  for (let sy = 0; sy < SUPERSAMPLING; sy++) {
    for (let sx = 0; sx < SUPERSAMPLING; sx++) {
      const x = (px + (sx + 0.5) / SUPERSAMPLING - box.x) / box.size;
      const y = (py + (sy + 0.5) / SUPERSAMPLING - box.y) / box.size;
      if (shape.inside(x, y)) hits++;
    }
  }
  return hits / (SUPERSAMPLING * SUPERSAMPLING);
}

interface Shape {
  inside(x: number, y: number): boolean;
  /** A lower bound of the distance from (x, y) to where `inside` changes. */
  edgeDistance(x: number, y: number): number;
}

function rgbOf(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** 192×192: the white bubble on the accent colour, the check mark cut out in the accent colour. */
export function drawColorIcon(): Bitmap {
  const size = 192;
  const box = { x: 48, y: 48, size: 96 };
  const bubble = bubblePolygon();
  const checkHalfWidth = 0.045;
  const [ar, ag, ab] = rgbOf(ACCENT_COLOR);
  const shape: Shape = {
    inside: (x, y) => insidePolygon(bubble, x, y) && distanceToPath(CHECK, x, y, false) > checkHalfWidth,
    edgeDistance: (x, y) => Math.min(distanceToPath(bubble, x, y, true), Math.abs(distanceToPath(CHECK, x, y, false) - checkHalfWidth)),
  };
  const data = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const white = coverage(px, py, box, shape);
      const offset = (py * size + px) * 4;
      data[offset] = Math.round(ar + (255 - ar) * white);
      data[offset + 1] = Math.round(ag + (255 - ag) * white);
      data[offset + 2] = Math.round(ab + (255 - ab) * white);
      data[offset + 3] = 255;
    }
  }
  return { width: size, height: size, data };
}

/** 32×32: the bubble's outline and the check mark in white, everything else transparent. */
export function drawOutlineIcon(): Bitmap {
  const size = 32;
  const box = { x: 2, y: 2, size: 28 };
  const bubble = bubblePolygon();
  const strokeWidth = 0.08;
  const checkHalfWidth = 0.047;
  const shape: Shape = {
    inside: (x, y) => (insidePolygon(bubble, x, y) && distanceToPath(bubble, x, y, true) <= strokeWidth) || distanceToPath(CHECK, x, y, false) <= checkHalfWidth,
    edgeDistance: (x, y) => {
      const toOutline = distanceToPath(bubble, x, y, true);
      return Math.min(toOutline, Math.abs(toOutline - strokeWidth), Math.abs(distanceToPath(CHECK, x, y, false) - checkHalfWidth));
    },
  };
  const data = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const alpha = coverage(px, py, box, shape);
      const offset = (py * size + px) * 4;
      data[offset] = 255;
      data[offset + 1] = 255;
      data[offset + 2] = 255;
      data[offset + 3] = Math.round(255 * alpha);
    }
  }
  return { width: size, height: size, data };
}
