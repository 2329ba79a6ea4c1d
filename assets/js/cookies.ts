// Consent before analytics: the reader's choice is kept in one essential cookie; Google's tag
// (named by the app script's data-google-tag-id) is loaded only after they accept analytics
// cookies, from Google's own address (the Content-Security-Policy allows nothing else).
const COOKIE = "app_cookies_policy";
const YEAR = 365 * 24 * 60 * 60;

/** true: accepted; false: rejected; undefined: not asked yet. */
export function analyticsConsent(): boolean | undefined {
  const value = document.cookie
    .split("; ")
    .find((c) => c.startsWith(`${COOKIE}=`))
    ?.slice(COOKIE.length + 1);
  if (!value) return undefined;
  try {
    return (JSON.parse(decodeURIComponent(value)) as { analytics?: unknown }).analytics === true;
  } catch {
    return undefined;
  }
}

function saveConsent(accepted: boolean, tagId: string): void {
  const secure = location.protocol === "https:" ? "; Secure" : "";
  const value = encodeURIComponent(JSON.stringify({ analytics: accepted }));
  document.cookie = `${COOKIE}=${value}; Path=/; Max-Age=${YEAR}; SameSite=Lax${secure}`;
  if (accepted) loadGoogleTag(tagId);
  else
    for (const name of document.cookie.split("; ").map((c) => c.split("=")[0]!))
      if (name.startsWith("_ga")) {
        // Google sets its cookies on the site's domain, with and without a leading dot.
        for (const domain of [
          "",
          `; Domain=${location.hostname}`,
          `; Domain=.${location.hostname}`,
        ])
          document.cookie = `${name}=; Path=/; Max-Age=0${domain}`;
      }
}

let loaded = false;
function loadGoogleTag(id: string): void {
  if (loaded) return;
  loaded = true;
  const w = window as unknown as { dataLayer: unknown[] };
  w.dataLayer = w.dataLayer ?? [];
  const script = document.createElement("script");
  script.async = true;
  if (id.startsWith("GTM-")) {
    w.dataLayer.push({ "gtm.start": Date.now(), event: "gtm.js" });
    script.src = `https://www.googletagmanager.com/gtm.js?id=${encodeURIComponent(id)}`;
  } else {
    // gtag.js reads its commands from dataLayer as `arguments` objects.
    const gtag = function (..._args: unknown[]) {
      // eslint-disable-next-line prefer-rest-params -- gtag.js expects the arguments object
      w.dataLayer.push(arguments);
    };
    gtag("js", new Date());
    gtag("config", id);
    script.src = `https://www.googletagmanager.com/gtag/js?id=${encodeURIComponent(id)}`;
  }
  document.head.append(script);
}

export function startCookies(): void {
  const tagId = document.querySelector<HTMLScriptElement>("script[data-google-tag-id]")?.dataset
    .googleTagId;
  if (!tagId) return;
  const consent = analyticsConsent();
  if (consent) loadGoogleTag(tagId);

  const banner = document.querySelector<HTMLElement>("[data-app-cookie-banner]");
  if (banner && consent === undefined) {
    banner.hidden = false;
    const message = (name: string) =>
      banner.querySelector<HTMLElement>(`[data-cookie-message="${name}"]`);
    for (const button of banner.querySelectorAll<HTMLButtonElement>("[data-cookie-choice]"))
      button.addEventListener("click", () => {
        const choice = button.dataset.cookieChoice!;
        saveConsent(choice === "accept", tagId);
        message("question")!.hidden = true;
        const confirmation = message(choice)!;
        confirmation.hidden = false;
        confirmation.focus();
      });
    for (const hide of banner.querySelectorAll("[data-cookie-hide]"))
      hide.addEventListener("click", () => (banner.hidden = true));
  }

  const form = document.querySelector<HTMLFormElement>("[data-app-cookies-form]");
  if (form) {
    form.hidden = false;
    document.querySelector<HTMLElement>("[data-app-no-js]")?.setAttribute("hidden", "");
    const current = consent === undefined ? undefined : consent ? "yes" : "no";
    if (current)
      form.querySelector<HTMLInputElement>(`input[name="analytics"][value="${current}"]`)!.checked =
        true;
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const chosen = form.querySelector<HTMLInputElement>('input[name="analytics"]:checked');
      if (!chosen) return;
      saveConsent(chosen.value === "yes", tagId);
      const saved = document.querySelector<HTMLElement>("[data-app-cookies-saved]");
      if (saved) {
        saved.hidden = false;
        saved.focus();
      }
    });
  }
}
