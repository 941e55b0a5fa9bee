import type { StockMoveReason } from '@simpul/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One row per stock change. `parts.stock` always equals the sum of a part's moves. */
@Entity({ name: 'stock_moves' })
export class StockMoveEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'part_id', type: 'uuid' })
  partId!: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  quantity!: string;

  @Column({ type: 'varchar', length: 32 })
  reason!: StockMoveReason;

  @Column({ name: 'order_id', type: 'uuid', nullable: true })
  orderId!: string | null;

  @Column({ name: 'line_id', type: 'uuid', nullable: true })
  lineId!: string | null;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
