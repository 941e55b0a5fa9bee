import type { PartResponse, PartyResponse, ServiceResponse } from '@simpul/contracts';
import { formatTimestamp } from '../common/format';
import type { CustomerEntity, PartEntity, ServiceEntity, VendorEntity } from './master-data.entities';

export function mapParty(row: CustomerEntity | VendorEntity): PartyResponse {
  return {
    id: row.id,
    nama: row.nama,
    alamat: row.alamat,
    hp: row.hp,
    email: row.email,
    created_at: formatTimestamp(row.createdAt),
    updated_at: formatTimestamp(row.updatedAt),
  };
}

export function mapPart(row: PartEntity): PartResponse {
  return {
    id: row.id,
    kode: row.kode,
    nama: row.nama,
    harga: row.harga,
    stock: row.stock,
    unit: row.unit,
    po_number: row.poNumber,
    created_at: formatTimestamp(row.createdAt),
    updated_at: formatTimestamp(row.updatedAt),
  };
}

export function mapService(row: ServiceEntity): ServiceResponse {
  return {
    id: row.id,
    nama: row.nama,
    harga: row.harga,
    created_at: formatTimestamp(row.createdAt),
    updated_at: formatTimestamp(row.updatedAt),
  };
}
