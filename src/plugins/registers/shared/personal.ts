/** How a personal value (PIPL) is masked: an identity number keeps 4+4 characters, a phone 3+4. */
export type PersonalKind = 'identity' | 'phone';

/**
 * The registers that hold personal values, by the short name the reveal route takes, and their fields:
 * what the server masks and may reveal, and what the Content Manager's 个人信息 panel offers to reveal.
 */
export const PERSONAL_BY_REGISTER = {
  resident: { idNumber: 'identity', phone: 'phone' },
  rental: { landlordPhone: 'phone' },
  shop: { operatorPhone: 'phone' },
  firm: { contactPhone: 'phone' },
} as const satisfies Record<string, Record<string, PersonalKind>>;

export type PersonalRegister = keyof typeof PERSONAL_BY_REGISTER;

const UID_PREFIX = 'plugin::registers.';

/** The content-type uid of a register (`resident` → `plugin::registers.resident`). */
export const personalRegisterUid = (register: PersonalRegister): string => `${UID_PREFIX}${register}`;

/** The register a content-type uid names, if it holds personal values. */
export function personalRegisterOf(uid: string): PersonalRegister | undefined {
  const name = uid.startsWith(UID_PREFIX) ? uid.slice(UID_PREFIX.length) : '';
  return name in PERSONAL_BY_REGISTER ? (name as PersonalRegister) : undefined;
}
