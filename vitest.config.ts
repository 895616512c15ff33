import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // e2e tests spawn the built binary; give slow CI machines room.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    env: { AWS_EC2_METADATA_DISABLED: 'true' },
  },
});
