package dev.nectar.commerce.recommend;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A body-weight range a product is made for, read from its description or attributes: "适合5-15kg", "10kg以内",
 * "5kg以下", "15kg以上", "6~11公斤", "20斤以内" (斤 = 0.5 kg). Bounds are inclusive. A bare weight ("猫粮 2kg") is
 * a pack size, not a range, and is not read.
 */
record SizeRange(double minKg, double maxKg) {
    private static final String NUMBER = "(\\d+(?:\\.\\d+)?)";
    private static final String UNIT = "\\s*(kg|公斤|千克|斤)";
    private static final Pattern BETWEEN = Pattern.compile(NUMBER + "\\s*(?:kg|公斤|千克|斤)?\\s*[-~至到—]\\s*" + NUMBER + UNIT);
    private static final Pattern UP_TO = Pattern.compile(NUMBER + UNIT + "\\s*(?:以内|以下|之内|内)");
    private static final Pattern FROM = Pattern.compile(NUMBER + UNIT + "\\s*(?:以上|及以上)");

    static List<SizeRange> in(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        String t = ChineseNumbers.normalize(text);
        List<SizeRange> ranges = new ArrayList<>();
        Matcher m = BETWEEN.matcher(t);
        while (m.find()) {
            double f = factor(m.group(3));
            ranges.add(new SizeRange(Double.parseDouble(m.group(1)) * f, Double.parseDouble(m.group(2)) * f));
        }
        m = UP_TO.matcher(t);
        while (m.find()) {
            ranges.add(new SizeRange(0, Double.parseDouble(m.group(1)) * factor(m.group(2))));
        }
        m = FROM.matcher(t);
        while (m.find()) {
            ranges.add(new SizeRange(Double.parseDouble(m.group(1)) * factor(m.group(2)), Double.POSITIVE_INFINITY));
        }
        return ranges;
    }

    static double factor(String unit) {
        return unit.equals("斤") ? 0.5 : 1;
    }

    boolean contains(double kg) {
        return kg >= minKg && kg <= maxKg;
    }

    /** "5-15kg", "10kg以内", "15kg以上". */
    String label() {
        if (minKg == 0) {
            return kg(maxKg) + "kg以内";
        }
        return Double.isInfinite(maxKg) ? kg(minKg) + "kg以上" : kg(minKg) + "-" + kg(maxKg) + "kg";
    }

    private static String kg(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
