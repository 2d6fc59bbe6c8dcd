/** A range of characters within a value's text: `start` inclusive, `end` exclusive (UTF-16 offsets). */
export interface Span {
  start: number;
  end: number;
}
