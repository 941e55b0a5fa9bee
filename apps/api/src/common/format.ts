/** The seeds' timestamp format, `YYYY-MM-DD HH:MM:SS`, in UTC (storage time; the SPA shows Asia/Jakarta). */
export function formatTimestamp(d: Date): string {
  return d.toISOString().slice(0, 19).replace('T', ' ');
}
