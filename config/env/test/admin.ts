// Browser tests log in to the admin panel many times from one address: Strapi's admin login
// rate limit would answer 429 after a few tries.
export default {
  rateLimit: { enabled: false },
};
