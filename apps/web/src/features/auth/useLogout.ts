import { ref } from 'vue';
import { useRouter } from 'vue-router';
import { useSessionStore } from './session.store';

/** Signing out from a button: busy while the server revokes the session, then the login page. */
export function useLogout() {
  const session = useSessionStore();
  const router = useRouter();
  const loggingOut = ref(false);

  async function logout(): Promise<void> {
    loggingOut.value = true;
    try {
      await session.logout();
    } finally {
      loggingOut.value = false;
    }
    await router.replace({ name: 'login' });
  }

  return { loggingOut, logout };
}
