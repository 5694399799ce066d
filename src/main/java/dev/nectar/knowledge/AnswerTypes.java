package dev.nectar.knowledge;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a question asks for (an address, a time of day, a duration, an amount, a phone number) and whether a fact
 * gives that, from {@code prompts/understanding/answer_types.json}. Ranking by words alone puts "修改收货地址" above
 * the return address for "退货地址发我一下": both say 地址, only one is an address. Immutable and thread-safe.
 */
final class AnswerTypes {
    private record Type(List<String> asks, Pattern answers) {
    }

    private record TypeFile(List<String> asks, String answers) {
    }

    private record File(double bonus, Map<String, TypeFile> types) {
    }

    private final double bonus;
    private final List<Type> types;

    private AnswerTypes(double bonus, List<Type> types) {
        this.bonus = bonus;
        this.types = types;
    }

    static AnswerTypes load(Path file) {
        if (!Files.exists(file)) {
            return new AnswerTypes(0, List.of());
        }
        try {
            File json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false).readValue(file.toFile(), File.class);
            return new AnswerTypes(json.bonus(), json.types().values().stream()
                    .map(t -> new Type(t.asks().stream().map(a -> a.toLowerCase(Locale.ROOT)).toList(), Pattern.compile(t.answers()))).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the answer types " + file, e);
        }
    }

    /** The patterns of the answers the question asks for; empty when it names no type. */
    List<Pattern> asked(String question) {
        String q = question.toLowerCase(Locale.ROOT);
        return types.stream().filter(t -> t.asks().stream().anyMatch(q::contains)).map(Type::answers).toList();
    }

    /** The bonus a fact earns for giving what the question asks: the full bonus when it gives any asked type. */
    double bonus(List<Pattern> asked, String fact) {
        return asked.stream().anyMatch(p -> p.matcher(fact).find()) ? bonus : 0;
    }
}
