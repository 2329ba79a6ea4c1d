// The header's section links with the reader's current section marked.
import type { Settings } from "../settings/schema.js";

export interface ServiceNavItem {
  href: string;
  text: string;
  active: boolean;
  current: boolean;
}

/** The footer's links: the site's own, then its source repository when it has one. */
export function footerLinks(settings: Settings): { text: string; href: string }[] {
  const links = [...settings.footerLinks];
  if (settings.repository) links.push({ text: "Source code", href: settings.repository.url });
  return links;
}

export function serviceNavigation(settings: Settings, url: string): ServiceNavItem[] {
  // Only the most specific matching section is marked (About vs About › Timeline).
  const matches = settings.navigation.filter(
    ({ href }) => url === href || (href !== "/" && url.startsWith(href)),
  );
  const best = matches.sort((a, b) => b.href.length - a.href.length)[0];
  return settings.navigation.map(({ href, text }) => ({
    href,
    text,
    current: url === href,
    active: href === best?.href,
  }));
}
