// Pages past their review date say so as soon as the date passes, without waiting for a rebuild.
export function showOverdueReviews(today = new Date().toISOString().slice(0, 10)): void {
  for (const notice of document.querySelectorAll<HTMLElement>("[data-review-by]")) {
    if ((notice.dataset.reviewBy ?? "9999") < today) notice.hidden = false;
  }
}
