package dev.nectar.fuzz;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The generator repeats itself from a seed, puts only encodable text on the wire, and the leak check bites. */
class FuzzInputsTest {

    @Test
    void oneSeedGivesTheSameInputsAndAnotherSeedOthers() {
        FuzzInputs a = new FuzzInputs(42);
        FuzzInputs b = new FuzzInputs(42);
        FuzzInputs c = new FuzzInputs(43);
        String sample = "{\"query\":\"退货地址\",\"k\":5}";
        var first = IntStream.range(0, 200).mapToObj(i -> a.around(sample)).toList();
        assertThat(IntStream.range(0, 200).mapToObj(i -> b.around(sample)).toList()).isEqualTo(first);
        assertThat(IntStream.range(0, 200).mapToObj(i -> c.around(sample)).toList()).isNotEqualTo(first);
        assertThat(first.stream().distinct().count()).isGreaterThan(150);
    }

    @Test
    void onTheWireEveryLoneSurrogateIsAnEscapeAndPairsStay() {
        String s = "a\ud800b\udc00c😀";
        assertThat(FuzzInputs.wire(s)).isEqualTo("a\\ud800b\\udc00c😀");
        FuzzInputs in = new FuzzInputs(7);
        for (int i = 0; i < 500; i++) {
            String wire = FuzzInputs.wire(in.text(100));
            assertThat(wire.codePoints().noneMatch(cp -> cp >= 0xd800 && cp <= 0xdfff)).isTrue();
        }
    }

    @Test
    void theLeakCheckFindsStackTracesAndClassNamesButNotErrors() {
        assertThat("java.lang.IllegalStateException: boom\n\tat dev.nectar.chat.ChatService.handle(ChatService.java:120)")
                .containsPattern(FuzzInputs.LEAK);
        assertThat("{\"error\":{\"code\":\"INTERNAL\",\"message\":\"com.fasterxml.jackson.core.JsonParseException\"}}")
                .containsPattern(FuzzInputs.LEAK);
        assertThat("ERROR: syntax error at or near \"DROP\" SQLState: 42601").containsPattern(FuzzInputs.LEAK);
        assertThat("{\"error\":{\"code\":\"INVALID_FIELD\",\"message\":\"price must be a number\",\"field\":\"[0].price\"}}")
                .doesNotContainPattern(FuzzInputs.LEAK);
        assertThat("{\"type\":\"reply\",\"text\":\"您好，请问有什么可以帮您？\"}").doesNotContainPattern(FuzzInputs.LEAK);
    }
}
