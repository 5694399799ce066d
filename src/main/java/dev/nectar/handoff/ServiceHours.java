package dev.nectar.handoff;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a merchant's humans are on duty: a daily range such as {@code 09:00-23:00} in the merchant's time zone.
 * A range whose end is before its start runs past midnight ({@code 20:00-02:00}); {@code 00:00-24:00} is always.
 */
public final class ServiceHours {
    private static final Pattern RANGE = Pattern.compile("([01]\\d|2[0-3]):([0-5]\\d)-([01]\\d|2[0-3]|24):([0-5]\\d)");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private final String text;
    private final int startMinute;
    private final int endMinute;
    private final ZoneId zone;

    private ServiceHours(String text, int startMinute, int endMinute, ZoneId zone) {
        this.text = text;
        this.startMinute = startMinute;
        this.endMinute = endMinute;
        this.zone = zone;
    }

    /** Parses a range and a zone id; empty when either is malformed. */
    public static Optional<ServiceHours> parse(String range, String timezone) {
        if (range == null || timezone == null) {
            return Optional.empty();
        }
        Matcher m = RANGE.matcher(range.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        int start = Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
        int end = Integer.parseInt(m.group(3)) * 60 + Integer.parseInt(m.group(4));
        if (end > 24 * 60 || start == end) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ServiceHours(range.strip(), start, end, ZoneId.of(timezone)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    public boolean isOpen(Instant at) {
        int minute = minuteOfDay(at.atZone(zone));
        return startMinute < endMinute
                ? minute >= startMinute && minute < endMinute
                : minute >= startMinute || minute < endMinute;
    }

    /** The next time humans come on duty (the start of the next range), in the merchant's zone. */
    private ZonedDateTime nextOpening(Instant at) {
        ZonedDateTime now = at.atZone(zone);
        ZonedDateTime today = now.toLocalDate().atTime(LocalTime.of(startMinute / 60, startMinute % 60)).atZone(zone);
        return today.isAfter(now) ? today : today.plusDays(1);
    }

    /** "今天 09:00" or "明天 09:00", for the buyer. */
    public String describeOpening(Instant at) {
        ZonedDateTime next = nextOpening(at);
        long days = next.toLocalDate().toEpochDay() - at.atZone(zone).toLocalDate().toEpochDay();
        return (days == 0 ? "今天" : "明天") + " " + next.format(CLOCK);
    }

    public String text() {
        return text;
    }

    private static int minuteOfDay(ZonedDateTime t) {
        return t.getHour() * 60 + t.getMinute();
    }
}
