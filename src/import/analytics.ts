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
  const text = markdown.replace(COMMENT, "").replace(SCRIPT, (script, offset: number) => {
    if (/googletagmanager|gtag\(|dataLayer/.test(script)) {
      for (const m of script.matchAll(TAG_ID)) googleTagIds.add(m[1]!);
    } else {
      otherScripts.push(
        markdown.slice(0, markdownOffset(markdown, script, offset)).split("\n").length,
      );
    }
    return "";
  });
  return { markdown: text, googleTagIds: [...googleTagIds], otherScripts };
}

/** Offset of `script` in the original text (the replace runs after the comment is removed). */
function markdownOffset(original: string, script: string, near: number): number {
  const at = original.indexOf(script, Math.max(0, near - 200));
  return at === -1 ? near : at;
}
