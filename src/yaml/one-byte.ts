// Eleventy keeps every page's data and HTML until the build ends, so how V8 stores text counts:
// one byte a character when every character fits in Latin-1 (U+0000-U+00FF), else two. Two
// ways text with no such character still ends up two bytes a character on Node 20:
// - a part of a string keeps the whole string's width: a title parsed from frontmatter is two
//   bytes a character when its file has a ’ anywhere, and so is every side navigation, previous
//   and next link and page built with that title;
// - a string built from a "thin" string, one that has been used as an object key (as
//   markdown-it-anchor does with each heading id, to keep ids unique), comes out two bytes a
//   character.
// The parsed values of YAML and the rendered Markdown are therefore copied into one-byte
// strings where they fit (about 10 µs for a page of HTML). Text with a character past U+00FF
// is left as it is.
const BEYOND_LATIN1 = /[\u0100-\uffff]/;

/** `text`, stored one byte a character when every character fits. */
export function oneByte(text: string): string {
  return BEYOND_LATIN1.test(text) ? text : Buffer.from(text, "latin1").toString("latin1");
}

/** Every string in plain objects and arrays of parsed values replaced by `oneByte` of it. */
export function oneByteValues<T>(value: T): T {
  if (typeof value === "string") return oneByte(value) as T;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = oneByteValues(value[i]);
  } else if (value !== null && typeof value === "object" && isPlain(value)) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = oneByteValues(record[key]);
  }
  return value;
}

function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
