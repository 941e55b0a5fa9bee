import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { CreateUserDto, LoginDto, UserListQueryDto } from '../index';

function fieldsOf<T extends object>(cls: new () => T, plain: object): string[] {
  return validateSync(plainToInstance(cls, plain)).map((e) => e.property).sort();
}

describe('contracts DTOs', () => {
  it('LoginDto takes email or username, and always a password', () => {
    expect(fieldsOf(LoginDto, { email: 'a@b.co', password: 'x' })).toEqual([]);
    expect(fieldsOf(LoginDto, { username: 'a@b.co', password: 'x' })).toEqual([]);
    expect(fieldsOf(LoginDto, { password: 'x' })).toEqual(['email', 'username']);
    expect(fieldsOf(LoginDto, { email: 'a@b.co' })).toEqual(['password']);
  });

  it('CreateUserDto rejects unknown roles and short passwords', () => {
    expect(fieldsOf(CreateUserDto, { email: 'a@b.co', name: 'A', role: 'boss', password: 'short' })).toEqual(['password', 'role']);
    expect(fieldsOf(CreateUserDto, { email: 'a@b.co', name: 'A', role: 'spv', password: 'long-enough' })).toEqual([]);
  });

  it('list queries convert page numbers and cap the page size', () => {
    const q = plainToInstance(UserListQueryDto, { page: '2', limit: '50' });
    expect(q.page).toBe(2);
    expect(fieldsOf(UserListQueryDto, { limit: '500' })).toEqual(['limit']);
  });
});
