import { defineConfig } from '@playwright/test';

const reportDir = process.env.SG_REPORT_DIR;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: `test-results/e2e${process.env.SG_OUT_DIR ? `-${process.env.SG_OUT_DIR.replace(/\W/g, '')}` : ''}`,
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: reportDir ? [['list'], ['json', { outputFile: `${reportDir}/playwright.json` }]] : [['list']],
});
