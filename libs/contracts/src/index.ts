// class-transformer's @Type reads decorator metadata, in the browser as in Node.
import 'reflect-metadata';

export * from './lib/roles';
export * from './lib/envelope';
export * from './lib/pagination';
export * from './lib/auth';
export * from './lib/users';
export * from './lib/audit';
export * from './lib/health';
export * from './lib/decimal';
export * from './lib/master-data';
export * from './lib/orders';
export * from './lib/order-math';
export * from './lib/settings';
export * from './lib/sync-runs';
export * from './lib/parts-sync';
export * from './lib/odoo-mo';
export * from './lib/input';
