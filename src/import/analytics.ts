// Tracking and other scripts pasted into tech-docs pages. They are never copied: a Google tag
// becomes one site setting (loaded only after consent); any other script needs a person.
export interface Stripped {
  markdown: string;
  googleTagIds: string[];
  /** Lines (in the original text) of other scripts that were left out. */
  otherScripts: number[];
}

const COMMENT = /^[ \t]*<!--\s*Google tag[^>]*-->[ \t]*\n?/gim;
const SCRIPT = /<script\b[^>]*>[\s\S]*?<\/script>[ \t]*\n?/gi;
const TAG_ID = /\b(G-[A-Z0-9]{4,}|GTM-[A-Z0-9]{4,}|UA-\d+-\d+)\b/g;

export function stripScripts(markdown: string): Stripped {
  const googleTagIds = new Set<string>();
  const otherScripts: number[] = [];
  for (const m of markdown.matchAll(SCRIPT)) {
    if (/googletagmanager|gtag\(|dataLayer/.test(m[0])) {
      for (const id of m[0].matchAll(TAG_ID)) googleTagIds.add(id[1]!);
    } else otherScripts.push(markdown.slice(0, m.index).split("\n").length);
  }
  const text = markdown.replace(COMMENT, "").replace(SCRIPT, "");
  return { markdown: text, googleTagIds: [...googleTagIds], otherScripts };
}
