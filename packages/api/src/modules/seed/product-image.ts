/**
 * Deterministic, self-contained SVG product illustrations for the demo catalogue:
 * a hue-derived gradient background, a flat vector drawing of the product motif,
 * a few seed-dependent decorations and the product title on a card at the bottom.
 * Uses no external references and no fonts other than the generic system stack.
 */
import type { ProductMotif } from './demo-data.js';

export const PRODUCT_IMAGE_SIZE = { width: 800, height: 800 } as const;

interface Palette {
  bgTop: string;
  bgBottom: string;
  ink: string;
  main: string;
  soft: string;
  pale: string;
  accent: string;
  warm: string;
  subtitle: string;
}

const FONT_FAMILY = 'system-ui, sans-serif';
const TEXT_MAX_WIDTH = 630;
const TITLE_FONT_SIZES = [46, 40] as const;
const TWO_LINE_FONT_SIZE = 34;
const SUBTITLE_FONT_SIZE = 26;
const ELLIPSIS = '…';

// ── colour ────────────────────────────────────────────────────────────────

function normaliseHue(hue: number): number {
  if (!Number.isFinite(hue)) return 0;
  return ((Math.round(hue) % 360) + 360) % 360;
}

/** HSL (degrees, percent, percent) to #rrggbb. */
function hsl(h: number, s: number, l: number): string {
  const hue = normaliseHue(h);
  const sat = Math.min(100, Math.max(0, s)) / 100;
  const light = Math.min(100, Math.max(0, l)) / 100;
  const a = sat * Math.min(light, 1 - light);
  const channel = (n: number): string => {
    const k = (n + hue / 30) % 12;
    const value = light - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(value * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}

function palette(hue: number): Palette {
  return {
    bgTop: hsl(hue, 72, 92),
    bgBottom: hsl(hue + 24, 58, 76),
    ink: hsl(hue, 42, 20),
    main: hsl(hue, 55, 50),
    soft: hsl(hue, 62, 74),
    pale: hsl(hue, 70, 96),
    accent: hsl(hue + 180, 58, 58),
    warm: hsl(hue + 40, 85, 64),
    subtitle: hsl(hue, 35, 38),
  };
}

// ── deterministic randomness ──────────────────────────────────────────────

/** FNV-1a 32-bit hash. */
function hashString(input: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < input.length; i++) {
    hash ^= input.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32 PRNG returning floats in [0, 1). */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function fmt(n: number): string {
  return String(Math.round(n * 10) / 10);
}

// ── text ──────────────────────────────────────────────────────────────────

// Characters not allowed in XML 1.0 documents (C0 controls except tab/LF/CR,
// lone surrogates and the U+FFFE/U+FFFF non-characters).
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Cs}/gu;

function cleanText(text: string): string {
  return text.replace(INVALID_XML_CHARS, '').replace(/\s+/g, ' ').trim();
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function isWide(codePoint: number): boolean {
  return (
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0xa4cf) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    codePoint >= 0x1f300
  );
}

/** Rough advance width of one character in em for a bold sans-serif face. */
function charWidthEm(char: string): number {
  const codePoint = char.codePointAt(0) ?? 0;
  if (isWide(codePoint)) return 1;
  if (char === ' ') return 0.32;
  if (/[il.,:;'|!]/.test(char)) return 0.32;
  if (/[fjrt()[\]-]/.test(char)) return 0.42;
  if (/[MW@%]/.test(char)) return 0.95;
  if (/[A-Z0-9mw&]/.test(char)) return 0.76;
  return 0.64;
}

function textWidth(chars: readonly string[], fontSize: number): number {
  let em = 0;
  for (const char of chars) em += charWidthEm(char);
  return em * fontSize;
}

/** Cuts `chars` so that it plus an ellipsis fits in `maxWidth`. */
function truncate(chars: readonly string[], fontSize: number, maxWidth: number): string {
  const budget = maxWidth - charWidthEm(ELLIPSIS) * fontSize;
  let width = 0;
  let end = 0;
  for (const char of chars) {
    const next = width + charWidthEm(char) * fontSize;
    if (next > budget) break;
    width = next;
    end++;
  }
  return `${chars.slice(0, end).join('').trimEnd()}${ELLIPSIS}`;
}

/** Index at which a line may break before `chars[i]` (after a space, or around wide characters). */
function canBreakBefore(chars: readonly string[], i: number): boolean {
  const prev = chars[i - 1];
  const curr = chars[i];
  if (prev === undefined || curr === undefined) return false;
  if (prev === ' ') return true;
  return isWide(prev.codePointAt(0) ?? 0) || isWide(curr.codePointAt(0) ?? 0);
}

/**
 * Fits the title on one line (shrinking the font a little if needed) or wraps it onto
 * two lines at a smaller size, truncating the second line with an ellipsis.
 */
function fitTitle(title: string): { lines: string[]; fontSize: number } {
  const chars = Array.from(title);
  for (const fontSize of TITLE_FONT_SIZES) {
    if (textWidth(chars, fontSize) <= TEXT_MAX_WIDTH) return { lines: [title], fontSize };
  }
  const fontSize = TWO_LINE_FONT_SIZE;
  let width = 0;
  let lastBreak = -1;
  let cut = chars.length;
  for (let i = 0; i < chars.length; i++) {
    if (canBreakBefore(chars, i)) lastBreak = i;
    width += charWidthEm(chars[i] ?? '') * fontSize;
    if (width > TEXT_MAX_WIDTH) {
      cut = lastBreak > 0 ? lastBreak : i;
      break;
    }
  }
  const first = chars.slice(0, cut).join('').trimEnd();
  const rest = Array.from(chars.slice(cut).join('').trimStart());
  const second =
    textWidth(rest, fontSize) <= TEXT_MAX_WIDTH ? rest.join('') : truncate(rest, fontSize, TEXT_MAX_WIDTH);
  return { lines: second ? [first, second] : [first], fontSize };
}

function fitSubtitle(subtitle: string): string {
  const chars = Array.from(subtitle);
  if (textWidth(chars, SUBTITLE_FONT_SIZE) <= TEXT_MAX_WIDTH) return subtitle;
  return truncate(chars, SUBTITLE_FONT_SIZE, TEXT_MAX_WIDTH);
}

// ── motifs (drawn around the origin, roughly within ±200) ─────────────────

const outline = (p: Palette, width = 10): string =>
  `stroke="${p.ink}" stroke-width="${width}" stroke-linejoin="round" stroke-linecap="round"`;

const shadow = (p: Palette, cy: number, rx: number): string =>
  `<ellipse cx="0" cy="${cy}" rx="${rx}" ry="18" fill="${p.ink}" fill-opacity="0.16"/>`;

/** A thick outlined tube along `d` (drawn as an ink stroke under a coloured one). */
const tube = (p: Palette, d: string, fill: string, width: number): string =>
  `<path d="${d}" fill="none" stroke="${p.ink}" stroke-width="${width + 18}" stroke-linecap="round" stroke-linejoin="round"/>` +
  `<path d="${d}" fill="none" stroke="${fill}" stroke-width="${width}" stroke-linecap="round" stroke-linejoin="round"/>`;

const steam = (xs: readonly number[], top: number): string =>
  xs
    .map(
      (x) =>
        `<path d="M${x},${top} c-22,-28 22,-44 0,-74" fill="none" stroke="#ffffff" stroke-opacity="0.85" stroke-width="11" stroke-linecap="round"/>`,
    )
    .join('');

const MOTIFS: Record<ProductMotif, (p: Palette) => string> = {
  coffee: (p) =>
    [
      shadow(p, 150, 190),
      steam([-45, 10, 65], -70),
      tube(p, 'M118,-5 C190,-5 190,85 110,85', p.main, 22),
      `<ellipse cx="0" cy="128" rx="178" ry="32" fill="${p.soft}" ${outline(p)}/>`,
      `<path d="M-125,-35 H125 V35 C125,98 72,126 0,126 C-72,126 -125,98 -125,35 Z" fill="${p.main}" ${outline(p)}/>`,
      `<ellipse cx="0" cy="-35" rx="125" ry="24" fill="#6b3f24" ${outline(p)}/>`,
      `<path d="M-95,20 C-95,60 -70,85 -35,95" fill="none" stroke="${p.pale}" stroke-opacity="0.6" stroke-width="10" stroke-linecap="round"/>`,
      `<g transform="translate(150 -120) rotate(30)"><ellipse cx="0" cy="0" rx="30" ry="42" fill="#7a4a2a" ${outline(p, 7)}/>`,
      `<path d="M0,-36 C14,-12 -14,12 0,36" fill="none" stroke="${p.ink}" stroke-width="6" stroke-linecap="round"/></g>`,
    ].join(''),

  tea: (p) =>
    [
      shadow(p, 150, 160),
      tube(p, 'M-118,45 C-170,35 -180,-15 -212,-48', p.main, 24),
      tube(p, 'M120,-15 C205,-25 205,110 118,98', p.main, 22),
      `<ellipse cx="0" cy="45" rx="140" ry="108" fill="${p.main}" ${outline(p)}/>`,
      `<path d="M-128,60 Q0,110 128,60" fill="none" stroke="${p.pale}" stroke-width="12" stroke-linecap="round"/>`,
      `<path d="M-78,-52 Q0,-108 78,-52 Z" fill="${p.soft}" ${outline(p)}/>`,
      `<circle cx="0" cy="-90" r="17" fill="${p.warm}" ${outline(p, 8)}/>`,
      `<path d="M-75,10 C-60,-20 -30,-30 -10,-28" fill="none" stroke="${p.pale}" stroke-opacity="0.6" stroke-width="10" stroke-linecap="round"/>`,
      `<path d="M150,150 C150,110 190,95 215,100 C215,135 185,155 150,150 Z" fill="#5aa86a" ${outline(p, 7)}/>`,
    ].join(''),

  mug: (p) =>
    [
      shadow(p, 152, 150),
      steam([-70, -20, 30], -125),
      tube(p, 'M85,-45 C170,-45 170,85 85,85', p.main, 26),
      `<rect x="-135" y="-110" width="220" height="255" rx="32" fill="${p.main}" ${outline(p)}/>`,
      `<rect x="-130" y="-40" width="210" height="40" fill="${p.pale}" fill-opacity="0.85"/>`,
      [-95, -55, -15, 25, 60].map((x) => `<circle cx="${x}" cy="-20" r="9" fill="${p.accent}"/>`).join(''),
      `<rect x="-135" y="-110" width="220" height="255" rx="32" fill="none" ${outline(p)}/>`,
      `<path d="M-105,30 V110" stroke="${p.pale}" stroke-opacity="0.55" stroke-width="12" stroke-linecap="round"/>`,
    ].join(''),

  book: (p) => {
    const lines = [-45, -10, 25, 60]
      .map((y) =>
        [
          `<path d="M-150,${y} C-115,${y - 12} -70,${y - 12} -30,${y + 2}" fill="none" stroke="${p.soft}" stroke-width="9" stroke-linecap="round"/>`,
          `<path d="M150,${y} C115,${y - 12} 70,${y - 12} 30,${y + 2}" fill="none" stroke="${p.soft}" stroke-width="9" stroke-linecap="round"/>`,
        ].join(''),
      )
      .join('');
    return [
      shadow(p, 165, 200),
      `<path d="M-200,-80 V140 Q-100,112 0,148 Q100,112 200,140 V-80 Z" fill="${p.main}" ${outline(p)}/>`,
      `<path d="M0,-92 C-55,-122 -125,-120 -180,-96 L-180,118 C-125,96 -55,96 0,126 Z" fill="${p.pale}" ${outline(p)}/>`,
      `<path d="M0,-92 C55,-122 125,-120 180,-96 L180,118 C125,96 55,96 0,126 Z" fill="${p.pale}" ${outline(p)}/>`,
      lines,
      `<path d="M105,-112 V-35 L122,-52 L139,-35 V-116" fill="${p.accent}" ${outline(p, 7)}/>`,
    ].join('');
  },

  bag: (p) =>
    [
      shadow(p, 165, 170),
      `<path d="M-72,-55 C-72,-170 72,-170 72,-55" fill="none" stroke="${p.ink}" stroke-width="24" stroke-linecap="round"/>`,
      `<path d="M-72,-55 C-72,-170 72,-170 72,-55" fill="none" stroke="${p.soft}" stroke-width="10" stroke-linecap="round"/>`,
      `<path d="M-155,-60 H155 L135,155 H-135 Z" fill="${p.main}" ${outline(p)}/>`,
      `<path d="M-152,-25 H152" stroke="${p.ink}" stroke-opacity="0.25" stroke-width="10"/>`,
      `<rect x="-60" y="15" width="120" height="80" rx="14" fill="${p.pale}" ${outline(p, 7)}/>`,
      `<path d="M0,72 C-40,45 -30,20 0,38 C30,20 40,45 0,72 Z" fill="${p.accent}"/>`,
      `<circle cx="-72" cy="-40" r="10" fill="${p.ink}"/><circle cx="72" cy="-40" r="10" fill="${p.ink}"/>`,
    ].join(''),

  headphones: (p) =>
    [
      shadow(p, 175, 170),
      `<path d="M-140,45 V10 C-140,-165 140,-165 140,10 V45" fill="none" stroke="${p.ink}" stroke-width="40" stroke-linecap="round"/>`,
      `<path d="M-140,45 V10 C-140,-165 140,-165 140,10 V45" fill="none" stroke="${p.main}" stroke-width="22" stroke-linecap="round"/>`,
      `<rect x="-185" y="10" width="84" height="150" rx="38" fill="${p.main}" ${outline(p)}/>`,
      `<rect x="101" y="10" width="84" height="150" rx="38" fill="${p.main}" ${outline(p)}/>`,
      `<rect x="-112" y="28" width="30" height="114" rx="15" fill="${p.soft}" ${outline(p, 7)}/>`,
      `<rect x="82" y="28" width="30" height="114" rx="15" fill="${p.soft}" ${outline(p, 7)}/>`,
      `<circle cx="-150" cy="85" r="17" fill="${p.pale}"/><circle cx="150" cy="85" r="17" fill="${p.pale}"/>`,
    ].join(''),

  lamp: (p) =>
    [
      `<path d="M-95,-22 L-185,150 H185 L95,-22 Z" fill="${p.warm}" fill-opacity="0.35"/>`,
      shadow(p, 162, 130),
      `<rect x="-9" y="-25" width="18" height="170" rx="6" fill="${p.ink}"/>`,
      `<ellipse cx="0" cy="-20" rx="44" ry="14" fill="${p.warm}"/>`,
      `<path d="M-72,-160 H72 L132,-22 H-132 Z" fill="${p.main}" ${outline(p)}/>`,
      `<path d="M-89,-120 H89 M-108,-75 H108" stroke="${p.soft}" stroke-width="9" stroke-linecap="round"/>`,
      `<path d="M-40,-160 L-70,-22 M0,-160 V-22 M40,-160 L70,-22" stroke="${p.ink}" stroke-opacity="0.2" stroke-width="6"/>`,
      `<ellipse cx="0" cy="148" rx="95" ry="22" fill="${p.main}" ${outline(p)}/>`,
    ].join(''),

  plant: (p) => {
    const leaf = '#4f9d63';
    const leafLight = '#7cc58a';
    const stroke = outline(p, 8);
    return [
      shadow(p, 168, 120),
      `<path d="M0,20 C-40,-10 -120,-20 -150,-95 C-80,-105 -20,-55 0,20 Z" fill="${leaf}" ${stroke}/>`,
      `<path d="M0,20 C40,-10 120,-20 150,-95 C80,-105 20,-55 0,20 Z" fill="${leaf}" ${stroke}/>`,
      `<path d="M0,20 C-30,-40 -75,-90 -72,-158 C-20,-135 2,-65 0,20 Z" fill="${leafLight}" ${stroke}/>`,
      `<path d="M0,20 C30,-40 75,-90 72,-158 C20,-135 -2,-65 0,20 Z" fill="${leafLight}" ${stroke}/>`,
      `<path d="M0,20 C-45,-60 -30,-145 0,-188 C30,-145 45,-60 0,20 Z" fill="${leaf}" ${stroke}/>`,
      `<path d="M0,5 V-150" stroke="${leafLight}" stroke-width="6" stroke-linecap="round"/>`,
      `<path d="M-100,42 H100 L80,162 H-80 Z" fill="${p.main}" ${outline(p)}/>`,
      `<rect x="-118" y="18" width="236" height="38" rx="10" fill="${p.soft}" ${outline(p)}/>`,
      `<path d="M-60,95 H60" stroke="${p.pale}" stroke-opacity="0.6" stroke-width="10" stroke-linecap="round"/>`,
    ].join('');
  },

  shirt: (p) =>
    [
      shadow(p, 175, 150),
      `<path d="M-70,-150 C-40,-122 40,-122 70,-150 L172,-100 L136,-18 L96,-38 V162 H-96 V-38 L-136,-18 L-172,-100 Z" fill="${p.main}" ${outline(p)}/>`,
      `<path d="M-70,-150 C-40,-122 40,-122 70,-150 C40,-96 -40,-96 -70,-150 Z" fill="${p.soft}" ${outline(p, 8)}/>`,
      `<path d="M-150,-52 L-118,-37 M150,-52 L118,-37" stroke="${p.ink}" stroke-opacity="0.35" stroke-width="8" stroke-linecap="round"/>`,
      `<rect x="28" y="-40" width="44" height="48" rx="8" fill="none" stroke="${p.pale}" stroke-width="7"/>`,
      `<path d="M-96,60 H96 M-96,92 H96" stroke="${p.pale}" stroke-opacity="0.55" stroke-width="12"/>`,
    ].join(''),

  chat: (p) =>
    [
      `<path d="M-130,0 L-155,62 L-80,5" fill="${p.main}" ${outline(p)}/>`,
      `<rect x="-185" y="-155" width="250" height="165" rx="38" fill="${p.main}" ${outline(p)}/>`,
      [-120, -60, 0].map((x) => `<circle cx="${x}" cy="-72" r="15" fill="${p.pale}"/>`).join(''),
      `<path d="M125,128 L160,185 L70,125" fill="${p.pale}" ${outline(p)}/>`,
      `<rect x="-35" y="-15" width="220" height="150" rx="38" fill="${p.pale}" ${outline(p)}/>`,
      `<path d="M10,42 H140 M10,84 H95" stroke="${p.main}" stroke-width="13" stroke-linecap="round"/>`,
      `<circle cx="150" cy="84" r="9" fill="${p.accent}"/>`,
    ].join(''),

  chart: (p) =>
    [
      shadow(p, 170, 180),
      `<rect x="-175" y="-155" width="350" height="305" rx="26" fill="${p.pale}" ${outline(p)}/>`,
      `<rect x="-95" y="50" width="40" height="62" fill="${p.soft}" ${outline(p, 6)}/>`,
      `<rect x="-35" y="10" width="40" height="102" fill="${p.main}" ${outline(p, 6)}/>`,
      `<rect x="25" y="-20" width="40" height="132" fill="${p.soft}" ${outline(p, 6)}/>`,
      `<rect x="85" y="-62" width="40" height="174" fill="${p.main}" ${outline(p, 6)}/>`,
      `<path d="M-125,-110 V112 H140" fill="none" stroke="${p.ink}" stroke-width="9" stroke-linecap="round" stroke-linejoin="round"/>`,
      `<path d="M-80,15 L-20,-25 L40,-55 L98,-102" fill="none" stroke="${p.accent}" stroke-width="11" stroke-linecap="round" stroke-linejoin="round"/>`,
      `<path d="M120,-120 L78,-112 L108,-80 Z" fill="${p.accent}" stroke="${p.accent}" stroke-width="6" stroke-linejoin="round"/>`,
    ].join(''),

  briefcase: (p) =>
    [
      shadow(p, 168, 190),
      `<path d="M-52,-82 V-118 Q-52,-140 -30,-140 H30 Q52,-140 52,-118 V-82" fill="none" stroke="${p.ink}" stroke-width="20" stroke-linejoin="round"/>`,
      `<rect x="-175" y="-88" width="350" height="238" rx="26" fill="${p.main}" ${outline(p)}/>`,
      `<path d="M-175,2 V-62 Q-175,-88 -149,-88 H149 Q175,-88 175,-62 V2 Z" fill="${p.soft}" ${outline(p)}/>`,
      `<rect x="-30" y="-20" width="60" height="44" rx="9" fill="${p.warm}" ${outline(p, 8)}/>`,
      `<path d="M-130,60 V110 M130,60 V110" stroke="${p.ink}" stroke-opacity="0.3" stroke-width="10" stroke-linecap="round"/>`,
    ].join(''),

  shield: (p) =>
    [
      shadow(p, 185, 120),
      `<path d="M0,-172 L145,-120 V-12 C145,82 78,142 0,178 C-78,142 -145,82 -145,-12 V-120 Z" fill="${p.main}" ${outline(p)}/>`,
      `<path d="M0,-167 L140,-117 V-12 C140,80 75,138 0,172 Z" fill="${p.ink}" fill-opacity="0.14"/>`,
      `<path d="M0,-130 L110,-92 V-12 C110,60 60,106 0,136 C-60,106 -110,60 -110,-12 V-92 Z" fill="none" stroke="${p.pale}" stroke-opacity="0.55" stroke-width="8" stroke-linejoin="round"/>`,
      `<path d="M-58,0 L-14,44 L68,-48" fill="none" stroke="#ffffff" stroke-width="28" stroke-linecap="round" stroke-linejoin="round"/>`,
    ].join(''),

  globe: (p) =>
    [
      shadow(p, 185, 130),
      `<circle cx="0" cy="0" r="160" fill="${p.main}" ${outline(p)}/>`,
      `<path d="M-60,-120 C-20,-140 30,-120 20,-80 C10,-40 -50,-50 -70,-20 C-90,10 -120,-10 -130,-40 C-120,-80 -95,-105 -60,-120 Z" fill="${p.soft}"/>`,
      `<path d="M40,10 C80,-10 130,10 128,50 C120,95 80,120 50,110 C30,80 10,40 40,10 Z" fill="${p.soft}"/>`,
      `<ellipse cx="0" cy="0" rx="70" ry="160" fill="none" stroke="${p.pale}" stroke-opacity="0.75" stroke-width="7"/>`,
      `<path d="M0,-160 V160 M-160,0 H160 M-139,-80 H139 M-139,80 H139" stroke="${p.pale}" stroke-opacity="0.75" stroke-width="7"/>`,
      `<circle cx="0" cy="0" r="160" fill="none" ${outline(p)}/>`,
      `<ellipse cx="0" cy="0" rx="215" ry="58" transform="rotate(-18)" fill="none" stroke="${p.warm}" stroke-width="11"/>`,
      `<circle cx="196" cy="-84" r="17" fill="${p.warm}" ${outline(p, 7)}/>`,
    ].join(''),

  cable: (p) =>
    [
      tube(p, 'M0,130 C0,200 -130,150 -165,200', p.ink, 14),
      `<rect x="-26" y="88" width="52" height="48" rx="10" fill="${p.ink}"/>`,
      `<rect x="-38" y="-142" width="76" height="90" rx="20" fill="${p.soft}" ${outline(p)}/>`,
      `<rect x="-22" y="-120" width="44" height="16" rx="8" fill="${p.ink}"/>`,
      `<rect x="-58" y="-65" width="116" height="160" rx="24" fill="${p.main}" ${outline(p)}/>`,
      `<path d="M12,-40 L-28,22 H4 L-12,74 L34,6 H2 Z" fill="${p.warm}" ${outline(p, 6)}/>`,
      `<path d="M-80,-150 L-105,-172 M80,-150 L105,-172 M-92,-110 H-125 M92,-110 H125" stroke="${p.warm}" stroke-width="10" stroke-linecap="round"/>`,
    ].join(''),

  calculator: (p) => {
    const keys: string[] = [];
    for (let row = 0; row < 4; row++) {
      for (let col = 0; col < 4; col++) {
        const fill = col === 3 ? p.warm : p.soft;
        keys.push(
          `<rect x="${-95 + col * 50}" y="${-48 + row * 50}" width="40" height="40" rx="9" fill="${fill}" ${outline(p, 5)}/>`,
        );
      }
    }
    return [
      shadow(p, 185, 140),
      `<rect x="-125" y="-172" width="250" height="345" rx="30" fill="${p.main}" ${outline(p)}/>`,
      `<rect x="-95" y="-142" width="190" height="70" rx="12" fill="${p.pale}" ${outline(p, 6)}/>`,
      `<path d="M10,-107 H35 M50,-107 H75" stroke="${p.ink}" stroke-width="12" stroke-linecap="round"/>`,
      keys.join(''),
    ].join('');
  },
};

// ── decorations ───────────────────────────────────────────────────────────

function decorations(seed: string, p: Palette): string {
  const random = createRandom(hashString(`product-image:${seed}`));
  const parts: string[] = [];

  // Two large, faint blobs.
  for (let i = 0; i < 2; i++) {
    const cx = 80 + random() * 640;
    const cy = 60 + random() * 480;
    const r = 90 + random() * 110;
    parts.push(
      `<circle cx="${fmt(cx)}" cy="${fmt(cy)}" r="${fmt(r)}" fill="#ffffff" fill-opacity="${fmt(0.12 + random() * 0.12)}"/>`,
    );
  }

  // Small shapes kept away from the central motif.
  let placed = 0;
  for (let attempt = 0; attempt < 60 && placed < 9; attempt++) {
    const x = 40 + random() * 720;
    const y = 40 + random() * 540;
    const kind = Math.floor(random() * 4);
    const size = 8 + random() * 14;
    const colour = random() < 0.5 ? '#ffffff' : p.ink;
    const opacity = fmt(0.15 + random() * 0.2);
    if (Math.hypot(x - 400, y - 330) < 270) continue;
    placed++;
    if (kind === 0) {
      parts.push(
        `<circle cx="${fmt(x)}" cy="${fmt(y)}" r="${fmt(size)}" fill="${colour}" fill-opacity="${opacity}"/>`,
      );
    } else if (kind === 1) {
      parts.push(
        `<circle cx="${fmt(x)}" cy="${fmt(y)}" r="${fmt(size)}" fill="none" stroke="${colour}" stroke-opacity="${opacity}" stroke-width="5"/>`,
      );
    } else if (kind === 2) {
      parts.push(
        `<path d="M${fmt(x - size)},${fmt(y)} H${fmt(x + size)} M${fmt(x)},${fmt(y - size)} V${fmt(y + size)}" stroke="${colour}" stroke-opacity="${opacity}" stroke-width="6" stroke-linecap="round"/>`,
      );
    } else {
      const dots = [0, 1, 2]
        .map((i) => `<circle cx="${fmt(x + i * 18)}" cy="${fmt(y)}" r="5" fill="${colour}"/>`)
        .join('');
      parts.push(`<g fill-opacity="${opacity}">${dots}</g>`);
    }
  }
  return parts.join('');
}

// ── document ──────────────────────────────────────────────────────────────

/**
 * Renders an 800×800 SVG illustration. `hue` is wrapped into 0-359; `seed` only varies
 * the small background decorations, so the same input always yields the same document.
 */
export function renderProductSvg(opts: {
  title: string;
  subtitle?: string;
  hue: number;
  motif: ProductMotif;
  seed: string;
}): string {
  const { width, height } = PRODUCT_IMAGE_SIZE;
  const hue = normaliseHue(opts.hue);
  const p = palette(hue);
  const title = cleanText(opts.title);
  const subtitle = opts.subtitle === undefined ? '' : cleanText(opts.subtitle);
  const draw = MOTIFS[opts.motif] ?? MOTIFS.book;
  const idSuffix = hashString(`${opts.seed}|${hue}|${opts.motif}|${title}`).toString(36);
  const bgId = `pi-bg-${idSuffix}`;

  const fitted = fitTitle(title);
  // Baselines for the title line(s), vertically centred on the card (y 620-770).
  const titleBaselines =
    fitted.lines.length === 2 ? (subtitle ? [664, 704] : [684, 726]) : subtitle ? [686] : [711];
  const titleText = fitted.lines
    .map(
      (line, i) =>
        `<text x="400" y="${titleBaselines[i] ?? 711}" text-anchor="middle" font-family="${FONT_FAMILY}" font-size="${fitted.fontSize}" font-weight="700" fill="${p.ink}">${escapeXml(line)}</text>`,
    )
    .join('');
  const subtitleText = subtitle
    ? `<text x="400" y="${fitted.lines.length === 2 ? 748 : 734}" text-anchor="middle" font-family="${FONT_FAMILY}" font-size="${SUBTITLE_FONT_SIZE}" fill="${p.subtitle}">${escapeXml(fitSubtitle(subtitle))}</text>`
    : '';

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(title)}">`,
    `<title>${escapeXml(title)}</title>`,
    `<defs><linearGradient id="${bgId}" x1="0" y1="0" x2="1" y2="1">`,
    `<stop offset="0" stop-color="${p.bgTop}"/><stop offset="1" stop-color="${p.bgBottom}"/>`,
    '</linearGradient></defs>',
    `<rect width="${width}" height="${height}" fill="url(#${bgId})"/>`,
    decorations(opts.seed, p),
    '<circle cx="400" cy="330" r="250" fill="#ffffff" fill-opacity="0.35"/>',
    `<g transform="translate(400 330)">${draw(p)}</g>`,
    `<rect x="40" y="620" width="720" height="150" rx="28" fill="#ffffff" fill-opacity="0.88"/>`,
    titleText,
    subtitleText,
    '</svg>',
  ].join('\n');
}
