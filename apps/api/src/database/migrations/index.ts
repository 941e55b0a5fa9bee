import { Foundation1763800000000 } from './1763800000000-foundation';
import { OrdersAndStock1763900000000 } from './1763900000000-orders-and-stock';
import { SyncRunsAndNotifications1764000000000 } from './1764000000000-sync-runs-and-notifications';
import { OdooMo1764100000000 } from './1764100000000-odoo-mo';
import { OdooMoCacheOrder1764200000000 } from './1764200000000-odoo-mo-cache-order';
import { SyncRunProgress1764300000000 } from './1764300000000-sync-run-progress';
import { OdooMoRecordIdentity1764500000000 } from './1764500000000-odoo-mo-record-identity';
import { LoginThrottle1764600000000 } from './1764600000000-login-throttle';

/** Every migration, in order. Listed explicitly so they run the same compiled or under ts-jest. */
export const MIGRATIONS = [
  Foundation1763800000000,
  OrdersAndStock1763900000000,
  SyncRunsAndNotifications1764000000000,
  OdooMo1764100000000,
  OdooMoCacheOrder1764200000000,
  SyncRunProgress1764300000000,
  OdooMoRecordIdentity1764500000000,
  LoginThrottle1764600000000,
];
