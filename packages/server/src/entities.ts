import { AuditEntry } from './modules/audit/audit-entry.entity';
import { LoginAttempt } from './modules/auth/login-attempt.entity';
import { Role } from './modules/auth/role.entity';
import { Session } from './modules/auth/session.entity';
import { User } from './modules/auth/user.entity';
import { Warehouse } from './modules/stock/warehouse.entity';
import { CompanySettings } from './modules/system/settings.entity';

export const entities = [User, Role, Session, LoginAttempt, AuditEntry, Warehouse, CompanySettings];
