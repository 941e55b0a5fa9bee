import type { AuthUser, ChangePasswordDto, Role } from '@simpul/contracts';
import { defineStore } from 'pinia';
import { computed, onScopeDispose, ref } from 'vue';
import { authApi } from './auth.api';
import { getSession, onSessionChange, setSession } from '@/shared/api/client';
import { sessionFromLogin, type StoredSession } from '@/shared/api/session-storage';

export const useSessionStore = defineStore('session', () => {
  const session = ref<StoredSession | null>(getSession());
  const loggingIn = ref(false);

  // The API client refreshes tokens and clears the session on its own; mirror that here.
  const stop = onSessionChange((next) => {
    session.value = next;
  });
  onScopeDispose(stop);

  const user = computed<AuthUser | null>(() => session.value?.user ?? null);
  const isAuthenticated = computed(() => session.value !== null);
  const accessToken = computed(() => session.value?.accessToken ?? null);
  const refreshToken = computed(() => session.value?.refreshToken ?? null);

  function hasRole(...roles: Role[]): boolean {
    const role = user.value?.role;
    return role !== undefined && roles.includes(role);
  }

  /** Whether the user may see something restricted to `roles` (no roles = everyone signed in). */
  function canAccess(roles: readonly Role[] | undefined): boolean {
    if (!roles || roles.length === 0) return isAuthenticated.value;
    return hasRole(...roles);
  }

  async function login(email: string, password: string): Promise<AuthUser> {
    loggingIn.value = true;
    try {
      const res = await authApi.login(email.trim(), password);
      setSession(sessionFromLogin(res));
      return res.user;
    } finally {
      loggingIn.value = false;
    }
  }

  /** Revokes the refresh token on the server (best effort) and forgets the session locally. */
  async function logout(): Promise<void> {
    const token = session.value?.refreshToken;
    try {
      if (token) await authApi.logout(token);
    } catch {
      // The local session goes away regardless.
    } finally {
      setSession(null);
    }
  }

  /** Re-reads the user from the server (role or name may have changed). */
  async function reloadUser(): Promise<void> {
    const me = await authApi.me();
    const current = getSession();
    if (current) setSession({ ...current, user: me });
  }

  /** Changes the password; the server revokes every session, so the local one ends too. */
  async function changePassword(dto: ChangePasswordDto): Promise<void> {
    await authApi.changePassword(dto);
    setSession(null);
  }

  return {
    session,
    user,
    isAuthenticated,
    accessToken,
    refreshToken,
    loggingIn,
    hasRole,
    canAccess,
    login,
    logout,
    reloadUser,
    changePassword,
  };
});
