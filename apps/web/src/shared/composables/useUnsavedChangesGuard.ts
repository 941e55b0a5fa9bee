import { onBeforeUnmount, ref, watch } from 'vue';
import { onBeforeRouteLeave } from 'vue-router';

function warnBeforeUnload(event: BeforeUnloadEvent): void {
  event.preventDefault();
  // Older Chromium shows its warning only when returnValue is set.
  event.returnValue = '';
}

/**
 * Asks before leaving a page with unsaved changes. A navigation inside the app waits while `leavePrompt` is true (the
 * page shows its confirm dialog and calls `answerLeave`); closing or reloading the tab gets the browser's own warning.
 */
export function useUnsavedChangesGuard(isDirty: () => boolean) {
  const leavePrompt = ref(false);
  let resolveLeave: ((leave: boolean) => void) | null = null;

  onBeforeRouteLeave(() => {
    if (!isDirty()) return true;
    leavePrompt.value = true;
    // A newer navigation takes over the open prompt. The one it replaced stays pending on purpose: the router has moved
    // on, and refusing it now would make the router undo a back/forward step the person did not ask to undo.
    return new Promise<boolean>((resolve) => {
      resolveLeave = resolve;
    });
  });

  function answerLeave(leave: boolean): void {
    const resolve = resolveLeave;
    resolveLeave = null;
    leavePrompt.value = false;
    resolve?.(leave);
  }

  watch(
    isDirty,
    (dirty) => {
      if (dirty) window.addEventListener('beforeunload', warnBeforeUnload);
      else window.removeEventListener('beforeunload', warnBeforeUnload);
    },
    { immediate: true },
  );
  onBeforeUnmount(() => window.removeEventListener('beforeunload', warnBeforeUnload));

  return { leavePrompt, answerLeave };
}
