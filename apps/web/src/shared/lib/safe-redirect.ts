/** Only same-app paths are valid redirect targets (no `//evil.example`, no API routes). */
export function safeRedirect(value: unknown): string {
  if (typeof value !== 'string') return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value.startsWith('/api') || value.startsWith('/login')) return '/';
  return value;
}
