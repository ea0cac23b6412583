import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Server-side request forgery guard of webhook deliveries: an endpoint URL is the merchant's input, and
 * the API POSTs to it from inside the platform's network. Unless private networks are allowed
 * (WEBHOOK_ALLOW_PRIVATE_NETWORKS, default only outside production), every address the host name
 * resolves to must be a public unicast address — checked when the URL is registered AND at every delivery
 * on the socket's own lookup, so a name that later resolves elsewhere (DNS rebinding) is refused too.
 */

const NOT_PUBLIC = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata services)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  NOT_PUBLIC.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) {
  NOT_PUBLIC.addSubnet(net, prefix, 'ipv6');
}

/** An IPv4 address carried inside an IPv6 one (mapped ::ffff:a.b.c.d, NAT64 64:ff9b::/96), else null. */
function embeddedIpv4(address: string): string | null {
  const lower = address.toLowerCase();
  const dotted = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1]!;
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (!hex) return null;
  const hi = Number.parseInt(hex[1]!, 16);
  const lo = Number.parseInt(hex[2]!, 16);
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
}

/** Whether an IP address is a public unicast address (the only kind a webhook may be sent to). */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  if (family === 4) return !NOT_PUBLIC.check(address, 'ipv4');
  const v4 = embeddedIpv4(address);
  if (v4) return isPublicAddress(v4);
  return !NOT_PUBLIC.check(address, 'ipv6');
}

export class BlockedTargetError extends Error {
  constructor(host: string, address: string) {
    super(`refused: ${host} resolves to a non-public address (${address})`);
    this.name = 'BlockedTargetError';
  }
}

function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/** Every address the URL's host resolves to (an IP literal is itself). */
async function addressesOf(url: URL): Promise<string[]> {
  const host = hostOf(url);
  if (isIP(host)) return [host];
  const found = await new Promise<LookupAddress[]>((resolve, reject) =>
    dnsLookup(host, { all: true, verbatim: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    ),
  );
  return found.map((a) => a.address);
}

/**
 * At registration: null when the URL may be used, else the reason. A name that does not resolve is
 * refused (a typo, or a name meant to be pointed somewhere later).
 */
export async function webhookTargetProblem(rawUrl: string, allowPrivate: boolean): Promise<string | null> {
  if (allowPrivate) return null;
  const url = new URL(rawUrl);
  let addresses: string[];
  try {
    addresses = await addressesOf(url);
  } catch {
    return `The host ${hostOf(url)} could not be resolved.`;
  }
  if (addresses.length === 0) return `The host ${hostOf(url)} could not be resolved.`;
  const blocked = addresses.find((a) => !isPublicAddress(a));
  return blocked
    ? 'The URL points to a private, loopback or link-local network address; use a public https endpoint.'
    : null;
}

/** A socket lookup that fails for non-public addresses: what the connection really uses is checked. */
function guardedLookup(host: string): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true, verbatim: true }, (error, addresses) => {
      if (error) return callback(error, '', 4);
      const list = addresses as LookupAddress[];
      const blocked = list.find((a) => !isPublicAddress(a.address));
      if (blocked || list.length === 0) {
        return callback(new BlockedTargetError(host, blocked?.address ?? 'none'), '', 4);
      }
      if (options.all) return callback(null, list);
      return callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

/**
 * POSTs a delivery and resolves with the HTTP status (redirects are not followed). Throws on a network
 * error, a timeout (`TimeoutError`) or a refused target (`BlockedTargetError`, before any byte is sent).
 */
export async function postWebhook(
  rawUrl: string,
  opts: { headers: Record<string, string>; body: string; timeoutMs: number; allowPrivate: boolean },
): Promise<number> {
  const url = new URL(rawUrl);
  const host = hostOf(url);
  if (!opts.allowPrivate && isIP(host) && !isPublicAddress(host)) throw new BlockedTargetError(host, host);
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<number>((resolve, reject) => {
    const req = client.request(url, {
      method: 'POST',
      headers: { ...opts.headers, 'content-length': Buffer.byteLength(opts.body) },
      ...(opts.allowPrivate ? {} : { lookup: guardedLookup(host) }),
    });
    const timer = setTimeout(() => {
      const timeout = new Error('timeout');
      timeout.name = 'TimeoutError';
      req.destroy(timeout);
    }, opts.timeoutMs);
    req.on('response', (res) => {
      clearTimeout(timer);
      res.on('error', () => undefined);
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end(opts.body);
  });
}
