/** @type {import('next').NextConfig} */
const nextConfig = {
  output: 'standalone',
  poweredByHeader: false,
  // Packages that load native or WebAssembly files at run time stay outside the server bundle.
  serverExternalPackages: ['@electric-sql/pglite', 'pglite-prisma-adapter', 'sharp', 'pg'],
  // Read from disk at run time (start-up migrations, health), so the standalone output must carry them.
  outputFileTracingIncludes: {
    '/*': ['./prisma/migrations/**/*', './node_modules/@prisma/schema-engine-wasm/*.wasm', './node_modules/@prisma/schema-engine-wasm/*.js'],
  },
  experimental: {
    serverActions: { bodySizeLimit: '1mb' },
  },
};

export default nextConfig;
