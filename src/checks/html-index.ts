// What the link checker needs from one built page, read in a single tokenizer pass:
// its ids (and any repeated ones) and every URL it references.
import { Parser } from "htmlparser2";

export interface PageIndex {
  ids: Set<string>;
  duplicateIds: string[];
  refs: string[];
}

/** Attributes that reference another resource, by element. */
const REF_ATTRS: Record<string, string[]> = {
  a: ["href"],
  area: ["href"],
  link: ["href"],
  img: ["src"],
  script: ["src"],
  iframe: ["src"],
  source: ["src"],
  video: ["src", "poster"],
  audio: ["src"],
};

export function indexPage(html: string): PageIndex {
  const ids = new Set<string>();
  const duplicates = new Set<string>();
  const refs: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const id = attrs.id ?? (name === "a" ? attrs.name : undefined);
        if (id !== undefined) {
          if (ids.has(id) && attrs.id !== undefined) duplicates.add(id);
          ids.add(id);
        }
        for (const attr of REF_ATTRS[name] ?? []) {
          const value = attrs[attr];
          if (value !== undefined && !(name === "link" && attrs.rel === "preconnect"))
            refs.push(value);
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.end(html);
  return { ids, duplicateIds: [...duplicates], refs };
}
