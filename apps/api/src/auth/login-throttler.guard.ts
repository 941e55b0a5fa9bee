import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';

/** Counts attempts per client address and login name, so one attacker cannot lock out everyone behind a NAT. */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const body = (req['body'] ?? {}) as { email?: unknown; username?: unknown };
    const login = typeof body.email === 'string' ? body.email : typeof body.username === 'string' ? body.username : '';
    return `${String(req['ip'])}|${login.toLowerCase()}`;
  }
}
