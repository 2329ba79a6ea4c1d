// The preview only: shows the last build's problems (written by `npm start` to
// /_preview/problems.json after every build) in the page's GOV.UK error summary.
interface PreviewProblem {
  file: string;
  line?: number;
  message: string;
}

export function showPreviewProblems(): void {
  const box = document.querySelector<HTMLElement>("[data-app-preview-problems]");
  const list = box?.querySelector("ul");
  if (!box || !list) return;
  const item = list.firstElementChild!.cloneNode() as HTMLElement;
  let shown = "";
  const check = async () => {
    try {
      const response = await fetch("/_preview/problems.json", { cache: "no-store" });
      const problems = (response.ok ? await response.json() : []) as PreviewProblem[];
      const text = JSON.stringify(problems);
      if (text === shown) return;
      shown = text;
      list.replaceChildren(
        ...problems.map((p) => {
          const li = item.cloneNode() as HTMLElement;
          li.textContent = `${p.file}${p.line ? `:${p.line}` : ""}  ${p.message}`;
          return li;
        }),
      );
      box.hidden = problems.length === 0;
    } catch {
      // the preview server is restarting
    }
  };
  void check();
  setInterval(() => void check(), 1000);
}
