package dev.nectar.handoff;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceHoursTest {
    private static final String ZONE = "Asia/Shanghai";

    /** An instant at the given local time in Shanghai on 2030-05-01 (UTC+8). */
    private static Instant at(String localTime) {
        return Instant.parse("2030-05-01T" + localTime + ":00+08:00");
    }

    @Test
    void parsesRangesAndRejectsNonsense() {
        assertThat(ServiceHours.parse("09:00-23:00", ZONE)).isPresent();
        assertThat(ServiceHours.parse("00:00-24:00", ZONE)).isPresent();
        assertThat(ServiceHours.parse("9-23", ZONE)).isEmpty();
        assertThat(ServiceHours.parse("09:00-09:00", ZONE)).isEmpty();
        assertThat(ServiceHours.parse("25:00-26:00", ZONE)).isEmpty();
        assertThat(ServiceHours.parse("24:00-09:00", ZONE)).isEmpty();
        assertThat(ServiceHours.parse("09:00-23:00", "Mars/Olympus")).isEmpty();
    }

    @Test
    void dayRange() {
        ServiceHours h = ServiceHours.parse("09:00-23:00", ZONE).orElseThrow();
        assertThat(h.isOpen(at("08:59"))).isFalse();
        assertThat(h.isOpen(at("09:00"))).isTrue();
        assertThat(h.isOpen(at("22:59"))).isTrue();
        assertThat(h.isOpen(at("23:00"))).isFalse();
        assertThat(h.describeOpening(at("07:30"))).isEqualTo("今天 09:00");
        assertThat(h.describeOpening(at("23:30"))).isEqualTo("明天 09:00");
    }

    @Test
    void rangePastMidnight() {
        ServiceHours h = ServiceHours.parse("20:00-02:00", ZONE).orElseThrow();
        assertThat(h.isOpen(at("21:00"))).isTrue();
        assertThat(h.isOpen(at("01:59"))).isTrue();
        assertThat(h.isOpen(at("02:00"))).isFalse();
        assertThat(h.isOpen(at("12:00"))).isFalse();
        assertThat(h.describeOpening(at("12:00"))).isEqualTo("今天 20:00");
    }

    @Test
    void alwaysIsAlwaysOpen() {
        ServiceHours h = ServiceHours.parse("00:00-24:00", ZONE).orElseThrow();
        assertThat(h.isOpen(at("00:00"))).isTrue();
        assertThat(h.isOpen(at("23:59"))).isTrue();
    }
}
