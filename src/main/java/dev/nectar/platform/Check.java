package dev.nectar.platform;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.regex.Pattern;

/** Field checks for request bodies; each failure is a 400 that names the offending field. */
public final class Check {
    public static final Pattern MERCHANT_ID = Pattern.compile("[a-z0-9-]{3,40}");
    private static final BigDecimal MAX_MONEY = new BigDecimal("100000000");

    private Check() {
    }

    /** A merchant id of the contract: 3-40 characters of a-z, 0-9 and -. */
    public static String merchantId(String value, String field) {
        if (value == null || !MERCHANT_ID.matcher(value).matches()) {
            throw ApiException.invalid(field, field + " must be 3-40 characters of a-z, 0-9 and -");
        }
        return value;
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw ApiException.invalid(field, field + " is required");
        }
        return value;
    }

    /** A non-blank string of at most {@code max} characters. */
    public static String text(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalid(field, field + " is required");
        }
        if (value.length() > max) {
            throw ApiException.invalid(field, field + " is longer than " + max + " characters");
        }
        return value;
    }

    public static String optionalText(String value, String field, int max) {
        if (value != null && value.length() > max) {
            throw ApiException.invalid(field, field + " is longer than " + max + " characters");
        }
        return value;
    }

    /** An identifier: 1-64 characters without spaces or control characters. */
    public static String id(String value, String field) {
        text(value, field, 64);
        if (!value.chars().allMatch(ch -> ch > 32 && ch != 127)) {
            throw ApiException.invalid(field, field + " must not contain spaces or control characters");
        }
        return value;
    }

    /** Money in yuan: zero or more, at most two decimals. */
    public static BigDecimal money(BigDecimal value, String field) {
        present(value, field);
        if (value.signum() < 0) {
            throw ApiException.invalid(field, field + " must be zero or more");
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw ApiException.invalid(field, field + " has more than two decimals");
        }
        if (value.compareTo(MAX_MONEY) >= 0) {
            throw ApiException.invalid(field, field + " is too large");
        }
        return value.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    public static int range(Integer value, String field, int min, int max) {
        present(value, field);
        if (value < min || value > max) {
            throw ApiException.invalid(field, field + " must be between " + min + " and " + max);
        }
        return value;
    }

    public static <C extends Collection<?>> C size(C values, String field, int max) {
        if (values != null && values.size() > max) {
            throw ApiException.invalid(field, field + " holds more than " + max + " items");
        }
        return values;
    }

    public static OffsetDateTime time(OffsetDateTime value, String field) {
        return present(value, field);
    }

    public static <E extends Enum<E>> E oneOf(String value, Class<E> type, String field) {
        present(value, field);
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(field, field + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
