import { useLayoutEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';

type Change = (next: URLSearchParams) => void;

/**
 * The page's query string, with an `update` that changes it on top of the latest change.
 * react-router's `setSearchParams(fn)` hands `fn` the parameters of the last render, so two changes
 * made before the page renders again (two filters picked quickly) would keep only the second.
 */
export function useUrlParams() {
  const [params, setParams] = useSearchParams();
  // changes sent but not rendered yet; a render with new parameters has them all
  const latest = useRef<{ rendered: URLSearchParams; pending: URLSearchParams | null }>({ rendered: params, pending: null });
  useLayoutEffect(() => {
    latest.current = { rendered: params, pending: null };
  }, [params]);

  function update(change: Change, options: { replace?: boolean } = {}) {
    const next = new URLSearchParams(latest.current.pending ?? latest.current.rendered);
    change(next);
    latest.current.pending = next;
    setParams(next, { replace: options.replace ?? false });
  }
  return { params, update };
}

/** `update` for one parameter: set it, or remove it when empty. */
export function setParam(next: URLSearchParams, name: string, value: string | null) {
  if (value) next.set(name, value);
  else next.delete(name);
}
