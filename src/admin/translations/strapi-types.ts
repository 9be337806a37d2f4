type Messages = Record<string, string>;

const USER = 'plugin::users-permissions.user';
const userFields: Record<string, [string, string]> = {
  username: ['用户名', 'Username'],
  email: ['电子邮件', 'E-mail'],
  provider: ['登录方式', 'Provider'],
  password: ['密码', 'Password'],
  resetPasswordToken: ['重置密码令牌', 'Reset password token'],
  confirmationToken: ['确认令牌', 'Confirmation token'],
  confirmed: ['已确认', 'Confirmed'],
  blocked: ['已停用', 'Blocked'],
  role: ['角色', 'Role'],
};

/** Strapi's own types staff meet in the Content Manager (the app's accounts: units, members). */
export function strapiTypeMessages(locale: 'zh-Hans' | 'en'): Messages {
  const i = locale === 'en' ? 1 : 0;
  const out: Messages = { User: locale === 'en' ? 'User' : '用户账号' };
  for (const [field, label] of Object.entries(userFields))
    out[`content-manager.content-types.${USER}.${field}`] = label[i];
  return out;
}
