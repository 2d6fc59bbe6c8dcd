import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { minimatch } from 'minimatch';

/** What the Extensions view and the Welcome page show: the icon, the banner, the README's images, the walkthrough. */
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const readme = readFileSync('README.md', 'utf8');
const ignore = readFileSync('.vscodeignore', 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'));

/** Whether `vsce package` puts the file in the .vsix (.vscodeignore's patterns in order, `!` keeps). */
function packaged(path: string): boolean {
  let kept = true;
  for (const pattern of ignore) {
    const negated = pattern.startsWith('!');
    if (minimatch(path, negated ? pattern.slice(1) : pattern, { dot: true })) kept = negated;
  }
  return kept;
}

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', `${path} is not a PNG`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('the icon is a PNG of at least 128×128 in the package, drawn from the SVG beside it; the gallery banner is set', () => {
  assert.equal(pkg.icon, 'images/icon.png');
  const { width, height } = pngSize(pkg.icon);
  assert.ok(width >= 128 && width === height, `${width}×${height}`);
  assert.ok(packaged(pkg.icon));
  assert.ok(existsSync('images/icon.svg') && !packaged('images/icon.svg'));
  assert.match(pkg.galleryBanner.color, /^#[0-9a-f]{6}$/i);
  assert.ok(['dark', 'light'].includes(pkg.galleryBanner.theme));
});

test('the README opens with what Minutes does for a secretary, its images are files of the package, and the package points them at the repository', () => {
  const headings = readme.split('\n').filter((line) => /^#{1,2} /.test(line));
  assert.deepEqual(headings.slice(0, 2), ['# Minutes', '## What it does for a secretary']);
  assert.ok(headings.indexOf('## Set up, test, run') > headings.indexOf('## What it checks'), 'the developer set-up comes after what it does');
  const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((match) => match[1]!);
  assert.ok(images.length >= 3, images.join(', '));
  for (const image of images) {
    assert.ok(!/^[a-z]+:/.test(image), `${image}: relative, so the repository shows it and vsce rewrites it`);
    assert.ok(existsSync(image) && packaged(image), `${image} is in the package`);
  }
  // VS Code's extension page shows https images only: vsce rewrites relative links from `repository`.
  assert.match(pkg.repository.url, /^https:\/\/github\.com\//);
  assert.doesNotMatch(pkg.scripts.package, /--no-rewrite-relative-links|--allow-missing-repository/);
});

test('the walkthrough has three steps (open minutes, hover a time, New Meeting), each with a picture in the package', () => {
  const [walkthrough, ...others] = pkg.contributes.walkthroughs as { id: string; title: string; steps: { id: string; title: string; description: string; media: { image: string; altText: string }; completionEvents: string[] }[] }[];
  assert.equal(others.length, 0);
  assert.deepEqual(walkthrough!.steps.map((step) => step.title), ["Open a meeting's minutes", 'Hover a time', 'Draft the next meeting']);
  const commands = new Set((pkg.contributes.commands as { command: string }[]).map((c) => c.command));
  for (const step of walkthrough!.steps) {
    assert.ok(existsSync(step.media.image) && packaged(step.media.image), step.media.image);
    assert.ok(pngSize(step.media.image).width >= 400, step.media.image);
    assert.ok(step.media.altText.length > 20, step.id);
    for (const [, command] of step.description.matchAll(/\(command:([\w.]+)/g)) assert.ok(command!.startsWith('workbench.') || commands.has(command!), `${step.id}: ${command}`);
    for (const event of step.completionEvents) {
      const command = /^onCommand:(.+)$/.exec(event)?.[1];
      if (command) assert.ok(commands.has(command), `${step.id}: ${event}`);
    }
  }
});
