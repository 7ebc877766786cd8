import { ref } from 'vue';

/** 我的下载: whether the drawer of background exports is open (an export that went to the background opens it). */
export const downloadsOpen = ref(false);
