/**
 * The auth module's face: what other modules may use. Anything not exported here is internal.
 */
export { User } from './user.entity';
export { activeUserGrants, findUser, unknownRoleCodes, userLabel, userNames } from './lookups';
export {
  createServiceUser,
  disableServiceUser,
  findRole,
  isServiceUsername,
  userGrants,
  type UserGrants,
} from './service-users';
