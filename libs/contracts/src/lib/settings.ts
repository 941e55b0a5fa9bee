import { IsDefined } from 'class-validator';

export interface SettingResponse {
  key: string;
  value: unknown;
  /** Secret values are never returned; `value` is then a mask such as `••••1234` or null. */
  secret: boolean;
  updatedAt: string | null;
}

export class SetSettingDto {
  /** Any JSON value; each setting validates its own. */
  @IsDefined()
  value!: unknown;
}
