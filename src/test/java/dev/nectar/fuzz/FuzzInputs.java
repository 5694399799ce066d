package dev.nectar.fuzz;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Generated bad input from one seed, so a failing run is repeated exactly by its seed: JSON text that is random,
 * mutated from a valid sample, or structurally right with wrong values, and plain garbage. Strings mix Chinese,
 * emoji, control and format characters, lone surrogates (as JSON escapes), markup, SQL and format-string fragments,
 * very long runs and number-like text.
 */
final class FuzzInputs {
    /** What no body or frame may ever show a client: a stack trace, an exception, a Java or driver class, SQL errors. */
    static final Pattern LEAK = Pattern.compile("(?i)exception|stack ?trace|\\tat |\\.java:\\d+\\)|dev\\.nectar|java\\.(lang|util|io|sql)"
            + "|io\\.quarkus|io\\.vertx|io\\.netty|org\\.jboss|com\\.fasterxml|org\\.h2|org\\.postgresql|sqlstate|syntax error at");

    private static final List<String> FRAGMENTS = List.of("我的订单到哪了", "退货", "换货 XL", "这个多少钱", "好的", "不用了", "确认",
            "😀", "👍🏻", "🇨🇳", "\u200b\u200d", "\u202e", "\ufeff", "\u0000", "\u0007", "\u001b[31m", "\r\n", "\t", "' OR 1=1 --",
            "\"; DROP TABLE orders; --", "<script>alert(1)</script>", "${jndi:ldap://x/a}", "%s%n%x", "../../etc/passwd",
            "{{7*7}}", "NaN", "-0", "1e309", "99999999999999999999999", "0.001", "null", "true", "订单号 NX20260101", "13800138000");
    private static final List<String> KEYS = List.of("type", "id", "text", "images", "actionId", "accept", "score", "sku", "spu",
            "title", "price", "stock", "orderId", "buyerId", "status", "total", "items", "address", "logistics", "query", "k",
            "approve", "note", "url", "events", "name", "tier", "maxConcurrent", "certifications", "ttlSeconds", "merchantId",
            "slaSeconds", "noReasonReturnDays", "refundOnlyAutoApproveMax", "categorySkills", "x", "");
    private static final List<String> INSERTS = List.of("{", "}", "[", "]", "\"", ":", ",", "\\", "\\u12", "\\uD800", "\u0000",
            "null", "1e99999", "-", "\n", "😀", "你");

    private final Random random;

    FuzzInputs(long seed) {
        this.random = new Random(seed);
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    /** One input derived from {@code sample} (valid JSON text): mutated, with wrong values, random or garbage. */
    String around(String sample) {
        int roll = random.nextInt(100);
        if (roll < 40) {
            return mutate(sample);
        }
        if (roll < 70) {
            return replaceValues(sample);
        }
        if (roll < 90) {
            return json(0);
        }
        return text(1 + random.nextInt(300));
    }

    /** Random text of about {@code n} code units, now and then very long. */
    String text(int n) {
        StringBuilder b = new StringBuilder();
        int length = random.nextInt(50) == 0 ? 5_000 + random.nextInt(70_000) : n;
        while (b.length() < length) {
            switch (random.nextInt(5)) {
                case 0 -> b.append(pick(FRAGMENTS));
                case 1 -> b.append((char) (0x4e00 + random.nextInt(0x5000)));
                case 2 -> b.append((char) random.nextInt(0x80));
                case 3 -> b.appendCodePoint(random.nextInt(Character.MAX_CODE_POINT + 1));
                default -> b.append((char) random.nextInt(0x10000)); // lone surrogates included
            }
        }
        return b.toString();
    }

    /** A random JSON value, as text. */
    String json(int depth) {
        int kind = depth > 4 ? random.nextInt(4) : random.nextInt(7);
        return switch (kind) {
            case 0 -> quote(text(random.nextInt(40)));
            case 1 -> number();
            case 2 -> pick(List.of("true", "false", "null"));
            case 3 -> quote(pick(FRAGMENTS));
            case 4, 5 -> {
                StringBuilder b = new StringBuilder("{");
                int n = random.nextInt(6);
                for (int i = 0; i < n; i++) {
                    b.append(i == 0 ? "" : ",").append(quote(random.nextBoolean() ? pick(KEYS) : text(6))).append(':').append(json(depth + 1));
                }
                yield b.append('}').toString();
            }
            default -> {
                StringBuilder b = new StringBuilder("[");
                int n = random.nextInt(6);
                for (int i = 0; i < n; i++) {
                    b.append(i == 0 ? "" : ",").append(json(depth + 1));
                }
                yield b.append(']').toString();
            }
        };
    }

    /** A JSON frame object with a known type and fields of random values, or random ones. */
    String object(Map<String, String> fixed) {
        StringBuilder b = new StringBuilder("{");
        fixed.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append(quote(k)).append(':').append(v));
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            b.append(b.length() > 1 ? "," : "").append(quote(pick(KEYS))).append(':').append(json(1));
        }
        return b.append('}').toString();
    }

    private String number() {
        return switch (random.nextInt(5)) {
            case 0 -> String.valueOf(random.nextInt());
            case 1 -> String.valueOf(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
            case 2 -> "-" + random.nextInt(1000) + "." + random.nextInt(100_000);
            case 3 -> "1" + "0".repeat(random.nextInt(400));
            default -> String.valueOf(random.nextLong());
        };
    }

    /** A JSON string literal; now and then surrogates go as escapes, which JSON allows but Unicode does not pair. */
    String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        boolean escapeAll = random.nextInt(4) == 0;
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || (escapeAll && Character.isSurrogate(c))) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /**
     * What can go on the wire: a client cannot encode a lone surrogate as UTF-8, so each becomes its JSON escape
     * text (inside a string that is exactly the unpaired surrogate the server must cope with).
     */
    static String wire(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            if (paired) {
                b.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private String mutate(String s) {
        StringBuilder b = new StringBuilder(s);
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n && !b.isEmpty(); i++) {
            int at = random.nextInt(b.length());
            switch (random.nextInt(5)) {
                case 0 -> b.delete(at, Math.min(b.length(), at + 1 + random.nextInt(8)));
                case 1 -> b.insert(at, pick(INSERTS));
                case 2 -> b.insert(at, b.substring(at, Math.min(b.length(), at + random.nextInt(20))));
                case 3 -> b.setLength(at);
                default -> b.setCharAt(at, (char) random.nextInt(0x80));
            }
        }
        return b.toString();
    }

    /** The sample with some scalar values swapped for random JSON values (wrong types, huge numbers, odd text). */
    private String replaceValues(String sample) {
        StringBuilder out = new StringBuilder();
        var m = Pattern.compile("(:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|-?[0-9.eE+]+|true|false|null)").matcher(sample);
        int last = 0;
        while (m.find()) {
            out.append(sample, last, m.start(2));
            out.append(random.nextInt(3) == 0 ? json(2) : m.group(2));
            last = m.end(2);
        }
        return out.append(sample.substring(last)).toString();
    }
}
