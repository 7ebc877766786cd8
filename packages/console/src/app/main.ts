import urql from '@urql/vue';
import { createApp } from 'vue';
import 'element-plus/theme-chalk/el-message.css';
import 'element-plus/theme-chalk/el-message-box.css';
import App from './App.vue';
import { vCan } from '@/shared/directives';
import { i18n, localeReady } from '@/shared/i18n';
import { client } from '@/shared/urql';
import { router } from './router';
import './styles.css';

// an English user's messages arrive before the first screen; a failed fetch still shows the console in Chinese
void localeReady
  .catch(() => undefined)
  .then(() => createApp(App).use(i18n).use(router).use(urql, client).directive('can', vCan).mount('#app'));
