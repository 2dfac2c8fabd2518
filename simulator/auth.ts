// The backend's get_current_user, reduced to what a client can observe: the 401 texts and
// when WWW-Authenticate comes with them. There is no 403 anywhere; foreign things are 404.

import { detailReply } from './reply';

import type { Reply } from './reply';
import type { Principal, TokenRegistry } from './tokens';

const BEARER_CHALLENGE = { 'WWW-Authenticate': 'Bearer' };

export type AuthOutcome = { principal: Principal } | { reply: Reply; expired: boolean };

export function authenticate(header: string | undefined, registry: TokenRegistry): AuthOutcome {
  // HTTPBearer(auto_error=False): no header, another scheme or empty credentials all read as none.
  const match = /^bearer\s+(\S.*)$/i.exec(header?.trim() ?? '');
  if (match === null) {
    const detail = 'Authentication required. Provide a Bearer token.';
    return { reply: detailReply(401, detail, BEARER_CHALLENGE), expired: false };
  }

  const found = registry.lookup(match[1].trim());
  if ('principal' in found) return found;
  // An unknown token is what a garbage JWT gives: its headers cannot be decoded.
  const reason =
    found.problem === 'expired' ? 'Signature has expired.' : 'Error decoding token headers.';
  const reply = detailReply(401, `Invalid or expired token: ${reason}`, BEARER_CHALLENGE);
  return { reply, expired: found.problem === 'expired' };
}
