/** class-transformer's metadata storage (the `@Type` decorators), which the OpenAPI builder reads for nested DTOs. */
declare module 'class-transformer/cjs/storage' {
  export { defaultMetadataStorage } from 'class-transformer/types/storage';
}
