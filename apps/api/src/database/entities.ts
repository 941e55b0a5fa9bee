import { AuditLogEntity } from '../audit/audit-log.entity';
import { CustomerEntity, PartEntity, ServiceEntity, VendorEntity } from '../master-data/master-data.entities';
import { OrderEntity, OrderProductLineEntity, OrderServiceLineEntity } from '../orders/order.entities';
import { SettingEntity } from '../settings/setting.entity';
import { StockMoveEntity } from '../stock/stock-move.entity';
import { RefreshTokenEntity } from '../auth/refresh-token.entity';
import { LocationEntity } from '../users/location.entity';
import { UserEntity } from '../users/user.entity';

export const ENTITIES = [
  LocationEntity,
  UserEntity,
  RefreshTokenEntity,
  AuditLogEntity,
  SettingEntity,
  CustomerEntity,
  VendorEntity,
  PartEntity,
  ServiceEntity,
  OrderEntity,
  OrderProductLineEntity,
  OrderServiceLineEntity,
  StockMoveEntity,
];
