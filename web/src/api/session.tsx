import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, api, setCsrfToken, setUnauthorizedHandler } from './client';
import type { Instance, SessionAnswer, User } from './types';
import { changeLanguage } from '../i18n';

export type SessionState =
  | { status: 'loading' }
  | { status: 'failed'; error: ApiError }
  | { status: 'setup'; instance: Instance }
  | { status: 'signedOut'; instance: Instance }
  | { status: 'signedIn'; instance: Instance; user: User };

type SessionContextValue = {
  state: SessionState;
  /** Takes the answer of sign-in or setup: remembers the CSRF token and the user. */
  signedIn: (answer: SessionAnswer) => Promise<void>;
  signOut: () => Promise<void>;
  /** Replaces the signed-in user after a change (new version, language…). */
  setUser: (user: User) => void;
  retry: () => void;
};

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const queryClient = useQueryClient();

  useEffect(() => {
    let cancelled = false;
    async function load() {
      try {
        const instance = await api.get<Instance>('/api/instance');
        if (instance.needsSetup) {
          if (!cancelled) setState({ status: 'setup', instance });
          return;
        }
        try {
          const me = await api.get<SessionAnswer>('/api/auth/me');
          setCsrfToken(me.csrfToken);
          await changeLanguage(me.user.language);
          if (!cancelled) setState({ status: 'signedIn', instance, user: me.user });
        } catch (error) {
          if (error instanceof ApiError && error.status === 401) {
            if (!cancelled) setState({ status: 'signedOut', instance });
          } else throw error;
        }
      } catch (error) {
        const failure = error instanceof ApiError ? error : new ApiError(0, 'UNKNOWN', String(error));
        if (!cancelled) setState({ status: 'failed', error: failure });
      }
    }
    void load();
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  const toSignedOut = useCallback(() => {
    setCsrfToken(null);
    queryClient.clear();
    setState((current) => (current.status === 'signedIn' ? { status: 'signedOut', instance: current.instance } : current));
  }, [queryClient]);

  useEffect(() => {
    setUnauthorizedHandler(toSignedOut);
    return () => setUnauthorizedHandler(null);
  }, [toSignedOut]);

  const signedIn = useCallback(async (answer: SessionAnswer) => {
    setCsrfToken(answer.csrfToken);
    await changeLanguage(answer.user.language);
    // the instance may just have been set up, so read it again
    const instance = await api.get<Instance>('/api/instance');
    setState({ status: 'signedIn', instance, user: answer.user });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.post<unknown>('/api/auth/logout');
    } finally {
      toSignedOut();
    }
  }, [toSignedOut]);

  const setUser = useCallback((user: User) => {
    setState((current) => (current.status === 'signedIn' ? { ...current, user } : current));
  }, []);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo(() => ({ state, signedIn, signOut, setUser, retry }), [state, signedIn, signOut, setUser, retry]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user; only for pages shown after sign-in. */
export function useCurrentUser(): User {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('useCurrentUser while not signed in');
  return state.user;
}

/** The instance settings (company name, base currency) once known. */
export function useInstance(): Instance | null {
  const { state } = useSession();
  return 'instance' in state ? state.instance : null;
}
