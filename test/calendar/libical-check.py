"""Checks an .ics file with libical, the C parser Evolution uses, through GObject introspection.

Usage: /usr/bin/python3 libical-check.py FILE [--events N]

libical repairs what it cannot read instead of refusing it: it drops the bad property and leaves an
X-LIC-ERROR in its place, so a calendar "parses" even when a client would lose an event. This script
fails on every such mark, and on what libical accepts silently but RFC 5545 forbids: a TZID without
its VTIMEZONE, an impossible date, a DTSTAMP not in UTC, a missing or repeated required property, an
unknown STATUS, a UID used twice, a VEVENT count other than N.

Exit 0: prints a JSON array with one object per VEVENT as libical reads it: uid, start and end in UTC
(computed from the file's own VTIMEZONE), status, sequence, summary, location. Exit 1: prints
"FILE: problem" lines on stderr. Exit 2: bad usage.
"""

import json
import sys

import gi

gi.require_version("ICalGLib", "3.0")
from gi.repository import ICalGLib as ical  # noqa: E402

Kind = ical.ComponentKind
Prop = ical.PropertyKind
UTC = ical.Timezone.get_utc_timezone()

# RFC 5545 3.6 and 3.6.1: properties that must appear exactly once.
REQUIRED = {
    Kind.VCALENDAR_COMPONENT: ["PRODID", "VERSION"],
    Kind.VEVENT_COMPONENT: ["UID", "DTSTAMP", "DTSTART"],  # DTSTART: required when there is no METHOD
}
EVENT_STATUSES = {"TENTATIVE", "CONFIRMED", "CANCELLED"}
DATE_TIME_PROPERTIES = {"DTSTART", "DTEND", "DTSTAMP", "LAST-MODIFIED", "CREATED", "RECURRENCE-ID"}


def children(component, kind=Kind.ANY_COMPONENT):
    child = component.get_first_component(kind)
    while child is not None:
        yield child
        child = component.get_next_component(kind)


def properties(component):
    prop = component.get_first_property(Prop.ANY_PROPERTY)
    while prop is not None:
        yield prop
        prop = component.get_next_property(Prop.ANY_PROPERTY)


def name_of(component):
    label = ical.Component.kind_to_string(component.isa())
    uid = component.get_first_property(Prop.UID_PROPERTY)
    return f"{label} {uid.get_value_as_string()}" if uid is not None else label


def unclosed(text):
    """Why libical gave up on the whole file: the first BEGIN without its END, or an END out of place."""
    stack = []
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith("BEGIN:"):
            stack.append((line[6:], number))
        elif line.startswith("END:"):
            if not stack or stack[-1][0] != line[4:]:
                open_one = f"BEGIN:{stack[-1][0]} (line {stack[-1][1]})" if stack else "nothing"
                return f"line {number}: {line} closes {open_one}"
            stack.pop()
    return f"BEGIN:{stack[0][0]} (line {stack[0][1]}) is never closed" if stack else "no component at all"


def impossible(time):
    """libical keeps 2026-13-08 or 25:00 as it reads them; a client would shift or drop the event."""
    month, day = time.get_month(), time.get_day()
    if not 1 <= month <= 12 or not 1 <= day <= ical.Time.days_in_month(month, time.get_year()):
        return True
    return not time.is_date() and (time.get_hour() > 23 or time.get_minute() > 59 or time.get_second() > 60)


def check_time(owner, prop, problems):
    name, value = prop.get_property_name(), prop.get_value_as_string()
    time = prop.get_value().get_datetime()
    if impossible(time):
        problems.append(f"{owner}: {name} is not a real date: {value}")
    if name == "DTSTAMP" and not time.is_utc():
        problems.append(f"{owner}: DTSTAMP must be in UTC (end in Z): {value}")


def check_component(component, zones, problems):
    owner = name_of(component)
    counts = {}
    for prop in properties(component):
        name = prop.get_property_name()
        counts[name] = counts.get(name, 0) + 1
        # By name: isa() raises on RFC 7986 kinds (NAME, REFRESH-INTERVAL) the typelib's enum lacks.
        if name == "X-LIC-ERROR":
            problems.append(f"{owner}: libical: {prop.get_xlicerror()}")
            continue
        tzid = prop.get_first_parameter(ical.ParameterKind.TZID_PARAMETER)
        zone = tzid.get_tzid() if tzid is not None else None
        if zone is not None and zone not in zones:
            problems.append(f"{owner}: {name} uses TZID={zone} but the file has no VTIMEZONE for it")
        if name in DATE_TIME_PROPERTIES:
            check_time(owner, prop, problems)
    for name in REQUIRED.get(component.isa(), []):
        if counts.get(name, 0) != 1:
            problems.append(f"{owner}: {name} must appear once, found {counts.get(name, 0)}")
    if component.isa() == Kind.VEVENT_COMPONENT:
        status = component.get_first_property(Prop.STATUS_PROPERTY)
        if status is not None and status.get_value_as_string() not in EVENT_STATUSES:
            problems.append(f"{owner}: STATUS {status.get_value_as_string()} is not one a VEVENT may have")
        if counts.get("DTEND") and counts.get("DURATION"):
            problems.append(f"{owner}: has both DTEND and DURATION")
    for child in children(component):
        check_component(child, zones, problems)


def utc(time):
    if time.is_null_time():
        return ""
    if time.is_date():
        return time.as_ical_string()
    moment = time.clone()
    moment.convert_to_zone_inplace(UTC)  # through the VTIMEZONE libical attached from the file
    day = f"{moment.get_year():04}-{moment.get_month():02}-{moment.get_day():02}"
    return f"{day}T{moment.get_hour():02}:{moment.get_minute():02}:{moment.get_second():02}Z"


def text_of(event, kind):
    prop = event.get_first_property(kind)
    return prop.get_value().get_string() if prop is not None else None


def event_record(event):
    status = event.get_first_property(Prop.STATUS_PROPERTY)
    return {
        "uid": event.get_uid(),
        "start": utc(event.get_dtstart()),
        "end": utc(event.get_dtend()),
        "status": status.get_value_as_string() if status is not None else None,
        "sequence": event.get_sequence(),
        "summary": text_of(event, Prop.SUMMARY_PROPERTY),
        "location": text_of(event, Prop.LOCATION_PROPERTY),
    }


def check(path, expected_events):
    try:
        with open(path, encoding="utf-8", newline="") as file:
            text = file.read()
    except (OSError, UnicodeDecodeError) as error:
        return [f"cannot read it (as UTF-8): {error}"], []
    if not text.startswith("BEGIN:VCALENDAR"):
        return [f"does not start with BEGIN:VCALENDAR (libical skips what precedes it): {text[:40]!r}"], []
    root = ical.Parser.parse_string(text)
    if root is None:
        return [f"libical found no complete component: {unclosed(text)}"], []
    if root.isa() != Kind.VCALENDAR_COMPONENT:
        kinds = [ical.Component.kind_to_string(c.isa()) for c in children(root)]
        return [f"expected one VCALENDAR, libical found {', '.join(kinds) or 'none'} at the top"], []
    tzids = [zone.get_first_property(Prop.TZID_PROPERTY) for zone in children(root, Kind.VTIMEZONE_COMPONENT)]
    zones = {tzid.get_tzid() for tzid in tzids if tzid is not None}
    problems = []
    check_component(root, zones, problems)
    events = list(children(root, Kind.VEVENT_COMPONENT))
    uids = [event.get_uid() for event in events if event.get_uid() is not None]
    for uid in sorted({uid for uid in uids if uids.count(uid) > 1}):
        problems.append(f"UID {uid} is used by {uids.count(uid)} VEVENTs")
    if expected_events is not None and len(events) != expected_events:
        problems.append(f"expected {expected_events} VEVENTs, libical found {len(events)}")
    return problems, [event_record(event) for event in events]


def main(argv):
    if len(argv) not in (1, 3) or (len(argv) == 3 and (argv[1] != "--events" or not argv[2].isdigit())):
        sys.stderr.write("usage: libical-check.py FILE [--events N]\n")
        return 2
    path = argv[0]
    problems, events = check(path, int(argv[2]) if len(argv) == 3 else None)
    for problem in problems:
        sys.stderr.write(f"{path}: {problem}\n")
    if problems:
        return 1
    sys.stdout.write(json.dumps(events, ensure_ascii=False, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
