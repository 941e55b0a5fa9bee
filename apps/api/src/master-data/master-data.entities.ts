import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Columns customers and vendors share. */
abstract class PartyColumns {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  nama!: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  alamat!: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  hp!: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

@Entity({ name: 'customers' })
export class CustomerEntity extends PartyColumns {}

@Entity({ name: 'vendors' })
export class VendorEntity extends PartyColumns {}

@Entity({ name: 'parts' })
export class PartEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  kode!: string;

  @Column({ type: 'varchar', length: 200 })
  nama!: string;

  /** numeric(18,2) arrives as a string and stays one; arithmetic uses decimal.js. */
  @Column({ type: 'numeric', precision: 18, scale: 2 })
  harga!: string;

  /** Changed only by stock moves (orders, adjustments, imports), never by a plain update. */
  @Column({ type: 'numeric', precision: 18, scale: 2, insert: false, update: false })
  stock!: string;

  @Column({ type: 'varchar', length: 32 })
  unit!: string;

  @Column({ name: 'po_number', type: 'varchar', length: 64, nullable: true })
  poNumber!: string | null;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

@Entity({ name: 'services' })
export class ServiceEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  nama!: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  harga!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
