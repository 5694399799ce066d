package dev.nectar.commerce.recommend;

import dev.nectar.commerce.Product;
import dev.nectar.text.Colours;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a request says about which variant of an item, and for whom: a variant's own value named (38码, S码, 粉色,
 * iPhone 15 Pro), a body height (一米六五, 175cm) against the heights a variant declares (身高165-172cm), a wish for
 * the big or the small pack (囤一点, 家里人多 / 先买点试试), and whether it is for a man or a woman (给我老公 rules out
 * 女款), a foot length against the one a shoe size declares (脚长23.5), a pet's age (成年猫 rules out 幼猫粮) and a
 * mind for the price (not too pricey: the cheapest variant). Each choice narrows the variants of an item, never
 * removes a whole item that has no variant of the wish except for the audience and the age, and is skipped when it
 * would leave nothing.
 */
record Preferences(String text, Double heightCm, Double footCm, Pack pack, Audience audience, Age age, boolean thrifty) {
    enum Pack { ANY, LARGEST, SMALLEST }

    enum Audience { ANY, MALE, FEMALE }

    /** A pet's (or a person's) stage of life the request names: 成年猫 rules out a kitten food. */
    enum Age { ANY, ADULT, YOUNG }

    private static final Pattern HEIGHT_CM = Pattern.compile("(?<![\\d.])(1\\d\\d|[5-9]\\d)\\s*(?:cm|厘米|公分)");
    private static final Pattern HEIGHT_AFTER = Pattern.compile("(?:身高|个子|个头)\\s*(?:是|有|大概|大约)?\\s*(1\\d\\d|[5-9]\\d)(?![\\d.])");
    private static final Pattern HEIGHT_METRES = Pattern.compile("(?<![\\d.])1(?:\\.|米)(\\d)(\\d)?(?![\\d.])\\s*(?:米|m)?");
    /** 175,130斤: a height written bare beside a weight. */
    private static final Pattern HEIGHT_BESIDE_WEIGHT = Pattern.compile("(?<![\\d.])(1[4-9]\\d)\\s*[,，、/ ]\\s*\\d{2,3}(?:\\.\\d)?\\s*(?:斤|kg|公斤)");
    private static final Pattern CHINESE_METRES = Pattern.compile("一米([一二三四五六七八九])([一二三四五六七八九零])?");
    private static final Pattern DECLARED_HEIGHT = Pattern.compile("身高\\s*(\\d{2,3})\\s*(?:cm|厘米)?\\s*[-~至到—]\\s*(\\d{2,3})");
    private static final Pattern LARGEST = Pattern.compile("囤|大瓶|大包装|大包|大袋|大桶|大份|大容量|大罐|量大|多一点|多一些|多点的|多片|人多|猫多|狗多|一个月的量|够吃一个月|够用一个月|不要小包装|不要小的|bulk|family size");
    private static final Pattern SMALLEST = Pattern.compile("小包装|小瓶|小份|小罐|试吃|试用|试试|尝尝|尝个鲜|少买点|少来点|旅行装|便携装|trial|small pack");
    private static final Pattern MALE = Pattern.compile("老公|男朋友|男友|爸爸|老爸|父亲|公公|儿子|男生|男士|男款|男孩|男的|男性|男人|哥哥|弟弟|爷爷|外公|husband|boyfriend|for my dad|for him|\\bmen'?s\\b");
    private static final Pattern FEMALE = Pattern.compile("老婆|媳妇|女朋友|女友|妈妈|老妈|母亲|婆婆|女儿|女生|女士|女款|女孩|女的|女性|女人|姐姐|妹妹|奶奶|外婆|wife|girlfriend|for my mom|for her|women'?s");
    private static final Pattern FOR_MEN = Pattern.compile("男款|男士|男式|男装|男鞋|男童");
    private static final Pattern FOR_WOMEN = Pattern.compile("女款|女士|女式|女装|女鞋|女童");
    private static final Pattern UNISEX = Pattern.compile("男女同款|男女通用|情侣");
    /** 脚长23.5, 脚长 235mm, 23.5cm (no body is 23 cm tall): the foot length a shoe size is chosen by. */
    private static final Pattern FOOT = Pattern.compile("(?:脚长|脚的长度|脚掌长)\\s*(?:是|有|大概|大约)?\\s*(\\d{2}(?:\\.\\d)?|\\d{3})\\s*(?:cm|厘米|公分|mm|毫米)?|(?<![\\d.])(2\\d(?:\\.\\d)?)\\s*(?:cm|厘米|公分)");
    private static final Pattern DECLARED_FOOT = Pattern.compile("脚长\\s*(\\d{2}(?:\\.\\d)?)");
    /** Half a size: a foot of 23.5 fits the size declared for 23.5, not the one for 24. */
    private static final double FOOT_TOLERANCE = 0.25;
    private static final Pattern ADULT = Pattern.compile("成年|成猫|成犬|成狗|大猫|大狗|\\badult\\b");
    private static final Pattern YOUNG = Pattern.compile("幼猫|幼犬|奶猫|奶狗|幼崽|刚满月|几个月大|\\d个月大|kitten|puppy");
    private static final Pattern FOR_ADULT = Pattern.compile("成猫|成犬|成年");
    private static final Pattern FOR_YOUNG = Pattern.compile("幼猫|幼犬|幼年|幼崽|奶猫");
    private static final Pattern ALL_AGES = Pattern.compile("全阶段|全年龄|全期");
    private static final Pattern THRIFTY = Pattern.compile("便宜|实惠|省钱|经济|不要太贵|别太贵|不太贵|太贵的不要|预算不多|预算有限|cheap|affordable|not too pricey|not too expensive|budget");
    private static final String DIGITS = "零一二三四五六七八九";

    static Preferences of(String text) {
        String t = text == null ? "" : ChineseNumbers.halfWidth(text).toLowerCase(Locale.ROOT);
        boolean male = MALE.matcher(t).find();
        boolean female = FEMALE.matcher(t).find();
        Audience audience = male == female ? Audience.ANY : male ? Audience.MALE : Audience.FEMALE;
        Pack pack = LARGEST.matcher(t).find() ? Pack.LARGEST : SMALLEST.matcher(t).find() ? Pack.SMALLEST : Pack.ANY;
        boolean adult = ADULT.matcher(t).find();
        boolean young = YOUNG.matcher(t).find();
        Age age = adult == young ? Age.ANY : adult ? Age.ADULT : Age.YOUNG;
        return new Preferences(t, height(t), foot(t), pack, audience, age, THRIFTY.matcher(t).find());
    }

    private static Double foot(String t) {
        Matcher m = FOOT.matcher(t);
        if (!m.find()) {
            return null;
        }
        double v = Double.parseDouble(m.group(1) != null ? m.group(1) : m.group(2));
        return v >= 100 ? v / 10 : v;
    }

    private static Double height(String t) {
        Matcher m = CHINESE_METRES.matcher(t);
        if (m.find()) {
            return 100 + 10.0 * DIGITS.indexOf(m.group(1)) + (m.group(2) == null ? 0 : DIGITS.indexOf(m.group(2)));
        }
        for (Pattern p : List.of(HEIGHT_CM, HEIGHT_AFTER, HEIGHT_BESIDE_WEIGHT)) {
            if ((m = p.matcher(t)).find()) {
                return Double.parseDouble(m.group(1));
            }
        }
        if ((m = HEIGHT_METRES.matcher(t)).find()) {
            return 100 + 10.0 * Integer.parseInt(m.group(1)) + (m.group(2) == null ? 0 : Integer.parseInt(m.group(2)));
        }
        return null;
    }

    /** The candidates without the variants and the audience the request rules out. */
    List<Product> narrow(List<Product> candidates) {
        List<Product> out = keepIfAny(keepIfAny(candidates, this::forAudience), this::forAge);
        Map<String, List<Product>> items = out.stream().collect(Collectors.groupingBy(Product::spu, LinkedHashMap::new, Collectors.toList()));
        List<Product> kept = new ArrayList<>();
        for (List<Product> variants : items.values()) {
            List<Product> v = variants;
            if (v.size() > 1) {
                v = named(v);
                v = keepIfAny(v, this::fitsHeight);
                v = keepIfAny(v, this::fitsFoot);
                v = byPack(v);
                v = thrifty ? cheapest(v) : v;
            }
            kept.addAll(v);
        }
        return kept;
    }

    private boolean forAudience(Product p) {
        return audience == Audience.ANY || suits(p, UNISEX, audience == Audience.MALE ? FOR_MEN : FOR_WOMEN,
                audience == Audience.MALE ? FOR_WOMEN : FOR_MEN);
    }

    private boolean forAge(Product p) {
        return age == Age.ANY || suits(p, ALL_AGES, age == Age.ADULT ? FOR_ADULT : FOR_YOUNG, age == Age.ADULT ? FOR_YOUNG : FOR_ADULT);
    }

    /** A product marked for everyone or for the wanted group, or not marked for the other one. */
    private static boolean suits(Product p, Pattern everyone, Pattern wanted, Pattern other) {
        String named = p.title() + " " + (p.tags() == null ? "" : String.join(" ", p.tags()));
        return everyone.matcher(named).find() || wanted.matcher(named).find() || !other.matcher(named).find();
    }

    /** A shoe whose description declares the foot length of its size (37码对应脚长23.5cm) fits that foot. */
    private boolean fitsFoot(Product p) {
        if (footCm == null || p.description() == null) {
            return true;
        }
        Matcher m = DECLARED_FOOT.matcher(p.description());
        boolean declared = false;
        while (m.find()) {
            declared = true;
            if (Math.abs(footCm - Double.parseDouble(m.group(1))) <= FOOT_TOLERANCE) {
                return true;
            }
        }
        return !declared;
    }

    /** For a buyer who minds the price: the item's cheapest variant (the small pack, the base model). */
    private static List<Product> cheapest(List<Product> variants) {
        return List.of(variants.stream().min(Comparator.comparing(Product::price)).orElseThrow());
    }

    private boolean fitsHeight(Product p) {
        if (heightCm == null || p.description() == null) {
            return true;
        }
        Matcher m = DECLARED_HEIGHT.matcher(p.description());
        boolean declared = false;
        while (m.find()) {
            declared = true;
            if (heightCm >= Double.parseDouble(m.group(1)) && heightCm <= Double.parseDouble(m.group(2))) {
                return true;
            }
        }
        return !declared;
    }

    /**
     * Variants whose value of some attribute the request names; where several values are named (iPhone 15 and
     * iPhone 15 Pro in "iPhone 15 Pro的壳"), the longest.
     */
    private List<Product> named(List<Product> variants) {
        List<Product> v = variants;
        for (String key : varyingKeys(variants)) {
            Optional<String> value = v.stream().map(p -> p.attributes().get(key)).filter(x -> x != null && mentions(x))
                    .max(Comparator.comparingInt(String::length));
            if (value.isPresent()) {
                List<Product> chosen = v.stream().filter(p -> value.get().equals(p.attributes().get(key))).toList();
                if (!chosen.isEmpty()) {
                    v = chosen;
                }
            }
        }
        return v;
    }

    private static List<String> varyingKeys(List<Product> variants) {
        return variants.stream().filter(p -> p.attributes() != null).flatMap(p -> p.attributes().keySet().stream()).distinct()
                .filter(k -> variants.stream().allMatch(p -> p.attributes() != null && p.attributes().containsKey(k)))
                .filter(k -> variants.stream().map(p -> p.attributes().get(k)).distinct().count() > 1).toList();
    }

    /**
     * Whether the request names a value: Latin letters and digits as a whole token (S is not the S of SPF), Chinese as
     * written, without 色, or a colour by its head (粉色 names 樱花粉).
     */
    private boolean mentions(String value) {
        String v = ChineseNumbers.halfWidth(value).toLowerCase(Locale.ROOT).strip();
        if (v.isEmpty()) {
            return false;
        }
        if (v.codePoints().anyMatch(c -> c < 128 && Character.isLetterOrDigit(c))) {
            return asToken(v);
        }
        String bare = v.endsWith("色") && v.length() > 1 ? v.substring(0, v.length() - 1) : v;
        // a one-character value is named only with its 色 (黑 alone is also the 黑 of 黑头)
        return bare.length() > 1 && (text.contains(v) || text.contains(bare)) || Colours.namedByHead(text, v);
    }

    /** The value in the text with no Latin letter or digit right before or after it (no regex built per value). */
    private boolean asToken(String value) {
        for (int i = text.indexOf(value); i >= 0; i = text.indexOf(value, i + 1)) {
            int end = i + value.length();
            boolean before = i > 0 && (isLatinOrDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '.');
            boolean after = end < text.length() && isLatinOrDigit(text.charAt(end));
            if (!before && !after) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLatinOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    private List<Product> byPack(List<Product> variants) {
        if (pack == Pack.ANY) {
            return variants;
        }
        Map<Product, Double> sizes = new LinkedHashMap<>();
        variants.forEach(p -> ProductRecommender.packSize(p).ifPresent(size -> sizes.put(p, size)));
        if (sizes.size() < 2) {
            return variants;
        }
        Comparator<Map.Entry<Product, Double>> bySize = Map.Entry.comparingByValue();
        Product pick = (pack == Pack.LARGEST ? sizes.entrySet().stream().max(bySize) : sizes.entrySet().stream().min(bySize))
                .orElseThrow().getKey();
        return List.of(pick);
    }

    private static List<Product> keepIfAny(List<Product> products, Predicate<Product> wish) {
        List<Product> kept = products.stream().filter(wish).toList();
        return kept.isEmpty() ? products : kept;
    }
}
