// Bearer tokens and the projects each owner may see. Real Entra ID tokens expire and the
// backend has no refresh path, so with SIM_TOKEN_TTL_SECONDS set the configured tokens expire
// that long after start, and POST /__sim/token hands out fresh ones for the same owner: that is
// what a long load test's token refresh talks to.

import { createHash } from 'node:crypto';

import type { TokenGrant } from './settings';

export interface Principal {
  ownerId: string;
  projectIds: ReadonlySet<string>;
}

interface TokenEntry {
  principal: Principal;
  expiresAtMs: number;
}

export type TokenLookup = { principal: Principal } | { problem: 'unknown' | 'expired' };

/** A stable UUID per token (name-based, like the backend's uuid5 for non-UUID oids). */
export function ownerIdFor(token: string): string {
  const hex = createHash('sha1').update(`theory-load-sim-user:${token}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `5${hex.slice(13, 16)}`,
    `${variant}${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join('-');
}

export class TokenRegistry {
  private readonly entries = new Map<string, TokenEntry>();
  private minted = 0;

  constructor(
    grants: readonly TokenGrant[],
    private readonly ttlSeconds: number,
  ) {
    const expiresAtMs = this.expiryFromNow();
    for (const grant of grants) {
      const principal = { ownerId: ownerIdFor(grant.token), projectIds: new Set(grant.projectIds) };
      this.entries.set(grant.token, { principal, expiresAtMs });
    }
  }

  lookup(token: string): TokenLookup {
    const entry = this.entries.get(token);
    if (entry === undefined) return { problem: 'unknown' };
    if (Date.now() >= entry.expiresAtMs) return { problem: 'expired' };
    return { principal: entry.principal };
  }

  /** A new token for the owner of `baseToken`, valid for the TTL from now; undefined if unknown. */
  mint(baseToken: string): { token: string; ownerId: string; expiresAtMs: number } | undefined {
    const base = this.entries.get(baseToken);
    if (base === undefined) return undefined;
    this.minted += 1;
    const token = `${baseToken.split('.sim')[0]}.sim${this.minted}`;
    const expiresAtMs = this.expiryFromNow();
    this.entries.set(token, { principal: base.principal, expiresAtMs });
    return { token, ownerId: base.principal.ownerId, expiresAtMs };
  }

  private expiryFromNow(): number {
    return this.ttlSeconds > 0 ? Date.now() + this.ttlSeconds * 1000 : Number.POSITIVE_INFINITY;
  }
}
