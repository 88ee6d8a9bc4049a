/** Three projects: fast domain/unit tests (node), pane component tests (jsdom), and end-to-end tests
 *  in real headless Chromium against the built dist/ (run `npm run build` first; `npm test` does). */
const transform = {
  '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }],
  // pdf.js is ES modules only (the PDF import): compiled to CommonJS for jest
  'pdfjs-dist[\\\\/].+\\.mjs$': '<rootDir>/test/esm-transform.js',
};
const transformIgnorePatterns = ['/node_modules/(?!pdfjs-dist/)'];
module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      transformIgnorePatterns,
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['/test/e2e/'],
    },
    { displayName: 'dom', testEnvironment: 'jsdom', transform, testMatch: ['<rootDir>/test/**/*.test.tsx'] },
    { displayName: 'e2e', testEnvironment: 'node', transform, testMatch: ['<rootDir>/test/e2e/**/*.test.ts'], slowTestThreshold: 30 },
  ],
};
