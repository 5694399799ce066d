package dev.nectar.commerce.recommend;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the constraints of a recommendation request from raw Chinese text, for callers without slots: price bounds
 * (100元以内, 两百以内, 200块左右, 100到200元, 50元以上, 预算300), a body weight (20斤, 10公斤, 8kg) and a head count
 * (三只猫, 两个孩子, 多猫家庭).
 */
public final class QueryParser {
    private static final String N = "(\\d+(?:\\.\\d+)?)";
    private static final String YUAN = "\\s*(?:元|块钱|块|rmb)?\\s*";
    /** A number that is not the tail of a longer one or of a range ("5-15kg" is no price). */
    private static final String START = "(?<![\\d.\\-~])";
    private static final Pattern BETWEEN = Pattern.compile(START + N + "\\s*(?:元|块钱|块)?\\s*(?:-|~|到|至)\\s*" + N + "\\s*(?:元|块钱|块)");
    private static final Pattern BUDGET_BETWEEN = Pattern.compile("(?:预算|价格|价位)\\s*" + N + "\\s*(?:-|~|到|至)\\s*" + N);
    private static final Pattern UP_TO = Pattern.compile(START + N + YUAN + "(?:以内|以下|之内|内|封顶)");
    private static final Pattern NOT_OVER = Pattern.compile("(?:不超过|不高于|最多|低于)\\s*" + N + "\\s*(?:元|块钱|块)?(?![\\d.]|\\s*(?:kg|公斤|千克|斤|g|克|ml|毫升|片|岁|个月|天|只|个))");
    private static final Pattern AROUND = Pattern.compile(START + N + YUAN + "(?:左右|上下|附近)");
    private static final Pattern FROM = Pattern.compile(START + N + YUAN + "(?:以上|起)");
    private static final Pattern BUDGET = Pattern.compile("预算\\s*(?:是|在|大概|大约)?\\s*" + N + "(?!\\s*(?:-|~|到|至|左右|上下|以上|\\d))");
    private static final Pattern WEIGHT = Pattern.compile(START + N + "\\s*(kg|公斤|千克|斤)(?!\\s*(?:装|包|袋|以内|以下|以上|之内))");
    private static final Pattern COUNT = Pattern.compile(START + "(\\d+)\\s*(?:只|条|头|(?:个|位)\\s*(?=孩子|宝宝|娃|小孩))");
    private static final Pattern MANY = Pattern.compile("多猫|多狗|多宠|多只|好几只|几只");

    private QueryParser() {
    }

    public static RecommendationQuery parse(String text) {
        String t = text == null ? "" : ChineseNumbers.normalize(text);
        BigDecimal min = null;
        BigDecimal max = null;
        BigDecimal around = null;
        Matcher m;
        if ((m = BETWEEN.matcher(t)).find() || (m = BUDGET_BETWEEN.matcher(t)).find()) {
            BigDecimal a = new BigDecimal(m.group(1));
            BigDecimal b = new BigDecimal(m.group(2));
            min = a.min(b);
            max = a.max(b);
        } else {
            if ((m = UP_TO.matcher(t)).find() || (m = NOT_OVER.matcher(t)).find() || (m = BUDGET.matcher(t)).find()) {
                max = new BigDecimal(m.group(1));
            }
            if ((m = AROUND.matcher(t)).find()) {
                around = new BigDecimal(m.group(1));
            }
            if ((m = FROM.matcher(t)).find()) {
                min = new BigDecimal(m.group(1));
            }
        }
        Double weight = null;
        if ((m = WEIGHT.matcher(t)).find()) {
            weight = Double.parseDouble(m.group(1)) * SizeRange.factor(m.group(2));
        }
        Integer count = null;
        if ((m = COUNT.matcher(t)).find()) {
            count = Integer.parseInt(m.group(1));
        } else if (MANY.matcher(t).find()) {
            count = 2;
        }
        return new RecommendationQuery(text, min, max, around, null, weight, count, null);
    }
}
