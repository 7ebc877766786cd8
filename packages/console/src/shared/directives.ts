import { watchEffect, type Directive } from 'vue';
import { can } from './session';

/** `v-can="'system.user.manage'"` hides an element for users without the permission. */
export const vCan: Directive<HTMLElement, string> = {
  mounted(el, binding) {
    const stop = watchEffect(() => {
      el.style.display = can(binding.value) ? '' : 'none';
    });
    (el as any).__vCanStop = stop;
  },
  unmounted(el) {
    (el as any).__vCanStop?.();
  },
};
