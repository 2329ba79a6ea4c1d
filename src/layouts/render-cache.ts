// Component renders kept for one build: by a text key (the service navigation of a section),
// or by an object the pages share (a section's side navigation, a parent's breadcrumb trail),
// kept only while that object lives.
export class RenderCache {
  private byText = new Map<string, string>();
  private byObject = new WeakMap<object, string>();

  clear(): void {
    this.byText.clear();
    this.byObject = new WeakMap();
  }

  get(key: string | object, render: () => string): string {
    const text = typeof key === "string";
    let html = text ? this.byText.get(key) : this.byObject.get(key);
    if (html === undefined) {
      html = render();
      if (text) this.byText.set(key, html);
      else this.byObject.set(key, html);
    }
    return html;
  }
}
