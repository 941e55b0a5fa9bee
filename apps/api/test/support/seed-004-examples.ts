/**
 * The example payloads of seeds/004 (Sale Order CRUD), copied verbatim. Only the placeholder ids are substituted
 * with real rows by the tests, since no server could know "uuid-customer-id-here".
 */
export const CREATE_FULL = {
  order_number: 'SO-2025-001',
  order_date: '2025-01-15',
  status: 'draft',
  subtotal: 1500000.0,
  tax: 150000.0,
  total: 1650000.0,
  customer_id: 'uuid-customer-id-here',
  product_lines: [
    { product_id: 'uuid-product-id-here', line_number: 1, description: 'AC Split 1 PK', qty: 2.0, unit_price: 500000.0, discount: 0.0, line_total: 1000000.0 },
    { product_id: 'uuid-product-id-here-2', line_number: 2, description: 'Remote AC', qty: 2.0, unit_price: 250000.0, discount: 0.0, line_total: 500000.0 },
  ],
  service_lines: [
    { service_id: 'uuid-service-id-here', line_number: 1, description: 'Instalasi AC', qty: 1.0, unit_price: 300000.0, discount: 50000.0, line_total: 250000.0 },
  ],
};

export const CREATE_MINIMAL = {
  order_number: 'SO-2025-002',
  order_date: '2025-01-15',
  status: 'draft',
  subtotal: 0.0,
  tax: 0.0,
  total: 0.0,
  customer_id: 'uuid-customer-id-here',
};

export const CREATE_WITH_SNAPSHOT = {
  order_number: 'SO-2025-003',
  order_date: '2025-01-15',
  status: 'draft',
  subtotal: 1500000.0,
  tax: 150000.0,
  total: 1650000.0,
  customer_id: 'uuid-customer-id-here',
  nama: 'PT. Mitra Usaha',
  alamat: 'Jl. Merdeka No. 123, Jakarta',
  hp: '021-12345678',
  keterangan: 'Customer korporat terpercaya',
  product_lines: [
    { product_id: 'uuid-product-id-here', line_number: 1, description: 'AC Split 2 PK', qty: 3.0, unit_price: 450000.0, discount: 0.0, line_total: 1350000.0, hpp: 300000.0 },
  ],
  service_lines: [
    { service_id: 'uuid-service-id-here', line_number: 1, description: 'Garansi Extended 2 Tahun', qty: 3.0, unit_price: 100000.0, discount: 100000.0, line_total: 200000.0 },
  ],
};

export const UPDATE_FULL = {
  order_number: 'SO-2025-001-UPDATED',
  order_date: '2025-01-16',
  status: 'confirmed',
  subtotal: 1500000.0,
  tax: 150000.0,
  total: 1650000.0,
  customer_id: 'uuid-customer-id-here',
};

export const UPDATE_STATUS_ONLY = { status: 'confirmed' };

export const UPDATE_WITH_SNAPSHOT = {
  status: 'confirmed',
  nama: 'PT. Mitra Usaha',
  alamat: 'Jl. Merdeka No. 123, Jakarta',
  hp: '021-12345678',
  keterangan: 'Konfirmasi dari customer',
};

export const ADD_PRODUCT_LINE = {
  product_id: 'uuid-product-id-here',
  line_number: 2,
  description: 'AC Split 1.5 PK',
  qty: 2.0,
  unit_price: 400000.0,
  discount: 0.0,
  line_total: 800000.0,
  hpp: 250000.0,
};

export const ADD_SERVICE_LINE = {
  service_id: 'uuid-service-id-here',
  line_number: 1,
  description: 'Installasi dan Setting',
  qty: 1.0,
  unit_price: 250000.0,
  discount: 0.0,
  line_total: 250000.0,
};
