import urql from '@urql/vue';
import { createApp } from 'vue';
import 'element-plus/theme-chalk/el-message.css';
import 'element-plus/theme-chalk/el-message-box.css';
import App from './App.vue';
import { vCan } from './directives';
import { i18n } from './i18n';
import { router } from './router';
import { client } from './urql';
import './styles.css';

createApp(App).use(i18n).use(router).use(urql, client).directive('can', vCan).mount('#app');
