// How Trakt is reached: which proxies in front of it are trusted to say who the client is
// (X-Forwarded-For; trusting every hop would let a client write its own address and so escape the
// per-address sign-in limit), and the public address links are made with.

/**
 * TRAKT_TRUST_PROXY as Fastify's `trustProxy`: a number of proxy hops (`1`: the one reverse proxy in
 * front, so the client is the address that proxy added), or a comma-separated list of the proxies'
 * addresses or CIDR ranges (`10.0.0.0/8, 127.0.0.1`, or `loopback`/`private`; safer when the app's
 * port can also be reached without the proxy). Unset, empty or `0`: no proxy, the client is the
 * connection's address.
 */
export function trustProxyFrom(value: string | undefined): ((address: string, hop: number) => boolean) | string[] | false {
  const text = value?.trim() ?? '';
  if (text === '' || text === '0') return false;
  if (/^\d+$/.test(text)) {
    // as a function: Fastify 5 takes a bare number to mean "trust no hop" (it cannot check the peer)
    const hops = Number(text);
    return (_address, hop) => hop < hops;
  }
  const list = text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (list.some((part) => /^(true|false|yes|no|on|off)$/i.test(part))) {
    throw new Error(
      `TRAKT_TRUST_PROXY=${text}: give the number of proxy hops (1 for one reverse proxy) or the proxies' addresses, not a yes/no`,
    );
  }
  return list;
}

/**
 * TRAKT_PUBLIC_URL, the address users reach Trakt at (`https://crm.example.com`), without a trailing
 * slash. Links made on the server (the calendar feed) use it, never the request's Host header,
 * which the client writes. Unset: null.
 */
export function publicUrlFrom(value: string | undefined): string | null {
  const text = value?.trim() ?? '';
  if (text === '') return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`TRAKT_PUBLIC_URL=${text} is not an address like https://crm.example.com`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`TRAKT_PUBLIC_URL=${text} must start with https:// or http://`);
  if (url.search || url.hash || url.username) throw new Error(`TRAKT_PUBLIC_URL=${text} must be just the address, without ?, # or a user`);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
