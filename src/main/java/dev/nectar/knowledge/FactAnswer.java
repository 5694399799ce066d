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
 * The answer a buyer reads, made of the facts retrieved for the question: the best fact, with the next ones of its
 * document when they score about as well (a short answer of up to three facts); for a question about a table (a size chart, a postage
 * table) the row the question's numbers or place pick out, looked up rather than ranked ("脚长26厘米" → the row whose
 * 脚长 range holds 260 mm; "寄到北京" → the row for other regions when no row names Beijing). Extractive: never a word
 * that is not in the merchant's documents.
 */
public final class FactAnswer {
    private static final Pattern FAQ_QUESTION = Pattern.compile("^问[：:].*?\\n答[：:]", Pattern.DOTALL);
    private static final Pattern ROW = Pattern.compile("^[^：，\\n]{1,24}：[^，\\n]*(，[^：，\\n]{1,24}：[^，\\n]*)+$");
    private static final Pattern RANGE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:-|~|～|至|到)\\s*(\\d+(?:\\.\\d+)?)");
    private static final Pattern QUERY_NUMBER = Pattern.compile(
            "(\\d+(?:\\.\\d+)?)\\s*(厘米|公分|cm|毫米|mm|米|m|公斤|千克|kg|斤|克|g|岁|个月|月龄|月)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_UNIT = Pattern.compile("[(（]\\s*(cm|mm|m|kg|g|厘米|毫米|公斤|千克|克|斤|岁|月|个月)\\s*[)）]", Pattern.CASE_INSENSITIVE);
    private static final Pattern REGION_HEADER = Pattern.compile("地区|区域|省|城市|目的地|收货地");
    private static final Pattern OTHER_REGIONS = Pattern.compile("其他|其它|其余|除.*以外|以外");
    /** Another fact joins the answer only when it scores this close to the best. */
    private static final double OTHER_FACT_RATIO = 0.8;
    /** How many hits after the best may add a fact, and how long the answer may grow. */
    private static final int NEIGHBOURS = 2;
    private static final int MAX_ANSWER_CHARS = 260;
    private static final int MAX_ROWS = 8;

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
        KnowledgeHit best = hits.get(0);
        Optional<KnowledgeHit> row = isRow(best.text()) ? lookUpRow(query, best, hits, regions) : Optional.empty();
        if (row.isPresent()) {
            return Optional.of(new Answer(row.get().text(), best.title(), best.docId(), best.score()));
        }
        List<String> facts = new ArrayList<>();
        facts.add(text(best));
        if (isRow(best.text())) {
            // a table question no number or place narrows (满多少包邮, 运费怎么算): the table's rows that were found
            hits.stream().skip(1).limit(MAX_ROWS).filter(h -> sameTable(h, best)).map(FactAnswer::text).forEach(facts::add);
        } else {
            // the facts ranked next to the best in its document often hold what it only introduces; a few short
            // ones join it (recall@3 is about 0.9 where recall@1 is about 0.77 on the training shops)
            int length = facts.get(0).length();
            for (KnowledgeHit h : hits.subList(1, Math.min(hits.size(), NEIGHBOURS + 1))) {
                String t = text(h);
                boolean duplicate = facts.stream().anyMatch(f -> f.contains(t) || t.contains(f));
                if (h.docId().equals(best.docId()) && !isRow(h.text()) && h.score() >= OTHER_FACT_RATIO * best.score()
                        && !duplicate && length + t.length() <= MAX_ANSWER_CHARS) {
                    facts.add(t);
                    length += t.length();
                }
            }
        }
        return Optional.of(new Answer(String.join("\n", facts), best.title(), best.docId(), best.score()));
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
        Optional<KnowledgeHit> byNumber = byNumbers(query, rows);
        return byNumber.isPresent() ? byNumber : byRegion(query, rows, regions);
    }

    private record Asked(double value, Unit unit) {
    }

    private static Optional<KnowledgeHit> byNumbers(String query, List<KnowledgeHit> rows) {
        List<Asked> asked = new ArrayList<>();
        Matcher m = QUERY_NUMBER.matcher(query);
        while (m.find()) {
            asked.add(new Asked(Double.parseDouble(m.group(1)), Unit.of(m.group(2))));
        }
        KnowledgeHit pick = null;
        int bestMatches = 0;
        for (KnowledgeHit row : rows) {
            int matches = 0;
            for (Asked a : asked) {
                if (cells(row.text()).entrySet().stream().anyMatch(cell -> holds(cell.getKey(), cell.getValue(), a))) {
                    matches++;
                }
            }
            if (matches > bestMatches) {
                bestMatches = matches;
                pick = row;
            }
        }
        return Optional.ofNullable(pick);
    }

    /** Whether a cell's range holds the asked number, converted to the unit its header names when both name one. */
    private static boolean holds(String header, String value, Asked a) {
        Matcher r = RANGE.matcher(value);
        if (!r.find()) {
            return false;
        }
        Matcher hu = HEADER_UNIT.matcher(header);
        Unit unit = hu.find() ? Unit.of(hu.group(1)) : Unit.NONE;
        double v = a.value();
        if (unit != Unit.NONE && a.unit() != Unit.NONE) {
            if (unit.kind != a.unit().kind) {
                return false;
            }
            v = a.value() * a.unit().factor / unit.factor;
        }
        return v >= Double.parseDouble(r.group(1)) && v <= Double.parseDouble(r.group(2));
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
        NONE(0, 1), MM(1, 1), CM(1, 10), M(1, 1000), G(2, 1), JIN(2, 500), KG(2, 1000), YEAR(3, 12), MONTH(3, 1);

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
                default -> NONE;
            };
        }
    }
}
