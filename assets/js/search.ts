// The search page: queries the Pagefind index (loaded only here, only when this page opens)
// and shows results in GOV.UK style. The query lives in the address (?q=) so results can be
// shared and bookmarked; typing updates results without reloading the page.

interface SubResult {
  title: string;
  url: string;
  excerpt: string;
}
interface ResultData {
  url: string;
  excerpt: string;
  meta: { title?: string; section?: string };
  sub_results?: SubResult[];
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  debouncedSearch(
    q: string,
    o?: unknown,
    ms?: number,
  ): Promise<{ results: { data(): Promise<ResultData> }[] } | null>;
}

/** Results are fetched a page at a time: each shown result downloads its own fragment. */
const PAGE_SIZE = 10;
const MAX_SECTIONS = 3;

const form = document.querySelector<HTMLFormElement>("form.app-search");
const input = document.querySelector<HTMLInputElement>("#app-search-input");
const status = document.querySelector<HTMLElement>("#app-search-status");
const list = document.querySelector<HTMLOListElement>("#app-search-results");
const noJs = document.querySelector<HTMLElement>(".app-search__no-js");
const more = document.querySelector<HTMLButtonElement>("#app-search-more");

if (form && input && status && list) void start(form, input, status, list);

async function start(
  form: HTMLFormElement,
  input: HTMLInputElement,
  status: HTMLElement,
  list: HTMLOListElement,
) {
  const base = form.dataset.pagefindBase ?? "/";
  let pagefind: Pagefind;
  try {
    pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
    await pagefind.options({ baseUrl: base, excerptLength: 24 });
  } catch {
    status.textContent = "Search is not available right now.";
    return;
  }
  if (noJs) noJs.hidden = true;

  let results: { data(): Promise<ResultData> }[] = [];
  const showMore = async () => {
    const shown = list.children.length;
    const next = await Promise.all(results.slice(shown, shown + PAGE_SIZE).map((r) => r.data()));
    list.append(...next.map(renderResult));
    if (more) more.hidden = list.children.length >= results.length;
  };
  more?.addEventListener("click", () => {
    const first = list.children.length;
    void showMore().then(() => list.children[first]?.querySelector("a")?.focus());
  });

  const run = async (query: string) => {
    const url = new URL(location.href);
    if (query) url.searchParams.set("q", query);
    else url.searchParams.delete("q");
    history.replaceState(null, "", url);
    if (!query.trim()) {
      list.replaceChildren();
      if (more) more.hidden = true;
      status.textContent = "";
      return;
    }
    const search = await pagefind.debouncedSearch(query, {}, 200);
    if (!search) return; // a newer query superseded this one
    results = search.results;
    list.replaceChildren();
    await showMore();
    const n = search.results.length;
    status.textContent =
      n === 0 ? `No results for “${query}”` : `${n} result${n === 1 ? "" : "s"} for “${query}”`;
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void run(input.value);
  });
  input.addEventListener("input", () => void run(input.value));

  const initial = new URLSearchParams(location.search).get("q") ?? "";
  input.value = initial;
  if (initial) await run(initial);
}

function renderResult(data: ResultData): HTMLLIElement {
  const item = element("li", "app-search-results__item");
  const heading = element("h2", "govuk-heading-s app-search-results__title");
  heading.append(link(data.url, data.meta.title ?? data.url));
  item.append(heading);
  if (data.meta.section)
    item.append(paragraph("govuk-body-s app-search-results__section", data.meta.section));
  item.append(excerpt(data.excerpt));
  // Hits within a section of the page link straight to that heading.
  const sections = (data.sub_results ?? [])
    .filter((s) => s.url.includes("#"))
    .slice(0, MAX_SECTIONS);
  if (sections.length) {
    const sub = element("ul", "govuk-list app-search-results__sections");
    for (const s of sections) {
      const li = element("li");
      li.append(link(s.url, s.title));
      sub.append(li);
    }
    item.append(sub);
  }
  return item;
}

/** Pagefind's excerpts are text with <mark> around matches; keep only those marks. */
function excerpt(html: string): HTMLParagraphElement {
  const p = paragraph("govuk-body app-search-results__excerpt", "");
  const template = document.createElement("template");
  template.innerHTML = html;
  for (const node of template.content.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = element("mark");
      mark.textContent = node.textContent;
      p.append(mark);
    } else p.append(document.createTextNode(node.textContent ?? ""));
  }
  return p;
}

function link(href: string, text: string): HTMLAnchorElement {
  const a = element("a", "govuk-link");
  a.href = href;
  a.textContent = text;
  return a;
}

function paragraph(cls: string, text: string): HTMLParagraphElement {
  const p = element("p", cls);
  p.textContent = text;
  return p;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  cls?: string,
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (cls) el.className = cls;
  return el;
}
