import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { REPO_ROOT } from '../../src/config.js';

/** scripts/audit.mjs (run by .ci/run and the GitHub workflow): its verdict on recorded `pnpm audit --json` answers. */
type Verdict = {
  verdict: 'pass' | 'fail' | 'unreachable';
  reason?: string;
  advisories?: { module: string }[];
};
const { judgeAudit } = (await import(pathToFileURL(path.join(REPO_ROOT, 'scripts/audit.mjs')).href)) as {
  judgeAudit: (stdout: string, stderr?: string) => Verdict;
};

const advisory = (id: number, module: string, severity: string) => ({
  id,
  module_name: module,
  severity,
  title: `${module} is vulnerable`,
  url: `https://github.com/advisories/GHSA-${id}`,
  vulnerable_versions: '<2.0.0',
  patched_versions: '>=2.0.0',
  findings: [{ version: '1.0.0', paths: [`packages__api>${module}`] }],
});
const report = (advisories: ReturnType<typeof advisory>[]) =>
  JSON.stringify({
    actions: [],
    advisories: Object.fromEntries(advisories.map((a) => [a.id, a])),
    muted: [],
    metadata: {
      vulnerabilities: {
        info: 0,
        low: advisories.filter((a) => a.severity === 'low').length,
        moderate: advisories.filter((a) => a.severity === 'moderate').length,
        high: advisories.filter((a) => a.severity === 'high').length,
        critical: advisories.filter((a) => a.severity === 'critical').length,
      },
      dependencies: 900,
      devDependencies: 0,
      optionalDependencies: 0,
      totalDependencies: 900,
    },
  });

describe('scripts/audit.mjs', () => {
  test('fails on a high or a critical advisory, naming the package', () => {
    const high = judgeAudit(report([advisory(1, 'left-pad', 'high'), advisory(2, 'minimist', 'low')]));
    expect(high.verdict).toBe('fail');
    expect(high.advisories?.map((a) => a.module)).toEqual(['left-pad']);
    expect(judgeAudit(report([advisory(3, 'lodash', 'critical')])).verdict).toBe('fail');
  });

  test('passes with only moderate or low advisories, or none', () => {
    expect(judgeAudit(report([advisory(4, 'debug', 'moderate'), advisory(5, 'ms', 'low')])).verdict).toBe(
      'pass',
    );
    expect(judgeAudit(report([])).verdict).toBe('pass');
  });

  test('says it cannot judge when the advisory service answers with an error or not at all', () => {
    const refused = judgeAudit(
      JSON.stringify({
        error: {
          code: 'ERR_PNPM_AUDIT_BAD_RESPONSE',
          message:
            'The audit endpoint (at https://registry.npmjs.org/-/npm/v1/security/audits/quick) responded with 405: .',
        },
      }),
    );
    expect(refused).toMatchObject({ verdict: 'unreachable', reason: expect.stringContaining('405') });
    expect(judgeAudit('', 'getaddrinfo ENOTFOUND registry.npmjs.org').verdict).toBe('unreachable');
  });
});
