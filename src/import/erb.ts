// Converts the ERB in tech-docs pages to Markdown without running any of it: the helpers tech-docs
// sites use are recognised by their shape; anything else is left as a marked TODO for a person.
export interface ErbContext {
  /**
   * The Markdown of a partial, by the name written in `partial "..."`, looked up from the file
   * `from` that includes it (the page itself when undefined); undefined when it cannot be used.
   */
  readPartial(name: string, from?: string): { file: string; markdown: string } | undefined;
}

export interface ErbResult {
  markdown: string;
  todos: string[];
  partials: string[];
}

const TAG = /<%(=|-)?\s*([\s\S]*?)\s*-?%>/g;
const STRING = String.raw`(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')`;
const PARTIAL = new RegExp(String.raw`^partial\s*\(?\s*${STRING}\s*\)?$`);
const WARNING = new RegExp(String.raw`^warning_text\s*\(?\s*${STRING}\s*\)?$`);
const IMAGE = new RegExp(
  String.raw`^image_tag\s*\(?\s*${STRING}\s*(?:,\s*alt:\s*${STRING})?\s*\)?$`,
);
const LINK = new RegExp(String.raw`^link_to\s*\(?\s*${STRING}\s*,\s*${STRING}\s*\)?$`);

const str = (m: RegExpExecArray, i: number): string | undefined => {
  const v = m[i] ?? m[i + 1];
  return v === undefined ? undefined : v.replace(/\\(.)/g, "$1");
};

/** The partial names a template includes, without converting it. */
export function partialNames(source: string): string[] {
  const names: string[] = [];
  for (const m of source.matchAll(TAG)) {
    const p = m[1] ? PARTIAL.exec(m[2]!) : null;
    if (p) names.push(str(p, 1)!);
  }
  return names;
}

export function convertErb(source: string, ctx: ErbContext, depth = 0, from?: string): ErbResult {
  const todos: string[] = [];
  const partials: string[] = [];
  const markdown = source.replace(TAG, (whole, output: string | undefined, code: string) => {
    if (!output) {
      todos.push(whole);
      return todo(whole);
    }
    let m: RegExpExecArray | null;
    if ((m = PARTIAL.exec(code))) {
      const name = str(m, 1)!;
      const partial = depth < 5 ? ctx.readPartial(name, from) : undefined;
      if (partial === undefined) {
        todos.push(whole);
        return todo(whole, `partial "${name}" could not be included`);
      }
      partials.push(name);
      const inner = convertErb(partial.markdown, ctx, depth + 1, partial.file);
      todos.push(...inner.todos);
      partials.push(...inner.partials);
      return inner.markdown.trim();
    }
    if ((m = WARNING.exec(code))) return `> [!WARNING]\n> ${str(m, 1)!.replace(/\n/g, "\n> ")}`;
    // Middleman's image_tag finds images from source/, whatever the page's folder.
    if ((m = IMAGE.exec(code))) return `![${str(m, 3) ?? ""}](${absoluteAsset(str(m, 1)!)})`;
    if ((m = LINK.exec(code))) return `[${str(m, 1)}](${str(m, 3)})`;
    todos.push(whole);
    return todo(whole);
  });
  return { markdown, todos, partials };
}

function absoluteAsset(src: string): string {
  return /^([a-z][a-z0-9+.-]*:|\/)/i.test(src) ? src : `/${src}`;
}

function todo(erb: string, why = "this Ruby could not be converted"): string {
  return `<!-- TODO(import): ${why}; rewrite it in Markdown: ${erb.replace(/--/g, "- -")} -->`;
}
