// The link checker runs in CI, inside someone's network: a link (or a redirect) to a loopback,
// private, link-local or otherwise internal address would make CI request it. Every host is
// resolved and its addresses checked before each request, redirects included.
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

const INTERNAL = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 3],
] as const)
  INTERNAL.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [
  ["::", 127], // unspecified and loopback
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["ff00::", 8], // multicast
] as const)
  INTERNAL.addSubnet(network, prefix, "ipv6");

export function isInternalAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return isInternalAddress(mapped);
  const family = isIP(address);
  return family === 0 || INTERNAL.check(address, family === 4 ? "ipv4" : "ipv6");
}

/** Why the checker will not request this URL, if it will not. */
export async function refuseAddress(url: string): Promise<string | undefined> {
  const { protocol, hostname } = new URL(url);
  if (protocol !== "http:" && protocol !== "https:") return `${protocol} is not a web address`;
  const host = hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  } catch {
    return undefined; // the request itself reports the host as unknown
  }
  const internal = addresses.find(isInternalAddress);
  return internal ? `${hostname} is an internal address (${internal})` : undefined;
}
