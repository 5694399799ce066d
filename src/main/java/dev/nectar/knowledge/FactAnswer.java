package dev.nectar.knowledge;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.common.Term;
import dev.nectar.text.Regions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The answer a buyer reads, made of the facts retrieved for the question: the best fact, with the next ones when they
 * score about as well, from any document (a short answer of up to three facts: a two-part question is answered by two); for a question about a table (a size chart, a postage
 * table) the row the question's numbers or place pick out, looked up rather than ranked ("脚长26厘米" → the row whose
 * 脚长 range holds 260 mm; "寄到北京" → the row for other regions when no row names Beijing). Extractive: never a word
 * that is not in the merchant's documents.
 */
public final class FactAnswer {
    private static final Pattern FAQ_QUESTION = Pattern.compile("^问[：:].*?\\n答[：:]", Pattern.DOTALL);
    private static final Pattern ROW = Pattern.compile("^[^：，\\n]{1,24}：[^，\\n]*(，[^：，\\n]{1,24}：[^，\\n]*)+$");
    /** A cell that is a number: a range, a bound or a value, with its unit (20-35kg, 15 斤以上, 未满 49 元, 69). */
    private static final Pattern CELL_NUMBER = Pattern.compile(
            "(满|未满|不满)?\\s*(\\d+(?:\\.\\d+)?)\\s*(?:(?:-|~|～|至|到)\\s*(\\d+(?:\\.\\d+)?))?\\s*(厘米|公分|cm|毫米|mm|米|m|公斤|千克|kg|斤|克|g|岁|个月|月龄|月|元)?\\s*(以上|以下|以内)?(?:[^\\d.].*)?",
            Pattern.CASE_INSENSITIVE);
    /** What a cell holds besides its words: numbers, units in letters, ranges. */
    private static final Pattern NOT_WORDS = Pattern.compile("[\\d\\s.\\-~～a-zA-Z]+");
    private static final Pattern QUERY_NUMBER = Pattern.compile(
            "(\\d+(?:\\.\\d+)?)\\s*(厘米|公分|cm|毫米|mm|米|m|公斤|千克|kg|斤|克|g|岁|个月|月龄|月|元|块)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_UNIT = Pattern.compile("[(（]\\s*(cm|mm|m|kg|g|厘米|毫米|公斤|千克|克|斤|岁|月|个月)\\s*[)）]", Pattern.CASE_INSENSITIVE);
    private static final Pattern REGION_HEADER = Pattern.compile("地区|区域|省|城市|目的地|收货地");
    private static final Pattern OTHER_REGIONS = Pattern.compile("其他|其它|其余|除.*以外|以外");
    /**
     * Another fact joins the answer only when it scores this close to the best; 0.7 from any document answered 593
     * of the training shops' 679 knowledge questions where 0.8 from the best's document alone answered 565.
     */
    private static final double OTHER_FACT_RATIO = 0.7;
    /** How many hits after the best may add a fact, and how long the answer may grow. */
    private static final int NEIGHBOURS = 2;
    private static final int MAX_ANSWER_CHARS = 260;
    private static final int MAX_ROWS = 8;
    /** How many leading hits may hold the table a question's numbers look a row up in. */
    private static final int TABLE_WINDOW = 5;

    /** The answer, the document it came from and the score of its best fact. */
    public record Answer(String text, String title, String docId, double score) {
    }

    private FactAnswer() {
    }

    /** The answer from hits ranked best first, or empty when the best is not answerable. */
    public static Optional<Answer> compose(String query, List<KnowledgeHit> hits, Regions regions) {
        if (hits.isEmpty() || !hits.get(0).answerable()) {
            return Optional.empty();
        }
        return Optional.of(build(query, hits, regions));
    }

    /**
     * The answer the closest facts would give when the best is not answerable but scores at least {@code floor}: what
     * the bot offers as a guess it says it is not sure of, rather than a plain "not found".
     */
    public static Optional<Answer> tentative(String query, List<KnowledgeHit> hits, Regions regions, double floor) {
        if (hits.isEmpty() || hits.get(0).answerable() || hits.get(0).score() < floor) {
            return Optional.empty();
        }
        return Optional.of(build(query, hits, regions));
    }

    private static Answer build(String query, List<KnowledgeHit> hits, Regions regions) {
        KnowledgeHit best = hits.get(0);
        Optional<KnowledgeHit> row = isRow(best.text()) ? lookUpRow(query, best, hits, regions) : rowByNumbers(query, hits);
        if (row.isPresent()) {
            // the row answers; a guide the search put first (how to measure, which size when between two) goes with it
            String answer = isRow(best.text()) ? row.get().text() : row.get().text() + "\n" + text(best);
            return new Answer(answer, best.title(), best.docId(), best.score());
        }
        List<String> facts = new ArrayList<>();
        facts.add(text(best));
        if (isRow(best.text())) {
            // a table question no number or place narrows (满多少包邮, 运费怎么算): the table's rows that were found
            hits.stream().skip(1).limit(MAX_ROWS).filter(h -> sameTable(h, best)).map(FactAnswer::text).forEach(facts::add);
        } else {
            // the facts ranked next to the best often hold what it only introduces, or the other half of a two-part
            // question; a few short ones join it (recall@3 is about 0.95 where recall@1 is about 0.82 on the training shops)
            int length = facts.get(0).length();
            for (KnowledgeHit h : hits.subList(1, Math.min(hits.size(), NEIGHBOURS + 1))) {
                String t = text(h);
                boolean duplicate = facts.stream().anyMatch(f -> f.contains(t) || t.contains(f));
                if (!isRow(h.text()) && h.score() >= OTHER_FACT_RATIO * best.score()
                        && !duplicate && length + t.length() <= MAX_ANSWER_CHARS) {
                    facts.add(t);
                    length += t.length();
                }
            }
        }
        return new Answer(String.join("\n", facts), best.title(), best.docId(), best.score());
    }

    private static boolean sameTable(KnowledgeHit h, KnowledgeHit best) {
        return h.docId().equals(best.docId()) && h.headingPath().equals(best.headingPath()) && isRow(h.text());
    }

    static String text(KnowledgeHit hit) {
        return FAQ_QUESTION.matcher(hit.text().strip()).replaceFirst("").strip();
    }

    static boolean isFaq(String text) {
        return FAQ_QUESTION.matcher(text.strip()).lookingAt();
    }

    static boolean isRow(String text) {
        return ROW.matcher(text.strip()).matches();
    }

    /** Among the rows of the best hit's table, the one the query's numbers or place pick out. */
    private static Optional<KnowledgeHit> lookUpRow(String query, KnowledgeHit best, List<KnowledgeHit> hits, Regions regions) {
        List<KnowledgeHit> rows = hits.stream().filter(h -> h.docId().equals(best.docId())
                && h.headingPath().equals(best.headingPath()) && isRow(h.text())).toList();
        if (rows.size() < 2) {
            return Optional.empty();
        }
        // a place picks the row of a regional table whatever amounts the question names (寄到成都买100块包邮吗)
        Optional<KnowledgeHit> byPlace = byRegion(query, rows, regions);
        return byPlace.isPresent() ? byPlace : byNumbers(query, rows);
    }

    private record Asked(double value, Unit unit) {
    }

    /**
     * For a question whose best fact is no row (腰围69的牛仔裤穿几码 finds the measuring guide first): the row of the
     * first table among the leading hits that the question's numbers pick out, if one does.
     */
    private static Optional<KnowledgeHit> rowByNumbers(String query, List<KnowledgeHit> hits) {
        Optional<KnowledgeHit> first = hits.stream().limit(TABLE_WINDOW).filter(h -> isRow(h.text())).findFirst();
        if (first.isEmpty()) {
            return Optional.empty();
        }
        List<KnowledgeHit> rows = hits.stream().filter(h -> sameTable(h, first.get())).toList();
        return rows.size() < 2 ? Optional.empty() : byNumbers(query, rows);
    }

    /**
     * The row holding most of the question's numbers (a range or bound holding the value, or the value itself, in the
     * unit of the cell or its header); among rows holding as many, the one with most of the question's words in its
     * cells (比熊5斤,卫衣 → the 卫衣 row of 2-4kg, not the 雨衣 row). No row when no number matches.
     */
    private static Optional<KnowledgeHit> byNumbers(String query, List<KnowledgeHit> rows) {
        List<Asked> asked = new ArrayList<>();
        Matcher m = QUERY_NUMBER.matcher(query);
        while (m.find()) {
            asked.add(new Asked(Double.parseDouble(m.group(1)), Unit.of(m.group(2))));
        }
        KnowledgeHit pick = null;
        int bestScore = 0;
        for (KnowledgeHit row : rows) {
            Map<String, String> cells = cells(row.text());
            int matches = 0;
            for (Asked a : asked) {
                if (cells.entrySet().stream().anyMatch(cell -> holds(cell.getKey(), cell.getValue(), a))) {
                    matches++;
                }
            }
            int words = (int) cells.values().stream().map(v -> NOT_WORDS.matcher(v).replaceAll(""))
                    .filter(v -> v.length() >= 2 && query.contains(v)).count();
            int score = matches == 0 ? 0 : matches * 100 + words;
            if (score > bestScore) {
                bestScore = score;
                pick = row;
            }
        }
        return Optional.ofNullable(pick);
    }

    /**
     * Whether a cell holds the asked number: a range (20-35kg), a bound (15 斤以上, 未满 49 元) or the value itself (5kg,
     * 69), converted to the unit the cell or else its header names when the question names one too.
     */
    private static boolean holds(String header, String value, Asked a) {
        Matcher c = CELL_NUMBER.matcher(value.strip());
        if (!c.matches()) {
            return false;
        }
        Unit unit = Unit.of(c.group(4));
        if (unit == Unit.NONE) {
            Matcher hu = HEADER_UNIT.matcher(header);
            unit = hu.find() ? Unit.of(hu.group(1)) : Unit.NONE;
        }
        double v = a.value();
        if (unit != Unit.NONE && a.unit() != Unit.NONE) {
            if (unit.kind != a.unit().kind) {
                return false;
            }
            v = a.value() * a.unit().factor / unit.factor;
        }
        double low = Double.parseDouble(c.group(2));
        if (c.group(3) != null) {
            return v >= low && v <= Double.parseDouble(c.group(3));
        }
        String bound = (c.group(1) == null ? "" : c.group(1)) + (c.group(5) == null ? "" : c.group(5));
        if (bound.contains("未满") || bound.contains("不满") || bound.contains("以下") || bound.contains("以内")) {
            return bound.contains("满") ? v < low : v <= low; // 未满 49 excludes 49, 49 以下 includes it
        }
        if (bound.contains("满") || bound.contains("以上")) {
            return v >= low;
        }
        return v == low;
    }

    /**
     * The row naming the place the question names, else the region nearest above it (成都 → 四川 → 西南), else the row
     * for the other regions.
     */
    private static Optional<KnowledgeHit> byRegion(String query, List<KnowledgeHit> rows, Regions regions) {
        boolean regional = rows.stream().allMatch(r -> cells(r.text()).keySet().stream().anyMatch(k -> REGION_HEADER.matcher(k).find()));
        if (!regional) {
            return Optional.empty();
        }
        Set<String> places = new LinkedHashSet<>(regions.places(query));
        HanLP.segment(query).stream().filter(t -> t.nature != null && t.nature.toString().startsWith("ns"))
                .map((Term t) -> shortName(t.word)).forEach(places::add);
        if (places.isEmpty()) {
            return Optional.empty();
        }
        for (String place : places) {
            List<String> names = new ArrayList<>();
            names.add(place);
            names.addAll(regions.containing(place));
            for (String name : names) {
                Optional<KnowledgeHit> row = rows.stream().filter(r -> regionCells(r).anyMatch(v -> v.contains(name))).findFirst();
                if (row.isPresent()) {
                    return row;
                }
            }
        }
        return rows.stream().filter(r -> regionCells(r).anyMatch(v -> OTHER_REGIONS.matcher(v).find())).findFirst();
    }

    private static java.util.stream.Stream<String> regionCells(KnowledgeHit row) {
        return cells(row.text()).entrySet().stream().filter(c -> REGION_HEADER.matcher(c.getKey()).find()).map(Map.Entry::getValue);
    }

    /** 北京市 → 北京, 广东省 → 广东: tables name regions without their suffix. */
    private static String shortName(String place) {
        return place.length() > 2 ? place.replaceFirst("(省|市|自治区|特别行政区)$", "") : place;
    }

    private static Map<String, String> cells(String row) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : row.split("，")) {
            int colon = pair.indexOf('：');
            if (colon > 0) {
                out.put(pair.substring(0, colon), pair.substring(colon + 1));
            }
        }
        return out;
    }

    /** Units of the numbers in questions and table headers, each with its factor to the base unit of its kind. */
    private enum Unit {
        NONE(0, 1), MM(1, 1), CM(1, 10), M(1, 1000), G(2, 1), JIN(2, 500), KG(2, 1000), YEAR(3, 12), MONTH(3, 1), YUAN(4, 1);

        final int kind;
        final double factor;

        Unit(int kind, double factor) {
            this.kind = kind;
            this.factor = factor;
        }

        static Unit of(String word) {
            if (word == null) {
                return NONE;
            }
            return switch (word.toLowerCase(java.util.Locale.ROOT)) {
                case "mm", "毫米" -> MM;
                case "cm", "厘米", "公分" -> CM;
                case "m", "米" -> M;
                case "g", "克" -> G;
                case "斤" -> JIN;
                case "kg", "公斤", "千克" -> KG;
                case "岁" -> YEAR;
                case "月", "个月", "月龄" -> MONTH;
                case "元", "块" -> YUAN;
                default -> NONE;
            };
        }
    }
}
