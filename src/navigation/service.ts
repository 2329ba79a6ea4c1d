// The header's section links with the reader's current section marked.
import type { Settings } from "../settings/schema.js";

export interface ServiceNavItem {
  href: string;
  text: string;
  active: boolean;
  current: boolean;
}

export function serviceNavigation(settings: Settings, url: string): ServiceNavItem[] {
  return settings.navigation.map(({ href, text }) => ({
    href,
    text,
    current: url === href,
    active: url === href || (href !== "/" && url.startsWith(href)),
  }));
}
