// Unit tests run beside the code they test (src/**, emulator/test); integration tests drive the
// graph port and use cases against the Graph emulator over HTTP (test/integration).

const tsJest = ['ts-jest', { tsconfig: { jsx: 'react-jsx', isolatedModules: true }, diagnostics: false }];

module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      roots: ['<rootDir>/src', '<rootDir>/emulator'],
      testMatch: ['**/*.test.ts'],
      transform: { '^.+\\.tsx?$': tsJest },
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/integration'],
      testMatch: ['**/*.test.ts'],
      transform: { '^.+\\.tsx?$': tsJest },
    },
  ],
};
