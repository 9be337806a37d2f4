// Who may call: anyone (auth: false). The document describes the public surface only.
export default {
  routes: [
    {
      method: 'GET',
      path: '/openapi.json',
      handler: 'openapi.document',
      config: { auth: false },
    },
  ],
};
