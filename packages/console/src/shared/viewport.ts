import { readonly, ref } from 'vue';

/**
 * Phone-sized screens (keepers on a phone or a handheld scanner): below this width the menu is a
 * drawer and the receiving, shipping and transfer pages show cards instead of wide tables.
 */
export const PHONE_MAX_WIDTH = 767;

const query = typeof window !== 'undefined' ? window.matchMedia(`(max-width: ${PHONE_MAX_WIDTH}px)`) : null;
const phone = ref(query?.matches ?? false);
query?.addEventListener('change', (e) => (phone.value = e.matches));

/** True on a phone-sized screen; follows resizing and rotation. */
export const isPhone = readonly(phone);
