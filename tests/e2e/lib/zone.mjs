// Local days in an IANA time zone as UTC instants, with the platform's Intl (no library): the dashboard's periods are
// local days of the program's time zone, the database holds UTC seconds.

// Milliseconds to add to UTC to get the zone's wall clock at instant `ms`.
function offsetMs(ms, timeZone) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat("en-US", {
    timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit",
    hour: "2-digit", minute: "2-digit", second: "2-digit",
  }).formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const wall = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return wall - Math.floor(ms / 1000) * 1000;
}

// UTC seconds of 00:00 local time on `day` ("YYYY-MM-DD") in `timeZone`.
export function localMidnight(day, timeZone) {
  const [y, m, d] = day.split("-").map(Number);
  const wall = Date.UTC(y, m - 1, d);
  let t = wall;
  for (let i = 0; i < 3; i++) t = wall - offsetMs(t, timeZone);  // converges in two steps, DST included
  return t / 1000;
}

// "YYYY-MM-DD" + n days.
export function addDays(day, n) {
  const t = new Date(`${day}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}

// The period [from, to] (local days, both inclusive) as [start, end) in UTC seconds.
export function periodSeconds(from, to, timeZone) {
  return [localMidnight(from, timeZone), localMidnight(addDays(to, 1), timeZone)];
}
