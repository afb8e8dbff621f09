// Unit tests run beside the code they test (src/**, emulator/test, scripts); integration tests drive the
// graph port and use cases against the Graph emulator over HTTP (test/integration).

const tsJest = ['ts-jest', { tsconfig: { jsx: 'react-jsx', isolatedModules: true, allowJs: true }, diagnostics: false }];
// @microsoft/app-manifest requires strip-bom, which ships only as ES modules: compile it for jest.
const esmOnly = ['strip-bom'];

module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      roots: ['<rootDir>/src', '<rootDir>/emulator', '<rootDir>/manifest', '<rootDir>/scripts'],
      testMatch: ['**/*.test.ts', '**/*.test.tsx'],
      transform: { '^.+\\.[tj]sx?$': tsJest },
      transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
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
