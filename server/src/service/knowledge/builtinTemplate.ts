/**
 * The CPANSec minutes layout the group has used since the meeting of 2024-03-27, built in
 * so a fresh checkout is judged without any configuration. A workspace template file
 * (`*minutes-template*.md`) or the config file takes precedence.
 */
export const BUILTIN_TEMPLATE_SINCE = '2024-03-27';

export const BUILTIN_TEMPLATE_TEXT = `---
layout: page
toc: true
meeting_time: March 27th, 2024 17:00 UTC
title: Minutes 2024-03-27
---

## Meeting details

*   **Time**: on {{ page.meeting_time | date_to_string: "ordinal", "US" }}, at {{ page.meeting_time | date: "%H:%M %Z" }}.
*   **Duration**: 1 hour, timeboxed. We start 30min earlier for introductions/socializing.

## 16:30 UTC – Pre-meeting socializing

## 17:00 UTC – Meeting start

### Welcome

*   Meeting chair: …
*   Meeting secretary: …

### Attendees, absents & regrets

*   Attendees
    *   …
*   Regrets
    *   …
*   Absents
    *   …

### Approve previous meeting minutes

*   Previous meeting minutes were approved in PR# … by …

### Quick summary of current work

### Ongoing vulnerabilities

*   …

### Operating changes

*   …

### Upcoming events and deadlines

1.  …

### Elect next meeting chair and secretary

*   Chair: …
*   Secretary: …

### Next meeting date, time and location

*   Next meeting is … @ 17:00 UTC.

## 18:00 UTC – Meeting end

## 18:30 UTC – End
`;
