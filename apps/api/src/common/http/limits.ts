/** Deeper JSON is refused before it is parsed: validation recurses, and no body of this API nests past a handful. */
export const MAX_JSON_DEPTH = 32;
export const MAX_JSON_BYTES = '2mb';

export const UNSUPPORTED_MEDIA_TYPE_SENTENCE =
  'Unsupported Content-Type: send the body as application/json in UTF-8 (file uploads as multipart/form-data where the route says so).';
