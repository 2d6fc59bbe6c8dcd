/**
 * Jekyll-compatible time handling: what Jekyll 4.3 (Ruby 3.1, Psych, Liquid 4) makes of
 * a front-matter date such as `meeting_time`, and sandboxed Liquid rendering with
 * Jekyll's date filters.
 */
export type { BuildSettings, RubyValue, RubyTime, RubyDate, RubyTimeZone, RubyClassName } from './rubyTime/rubyValue';
export type { Span } from './span';
export type { TimeNote, TimeNoteKind } from './timeNote';
export type { JekyllTimeEvaluation } from './evaluateJekyllTime';
export type { DateParseHash } from './dateParse/dateParseHash';
export type { DateParseOutcome } from './dateParse/dateParse';
export type { TimeParseOutcome } from './rubyTime/timeParse';
export type { LiquidRenderResult } from './liquid/renderJekyllLiquid';
export { rubyValueOfScalar, psychTokenize } from './psych/psychScalar';
export { evaluateJekyllTime } from './evaluateJekyllTime';
export { renderJekyllLiquid, RENDER_LIMITS } from './liquid/renderJekyllLiquid';
export { dateParse } from './dateParse/dateParse';
export { rubyTimeParse } from './rubyTime/timeParse';
export { rubyZoneOffset } from './rubyTime/zoneOffset';
export { rubyToS } from './rubyTime/rubyToS';
export { rubyInspect } from './rubyTime/rubyInspect';
export { dateTimeOf } from './rubyTime/rubyTimeView';
export { zoneAbbreviation, isKnownZone } from './rubyTime/zoneAbbreviation';
