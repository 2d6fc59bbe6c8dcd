/**
 * Jekyll-compatible time handling: what Jekyll 4.3 (Ruby 3.1, Psych, Liquid 4) makes of
 * a front-matter date such as `meeting_time`, and sandboxed Liquid rendering with
 * Jekyll's date filters.
 */
export type { BuildSettings, RubyValue, RubyTime, RubyDate, RubyTimeZone, RubyClassName } from './rubyValue';
export type { Span } from './span';
export type { TimeNote, TimeNoteKind } from './timeNote';
export type { JekyllTimeEvaluation } from './evaluateJekyllTime';
export type { DateParseHash } from './dateParseHash';
export type { DateParseOutcome } from './dateParse';
export type { TimeParseOutcome } from './timeParse';
export type { LiquidRenderResult } from './renderJekyllLiquid';
export { rubyValueOfScalar, psychTokenize } from './psychScalar';
export { evaluateJekyllTime } from './evaluateJekyllTime';
export { renderJekyllLiquid, RENDER_LIMITS } from './renderJekyllLiquid';
export { dateParse } from './dateParse';
export { rubyTimeParse } from './timeParse';
export { rubyZoneOffset } from './zoneOffset';
export { rubyToS } from './rubyToS';
export { rubyInspect } from './rubyInspect';
export { dateTimeOf } from './rubyTimeView';
export { zoneAbbreviation, isKnownZone } from './zoneAbbreviation';
