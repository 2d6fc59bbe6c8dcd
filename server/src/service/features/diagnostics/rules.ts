import type { Rule } from './rule';
import { attendanceRule } from './rules/attendance';
import { badDateRule } from './rules/badDate';
import { dateMismatchRule } from './rules/dateMismatch';
import { frontMatterRule } from './rules/frontMatter';
import { indexRule } from './rules/indexPage';
import { knowledgeFileRule } from './rules/knowledgeFile';
import { minutesLinkRule } from './rules/minutesLink';
import { missingSectionRule } from './rules/missingSection';
import { nextMeetingRule } from './rules/nextMeeting';
import { placeholderRule } from './rules/placeholder';
import { projectLinkRule } from './rules/projectLink';
import { staleActionRule } from './rules/staleAction';
import { suppressionRule } from './rules/suppression';
import { timeOrderRule } from './rules/timeOrder';
import { timezoneMismatchRule } from './rules/timezoneMismatch';
import { unknownHandleRule } from './rules/unknownHandle';
import { upcomingDateRule } from './rules/upcomingDate';
import { weekdayMismatchRule } from './rules/weekdayMismatch';

/** Every diagnostic rule, one per code, in the order their findings are listed. */
export const RULES = [
  frontMatterRule,
  badDateRule,
  dateMismatchRule,
  weekdayMismatchRule,
  timezoneMismatchRule,
  timeOrderRule,
  missingSectionRule,
  unknownHandleRule,
  attendanceRule,
  projectLinkRule,
  placeholderRule,
  nextMeetingRule,
  upcomingDateRule,
  staleActionRule,
  indexRule,
  minutesLinkRule,
  suppressionRule,
  knowledgeFileRule,
] as const satisfies readonly Rule[];

/** The diagnostic codes: a public contract (users set severities and turn checks off by code). */
export type RuleCode = (typeof RULES)[number]['code'];
