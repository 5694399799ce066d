package dev.nectar.quality;

import java.util.List;

/** One inspection rule of the contract: reads a finished conversation and reports what it finds, with evidence. */
public interface QualityRule {

    /** The contract's name of the rule, which its findings carry. */
    String name();

    List<Finding> check(Transcript transcript);
}
