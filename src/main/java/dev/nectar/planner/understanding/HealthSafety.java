package dev.nectar.planner.understanding;

import java.util.Optional;

/**
 * A symptom of illness, allergy or injury, and who it concerns.
 *
 * @param symptom      the symptom cue (呕吐, 起疹子)
 * @param subject      the subject cue in the text (猫, 宝宝, 面霜), when there is one
 * @param categoryHint the category the subject points to (宠物, 母婴, 美妆 — labels of health_subjects.json), from the
 *                     text or else from the orders and products the message refers to; match it against the policy's
 *                     {@code categorySkills} keys by equality or containment. Empty: no certified category applies.
 */
public record HealthSafety(Cue symptom, Optional<Cue> subject, Optional<String> categoryHint) {
}
