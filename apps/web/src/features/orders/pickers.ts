import type { OrderKind, PartResponse, PartyResponse, PartySummary, ServiceResponse } from '@simpul/contracts';
import { masterDataApi } from '@/features/master-data/master-data.api';
import type { PickedItem } from './order-form';

const PICKER_LIMIT = 20;

/** A customer or vendor as orders show it. */
export function partySummary(p: PartyResponse): PartySummary {
  return { id: p.id, nama: p.nama, alamat: p.alamat, hp: p.hp, email: p.email };
}

/** Customers (sale) or vendors (purchase) matching `q`, for the order pickers. */
export async function searchParties(kind: OrderKind, q: string): Promise<PartySummary[]> {
  const res = await masterDataApi.list(kind === 'sale' ? 'customers' : 'vendors', {
    q: q || undefined,
    limit: PICKER_LIMIT,
    sort: 'nama',
    order: 'asc',
  });
  return res.items.map(partySummary);
}

export async function searchParts(q: string): Promise<PartResponse[]> {
  return (await masterDataApi.list('parts', { q: q || undefined, limit: PICKER_LIMIT, sort: 'kode', order: 'asc' })).items;
}

export async function searchServices(q: string): Promise<ServiceResponse[]> {
  return (await masterDataApi.list('services', { q: q || undefined, limit: PICKER_LIMIT, sort: 'nama', order: 'asc' })).items;
}

/** Parts as line-picker items (kode, nama, harga, stock). */
export async function searchPartItems(q: string): Promise<PickedItem[]> {
  return (await searchParts(q)).map((p) => ({ id: p.id, nama: p.nama, kode: p.kode, harga: p.harga, stock: p.stock, unit: p.unit }));
}

export async function searchServiceItems(q: string): Promise<PickedItem[]> {
  return (await searchServices(q)).map((s) => ({ id: s.id, nama: s.nama, harga: s.harga }));
}
