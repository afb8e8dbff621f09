import { resolveZone } from './timeZones';

describe("an event's time zone", () => {
  it('maps Windows names to IANA through CLDR', () => {
    expect(resolveZone('W. Europe Standard Time', 'Asia/Tokyo')).toEqual({ zone: 'Europe/Berlin', recognised: true });
    expect(resolveZone('FLE Standard Time', 'UTC').zone).toMatch(/^Europe\/(Kiev|Kyiv)$/);
    expect(resolveZone('Pacific Standard Time', 'UTC')).toEqual({ zone: 'America/Los_Angeles', recognised: true });
  });

  it('keeps an IANA name as it is', () => {
    expect(resolveZone('Europe/Stockholm', 'UTC')).toEqual({ zone: 'Europe/Stockholm', recognised: true });
    expect(resolveZone('UTC', 'Europe/Stockholm')).toEqual({ zone: 'Etc/UTC', recognised: true });
  });

  it('uses the host zone, without a note, when the event names none', () => {
    expect(resolveZone(undefined, 'Europe/Stockholm')).toEqual({ zone: 'Europe/Stockholm', recognised: true });
  });

  it.each(['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'Customized Time Zone', 'Mars/Olympus_Mons', '<script>'])(
    'falls back to the host zone, flagged, for %j (never an inherited member)',
    (name) => {
      const resolved = resolveZone(name, 'Europe/Stockholm');
      expect(resolved).toEqual({ zone: 'Europe/Stockholm', recognised: false });
      expect(() => new Intl.DateTimeFormat('sv', { timeZone: resolved.zone })).not.toThrow();
    },
  );

  it('never hands Intl a zone it rejects, even when the fallback is bad too', () => {
    expect(resolveZone('constructor', 'toString')).toEqual({ zone: 'UTC', recognised: false });
  });
});
