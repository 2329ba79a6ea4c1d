// Site addresses that arrive from outside (a preview request, an old address to redirect from)
// and become file paths: one rule for whether they stay where they claim to be.

/**
 * Why an address cannot be mapped to a file inside the site, if it cannot: a malformed escape,
 * a backslash or NUL, or a `.`/`..` segment in any spelling (%2e%2e, %2f…).
 */
export function unsafeAddress(address: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(address);
  } catch {
    return "has a malformed % escape";
  }
  if (!decoded.startsWith("/")) return "does not start with /";
  if (/[\\\0]/.test(decoded)) return "contains a backslash or NUL character";
  if (decoded.split("/").some((part) => part === ".." || part === "."))
    return "contains a . or .. segment, which could lead outside the site";
  return undefined;
}
