import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check } from '../../support/service';

const front = '---\nlayout: page\nmeeting_time: 2024-11-15 16:00 UTC\ntitle: Minutes 2024-11-15\n---\n';

test('a misspelt project name gets the canonical text (the real 2024-02-10 typo)', () => {
  const checked = check(`${front}\n1. [$0CPAN Metatata & Software Bills of Materials$0](https://github.com/orgs/CPAN-Security/projects/1)\n`);
  const [diagnostic] = checked.of('project-link');
  assert.equal(checked.fixture.document.getText(diagnostic!.range), 'CPAN Metatata & Software Bills of Materials');
  assert.match(diagnostic!.message, /misspelling of project 1, "CPAN Metadata & Software Bills of Materials"/);
  assert.match(checked.applyFix(diagnostic!), /1\. \[CPAN Metadata & Software Bills of Materials\]\(https:\/\/github\.com\/orgs\/CPAN-Security\/projects\/1\)/);
});

test('text naming another project than the number is reported with both ways out', () => {
  const checked = check(`${front}\n2. [CPAN Privacy and Compliance](https://github.com/orgs/CPAN-Security/projects/3)\n`);
  const [diagnostic] = checked.of('project-link');
  assert.match(diagnostic!.message, /"CPAN Privacy and Compliance" is project 9, but the link goes to project 3 \(CPAN Provenance & Supply Chain Security\)/);
  assert.deepEqual(checked.actions(diagnostic!).map((a) => a.title), ['Link to project 9 instead', 'Change the text to "CPAN Provenance & Supply Chain Security"']);
});

test('an unknown project number is reported on the URL', () => {
  const checked = check(`${front}\n10. [CPAN CVE Registration](https://github.com/orgs/CPAN-Security/projects/13)\n`);
  assert.match(checked.of('project-link')[0]!.message, /Project 13 of CPAN-Security is not known/);
  const configured = check(`${front}\n10. [CPAN CVE Registration](https://github.com/orgs/CPAN-Security/projects/13)\n`, undefined, {
    files: { '.minutes.json': '{ "projects": [{ "org": "CPAN-Security", "number": 13, "name": "CPAN CVE Registration" }] }' },
  });
  assert.deepEqual(configured.of('project-link'), []);
});

test('current and former names are fine; the 2024-01-06 board 4 and "CPANSec Governance" too', () => {
  const checked = check(
    `${front}\n4. [CPAN Rich Metadata & Dependencies](https://github.com/orgs/CPAN-Security/projects/4)\n6. [CPANSec Governance, Policy & Funding](https://github.com/orgs/CPAN-Security/projects/7)\n9. [CPAN-SEC Governance, Policy & Funding](https://github.com/orgs/CPAN-Security/projects/7)\n`,
  );
  assert.deepEqual(checked.of('project-link'), []);
});

test('a name learned from the minutes becomes current, and the built-in one an alias', () => {
  const renamed = '---\nlayout: single\nmeeting_time: 2025-01-10 17:00 UTC\n---\n1. [CPAN SBOM & Metadata](https://github.com/orgs/CPAN-Security/projects/1)\n';
  const files = { 'meetings/cpansec-minutes-2025-01-10.md': renamed, 'meetings/cpansec-minutes-2025-01-24.md': renamed.replace('2025-01-10', '2025-01-24') };
  const checked = check(`${front}\n1. [CPAN Metadata & Software Bills of Materials](https://github.com/orgs/CPAN-Security/projects/1)\n2. [CPAN SBOM & Metadata](https://github.com/orgs/CPAN-Security/projects/1)\n`, undefined, { files });
  assert.deepEqual(checked.of('project-link'), []);
});
