// Escaping for text written into HTML or XML by TypeScript (feeds, sitemaps, redirect pages).
export function escapeMarkup(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}
