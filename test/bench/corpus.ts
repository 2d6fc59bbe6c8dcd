import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The real minutes: the copy of the CPANSec site in the test fixtures. */
const CORPUS = join(process.cwd(), 'test', 'fixtures', 'cpansec');

/** The site's files by path: minutes, the index page, the template and the authors data. */
export function corpusSite(): Record<string, string> {
  const files: Record<string, string> = { '_data/authors.yml': readFileSync(join(CORPUS, '_data/authors.yml'), 'utf8') };
  for (const name of readdirSync(join(CORPUS, 'meetings'))) files[`meetings/${name}`] = readFileSync(join(CORPUS, 'meetings', name), 'utf8');
  files['templates/minutes-template.md'] = readFileSync(join(CORPUS, 'templates/minutes-template.md'), 'utf8');
  return files;
}

const FRONT_MATTER = /^\uFEFF?---\r?\n[\s\S]*?\r?\n---\r?\n/;

/** A document of about `size` characters: the minutes' bodies concatenated under one front matter. */
export function documentOfSize(site: Record<string, string>, size: number): string {
  const bodies = Object.entries(site)
    .filter(([path]) => /cpansec-minutes-/.test(path))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, text]) => text.replace(FRONT_MATTER, ''));
  let text = '---\nlayout: page\ntoc: true\nmeeting_time: 2024-11-15 16:00 UTC\ntitle: Minutes 2024-11-15\n---\n';
  for (let i = 0; text.length < size; i++) text += `${bodies[i % bodies.length]}\n`;
  return text.slice(0, size);
}

/** `count` minutes files, one every two weeks from 2000, each a real file with its date set. */
export function generatedWorkspace(site: Record<string, string>, count: number): [string, string][] {
  const minutes = Object.entries(site).filter(([path]) => /cpansec-minutes-/.test(path)).map(([, text]) => text);
  const files: [string, string][] = [['file:///ws/_data/authors.yml', site['_data/authors.yml']!]];
  for (let i = 0; i < count; i++) {
    const date = new Date(Date.UTC(2000, 0, 5) + i * 14 * 86_400_000).toISOString().slice(0, 10);
    const text = minutes[i % minutes.length]!.replace(/^meeting_time: .*$/m, `meeting_time: ${date} 17:00 UTC`);
    files.push([`file:///ws/meetings/cpansec-minutes-${date}.md`, text]);
  }
  return files;
}
