import type { OrderKind, OrderStatus } from '@simpul/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Sale and purchase orders share one table; `kind` tells them apart and a CHECK ties the party column to it. */
@Entity({ name: 'orders' })
export class OrderEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 8 })
  kind!: OrderKind;

  @Column({ name: 'order_number', type: 'varchar', length: 64 })
  orderNumber!: string;

  @Column({ name: 'order_date', type: 'date' })
  orderDate!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: OrderStatus;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  subtotal!: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  tax!: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  total!: string;

  @Column({ name: 'customer_id', type: 'uuid', nullable: true })
  customerId!: string | null;

  @Column({ name: 'vendor_id', type: 'uuid', nullable: true })
  vendorId!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  nama!: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  alamat!: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  hp!: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  keterangan!: string | null;

  @Column({ name: 'stock_applied', type: 'boolean', default: false })
  stockApplied!: boolean;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt!: Date | null;

  @Column({ name: 'paid_at', type: 'timestamptz', nullable: true })
  paidAt!: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

abstract class PricedLineColumns {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId!: string;

  @Column({ name: 'line_number', type: 'integer' })
  lineNumber!: number;

  @Column({ type: 'varchar', length: 500 })
  description!: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  qty!: string;

  @Column({ name: 'unit_price', type: 'numeric', precision: 18, scale: 2 })
  unitPrice!: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  discount!: string;

  @Column({ name: 'line_total', type: 'numeric', precision: 18, scale: 2 })
  lineTotal!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

@Entity({ name: 'order_product_lines' })
export class OrderProductLineEntity extends PricedLineColumns {
  @Column({ name: 'product_id', type: 'uuid' })
  productId!: string;

  @Column({ type: 'numeric', precision: 18, scale: 2, nullable: true })
  hpp!: string | null;
}

@Entity({ name: 'order_service_lines' })
export class OrderServiceLineEntity extends PricedLineColumns {
  @Column({ name: 'service_id', type: 'uuid' })
  serviceId!: string;
}
