package dev.nectar;

import dev.nectar.platform.NectarConfig;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.util.Map;

/** A {@link NectarConfig} built from given keys (and the defaults) for plain JUnit tests that run without Quarkus. */
public final class TestConfigs {
    private TestConfigs() {
    }

    /** @param properties keys without the prefix, e.g. {@code "data-dir"} */
    public static NectarConfig nectar(Map<String, String> properties) {
        Map<String, String> prefixed = new java.util.HashMap<>();
        properties.forEach((k, v) -> prefixed.put("nectar." + k, v));
        return new SmallRyeConfigBuilder()
                .withMapping(NectarConfig.class)
                .withSources(new PropertiesConfigSource(prefixed, "test", 500))
                .build()
                .getConfigMapping(NectarConfig.class);
    }
}
