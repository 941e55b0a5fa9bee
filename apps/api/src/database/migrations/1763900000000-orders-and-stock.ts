import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Master data, sale and purchase orders (one table, `kind` tells them apart), and the stock ledger.
 * `parts.stock` is kept equal to the sum of its `stock_moves` by the services; GET /api/v1/stock/check proves it.
 */
export class OrdersAndStock1763900000000 implements MigrationInterface {
  name = 'OrdersAndStock1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE settings (
        key varchar(100) PRIMARY KEY,
        value jsonb,
        secret_sealed text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid
      )`);
    for (const table of ['customers', 'vendors']) {
      await q.query(`
        CREATE TABLE ${table} (
          id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
          nama varchar(200) NOT NULL,
          alamat varchar(1000),
          hp varchar(30),
          email varchar(254),
          created_at timestamptz NOT NULL DEFAULT now(),
          updated_at timestamptz NOT NULL DEFAULT now()
        )`);
      await q.query(`CREATE INDEX ${table}_nama_idx ON ${table} (lower(nama))`);
    }
    await q.query(`
      CREATE TABLE parts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kode varchar(64) NOT NULL,
        nama varchar(200) NOT NULL,
        harga numeric(18,2) NOT NULL DEFAULT 0 CHECK (harga >= 0),
        stock numeric(18,2) NOT NULL DEFAULT 0,
        unit varchar(32) NOT NULL DEFAULT 'pcs',
        po_number varchar(64),
        deleted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Deleted parts keep their rows (orders and the ledger still point at them) but free their code.
    await q.query(`CREATE UNIQUE INDEX parts_kode_live ON parts (kode) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX parts_nama_idx ON parts (lower(nama))`);
    await q.query(`
      CREATE TABLE services (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        nama varchar(200) NOT NULL,
        harga numeric(18,2) NOT NULL DEFAULT 0 CHECK (harga >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE orders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind varchar(8) NOT NULL CHECK (kind IN ('sale','purchase')),
        order_number varchar(64) NOT NULL,
        order_date date NOT NULL,
        status varchar(16) NOT NULL CHECK (status IN ('draft','confirmed','paid','cancelled')),
        subtotal numeric(18,2) NOT NULL,
        tax numeric(18,2) NOT NULL,
        total numeric(18,2) NOT NULL,
        customer_id uuid REFERENCES customers(id) ON DELETE RESTRICT,
        vendor_id uuid REFERENCES vendors(id) ON DELETE RESTRICT,
        nama varchar(200),
        alamat varchar(1000),
        hp varchar(30),
        keterangan varchar(2000),
        stock_applied boolean NOT NULL DEFAULT false,
        created_by uuid,
        confirmed_at timestamptz,
        paid_at timestamptz,
        cancelled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT orders_number_unique UNIQUE (kind, order_number),
        CONSTRAINT orders_party CHECK (
          (kind = 'sale' AND customer_id IS NOT NULL AND vendor_id IS NULL) OR
          (kind = 'purchase' AND vendor_id IS NOT NULL AND customer_id IS NULL)),
        CONSTRAINT orders_total CHECK (total = subtotal + tax),
        -- Stock is applied exactly while an order is confirmed or paid.
        CONSTRAINT orders_stock_applied CHECK (stock_applied = (status IN ('confirmed','paid')))
      )`);
    await q.query(`CREATE INDEX orders_kind_date_idx ON orders (kind, order_date DESC, id DESC)`);
    await q.query(`CREATE INDEX orders_kind_status_idx ON orders (kind, status)`);
    await q.query(`CREATE INDEX orders_customer_idx ON orders (customer_id) WHERE customer_id IS NOT NULL`);
    await q.query(`CREATE INDEX orders_vendor_idx ON orders (vendor_id) WHERE vendor_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE order_product_lines (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id uuid NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        product_id uuid NOT NULL REFERENCES parts(id) ON DELETE RESTRICT,
        line_number integer NOT NULL,
        description varchar(500) NOT NULL,
        qty numeric(18,2) NOT NULL CHECK (qty > 0),
        unit_price numeric(18,2) NOT NULL CHECK (unit_price >= 0),
        discount numeric(18,2) NOT NULL DEFAULT 0 CHECK (discount >= 0),
        line_total numeric(18,2) NOT NULL,
        hpp numeric(18,2),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX order_product_lines_order_idx ON order_product_lines (order_id)`);
    await q.query(`CREATE INDEX order_product_lines_product_idx ON order_product_lines (product_id)`);
    await q.query(`
      CREATE TABLE order_service_lines (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id uuid NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        service_id uuid NOT NULL REFERENCES services(id) ON DELETE RESTRICT,
        line_number integer NOT NULL,
        description varchar(500) NOT NULL,
        qty numeric(18,2) NOT NULL CHECK (qty > 0),
        unit_price numeric(18,2) NOT NULL CHECK (unit_price >= 0),
        discount numeric(18,2) NOT NULL DEFAULT 0 CHECK (discount >= 0),
        line_total numeric(18,2) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX order_service_lines_order_idx ON order_service_lines (order_id)`);
    await q.query(`
      CREATE TABLE stock_moves (
        id bigserial PRIMARY KEY,
        part_id uuid NOT NULL REFERENCES parts(id) ON DELETE RESTRICT,
        quantity numeric(18,2) NOT NULL CHECK (quantity <> 0),
        reason varchar(32) NOT NULL,
        order_id uuid REFERENCES orders(id) ON DELETE SET NULL,
        line_id uuid,
        user_id uuid,
        note varchar(500),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX stock_moves_part_idx ON stock_moves (part_id, id)`);
    await q.query(`CREATE INDEX stock_moves_order_idx ON stock_moves (order_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['stock_moves', 'order_service_lines', 'order_product_lines', 'orders', 'services', 'parts', 'vendors', 'customers', 'settings']) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
