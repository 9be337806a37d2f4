// An admin-panel session for bench scenarios: a new admin in the given role (the community staff
// role by default: the people who open dashboards all day, not the super admin), logged in through
// POST /admin/login like the admin panel, and the Authorization header its requests carry.
async function staffSession(strapi, baseUrl, roleCode = 'community-staff') {
  const email = `bench_${roleCode}_${Date.now()}@bench.local`;
  const password = 'Bench-Pass-123a';
  const role = await strapi.service('admin::role').findOne({ code: roleCode });
  if (!role) throw new Error(`no admin role ${roleCode}`);
  const user = await strapi.service('admin::user').create({
    email,
    password,
    firstname: '压测',
    lastname: '管理员',
    isActive: true,
    registrationToken: null,
    roles: [role.id],
  });
  const res = await fetch(`${baseUrl}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const login = await res.json();
  if (!login.data?.token) throw new Error(`admin login failed: ${res.status}`);
  return { user, headers: { authorization: `Bearer ${login.data.token}` } };
}

module.exports = { staffSession };
