import { watchEffect, type Directive } from 'vue';
import { can, type Permission } from './session';

/** `v-can="'system.user.manage'"` hides an element for users without the permission. */
export const vCan: Directive<HTMLElement, Permission> = {
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

declare module 'vue' {
  interface GlobalDirectives {
    /** Type-checks `v-can` values in templates against the permission catalogue. */
    vCan: typeof vCan;
  }
}
