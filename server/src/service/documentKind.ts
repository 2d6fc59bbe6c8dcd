import type { WorkspaceKnowledge } from './knowledge/types';
import type { MinutesModel } from './parse/model';

/**
 * What a Markdown document is to Minutes:
 * - `minutes`: an agenda/minutes file (front matter with `meeting_time`, or a minutes file name);
 * - `index`: the page listing the minutes files (CPANSec's `meetings/README.md`);
 * - `template`: a template the group copies from (its placeholders are intended);
 * - `other`: anything else, which Minutes leaves alone.
 */
export type DocumentKind = 'minutes' | 'index' | 'template' | 'other';

const MINUTES_LINK = /(?:^|\/)[^/]*minutes[^/]*\.md$/i;

export function classifyDocument(model: MinutesModel, knowledge: WorkspaceKnowledge): DocumentKind {
  const uri = model.uri;
  if (knowledge.isIgnored(uri)) return 'other';
  if (/\/templates?\//i.test(uri) || /template[^/]*\.md$/i.test(uri)) return 'template';
  if (knowledge.indexPage === uri) return 'index';
  const keys = model.frontMatter?.entries;
  if (keys?.has('meeting_time')) return 'minutes';
  if (knowledge.isMinutesPath(uri)) return 'minutes';
  // An index page is not a minutes file but links to them (and may announce the next meeting).
  const minutesLinks = model.links.filter((link) => MINUTES_LINK.test(link.target.split(/[?#]/)[0] ?? '')).length;
  if (minutesLinks >= 2 || (minutesLinks >= 1 && keys?.has('next_meeting_time'))) return 'index';
  if (keys?.has('next_meeting_time')) return 'minutes';
  return 'other';
}
