// Unit tests run beside the code they test (src/**, emulator/test, scripts, simulators); integration tests drive the
// graph port and use cases against the Graph emulator over HTTP (test/integration).

const tsJest = ['ts-jest', { tsconfig: { jsx: 'react-jsx', isolatedModules: true, allowJs: true }, diagnostics: false }];
// Packages that ship only as ES modules, compiled for jest: strip-bom (required by
// @microsoft/app-manifest) and Lexical with its signals (the notes editor).
const esmOnly = ['strip-bom', 'lexical', '@lexical', '@preact/signals-core'];
// d3 (under @fluentui/react-charts) resolves to ES modules (.mjs) for jest too; each package also
// ships a UMD build beside it, which jest loads as it is.
const d3Umd = { '^(d3-[a-z-]+|internmap)$': '<rootDir>/node_modules/$1/dist/$1.js' };

module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      roots: ['<rootDir>/src', '<rootDir>/emulator', '<rootDir>/manifest', '<rootDir>/scripts', '<rootDir>/simulators'],
      testMatch: ['**/*.test.ts', '**/*.test.tsx'],
      transform: { '^.+\\.[tj]sx?$': tsJest },
      transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
      moduleNameMapper: d3Umd,
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
