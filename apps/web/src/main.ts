import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { onAuthFailure } from '@/shared/api/client';
import { i18n } from '@/shared/i18n';
import { createAppRouter } from '@/app/router';
import '@/shared/ui/styles.css';

const app = createApp(App);
const pinia = createPinia();
const router = createAppRouter(pinia);

app.use(pinia);
app.use(i18n);
app.use(router);

document.documentElement.lang = i18n.global.locale.value;

// A refresh that fails means the session is over: back to the login page, then return here.
onAuthFailure(() => {
  const current = router.currentRoute.value;
  if (current.name === 'login') return;
  void router.replace({ name: 'login', query: { redirect: current.fullPath, expired: '1' } });
});

app.mount('#app');
