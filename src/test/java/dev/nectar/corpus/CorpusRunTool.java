package dev.nectar.corpus;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Measures any corpus shops exactly as {@link CorpusHeldOutIT} measures the held-out ones, without asserting anything:
 * for the training shops while calibrating. Skipped unless asked; package the server first:
 * <pre>
 * mvn -o -q -Dmaven.test.skip=true package
 * mvn -o test -Dtest=CorpusRunTool -Dsurefire.failIfNoSpecifiedTests=false -Dcorpus.shops=apparel,fresh
 * </pre>
 * {@code -Dcorpus.shops=train} means every training shop of split.json. Optional {@code -Dcorpus.set=name} names the
 * report (default: the shops joined by '+'), written to target/corpus-report/{set}.json; {@code -Dcorpus.parallel=4}
 * sets how many buyers talk at once.
 */
class CorpusRunTool {

    @Test
    void measure() throws Exception {
        String asked = System.getProperty("corpus.shops", "").strip();
        assumeTrue(!asked.isEmpty(), "runs only with -Dcorpus.shops=shop,shop (or train)");
        List<String> shops = new ArrayList<>();
        for (String s : Arrays.stream(asked.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList()) {
            if (s.equals("train")) {
                shops.addAll(Corpus.train());
            } else {
                assertThat(Corpus.shop(s)).as("corpus shop " + s).isDirectory();
                shops.add(s);
            }
        }
        String set = System.getProperty("corpus.set", String.join("+", shops));
        UtteranceRun.measure(set, shops);
    }
}
