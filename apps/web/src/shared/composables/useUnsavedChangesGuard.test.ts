import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { defineComponent, h, ref } from 'vue';
import { createMemoryHistory, createRouter, RouterView } from 'vue-router';
import { useUnsavedChangesGuard } from './useUnsavedChangesGuard';

const dirty = ref(false);
let guard: ReturnType<typeof useUnsavedChangesGuard> | null = null;

const Editor = defineComponent({
  setup() {
    guard = useUnsavedChangesGuard(() => dirty.value);
    return () => h('div', 'editor');
  },
});
const Elsewhere = () => h('div', 'elsewhere');

async function mountAt(path: string) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/edit', component: Editor },
      { path: '/other', component: Elsewhere },
    ],
  });
  await router.push(path);
  const wrapper = mount(RouterView, { global: { plugins: [router] } });
  return { router, wrapper };
}

function beforeUnloadCancelled(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

afterEach(() => {
  dirty.value = false;
  guard = null;
});

describe('useUnsavedChangesGuard', () => {
  it('lets a clean page go without asking', async () => {
    const { router } = await mountAt('/edit');
    await router.push('/other');
    expect(router.currentRoute.value.path).toBe('/other');
    expect(guard?.leavePrompt.value).toBe(false);
  });

  it('asks before leaving a dirty page and stays when the answer is no', async () => {
    const { router } = await mountAt('/edit');
    dirty.value = true;
    const leaving = router.push('/other');
    await flushPromises();
    expect(guard?.leavePrompt.value).toBe(true);
    expect(router.currentRoute.value.path).toBe('/edit');

    guard?.answerLeave(false);
    await leaving;
    expect(guard?.leavePrompt.value).toBe(false);
    expect(router.currentRoute.value.path).toBe('/edit');
  });

  it('leaves a dirty page when the answer is yes', async () => {
    const { router } = await mountAt('/edit');
    dirty.value = true;
    const leaving = router.push('/other');
    await flushPromises();
    guard?.answerLeave(true);
    await leaving;
    expect(router.currentRoute.value.path).toBe('/other');
  });

  it('lets the page go without asking once it is clean again (after saving)', async () => {
    const { router } = await mountAt('/edit');
    dirty.value = true;
    dirty.value = false;
    await router.push('/other');
    expect(router.currentRoute.value.path).toBe('/other');
  });

  it('warns on closing the tab only while dirty, and stops listening when unmounted', async () => {
    const { wrapper } = await mountAt('/edit');
    expect(beforeUnloadCancelled()).toBe(false);
    dirty.value = true;
    await flushPromises();
    expect(beforeUnloadCancelled()).toBe(true);
    dirty.value = false;
    await flushPromises();
    expect(beforeUnloadCancelled()).toBe(false);

    dirty.value = true;
    await flushPromises();
    wrapper.unmount();
    expect(beforeUnloadCancelled()).toBe(false);
  });
});
