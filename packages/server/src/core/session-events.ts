import { EventEmitter } from 'node:events';

/**
 * Says that sessions or rights may have changed (sign-out, a user disabled, roles or a role's
 * permissions changed): open WebSocket connections look at their session again and close if it ended.
 */
export const sessionEvents = new EventEmitter();
sessionEvents.setMaxListeners(0);

export const sessionsChanged = () => {
  sessionEvents.emit('changed');
};
