package dev.nectar.quality;

import dev.nectar.platform.Window;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Grades an agent from the inspection records of the conversations they took part in. Each dimension runs from 0
 * to 100: experience grows with the number of conversations (full at {@value #EXPERIENCED} of them), efficiency is
 * full for a median first reply within half the merchant's {@code slaSeconds} and nil at three times it,
 * satisfaction follows the average rating (1 star 0, 5 stars 100; neutral 60 without ratings), quality is the share
 * of conversations without a finding the agent answers for. The level is their weighted sum in fifths; the
 * suggested tier is the level, held at {@value #PROVISIONAL_TIER} until the agent has {@value #ESTABLISHED}
 * conversations to judge by.
 */
@ApplicationScoped
public class AgentGrader {
    static final int EXPERIENCED = 50;
    static final int ESTABLISHED = 5;
    static final int PROVISIONAL_TIER = 3;
    static final int NEUTRAL_SATISFACTION = 60;

    public AgentGrade grade(String agentId, Window window, List<QualityRecord> records, int slaSeconds) {
        List<QualityRecord.AgentShare> shares = records.stream()
                .map(r -> r.agents().stream().filter(a -> agentId.equals(a.agentId())).findFirst().orElse(null))
                .filter(Objects::nonNull).toList();
        int n = shares.size();
        Double firstReply = median(shares, QualityRecord.AgentShare::firstReplySeconds);
        Double handling = median(shares, QualityRecord.AgentShare::handlingMinutes);
        List<Integer> ratings = records.stream().map(QualityRecord::rating).filter(Objects::nonNull).toList();
        Double ratingAverage = ratings.isEmpty() ? null : ratings.stream().mapToInt(Integer::intValue).average().orElseThrow();
        Double clean = n == 0 ? null : records.stream().filter(r -> r.cleanFor(agentId)).count() / (double) records.size();

        int experience = (int) Math.round(100 * Math.min(1, Math.log1p(n) / Math.log1p(EXPERIENCED)));
        int efficiency = firstReply == null ? 0
                : (int) Math.round(100 * clamp((3.0 * slaSeconds - firstReply) / (2.5 * slaSeconds)));
        int satisfaction = ratingAverage == null ? NEUTRAL_SATISFACTION : (int) Math.round((ratingAverage - 1) * 25);
        int quality = clean == null ? 0 : (int) Math.round(clean * 100);
        double total = 0.15 * experience + 0.30 * efficiency + 0.30 * satisfaction + 0.25 * quality;
        int level = Math.max(1, Math.min(5, 1 + (int) (total / 20)));
        int tier = n < ESTABLISHED ? Math.min(level, PROVISIONAL_TIER) : level;
        return new AgentGrade(agentId, window.from().toString(), window.to().toString(), level, tier, experience,
                efficiency, satisfaction, quality,
                new AgentGrade.Basis(n, firstReply, handling, ratings.size(), ratingAverage, clean, slaSeconds));
    }

    private static double clamp(double x) {
        return Math.max(0, Math.min(1, x));
    }

    private static Double median(List<QualityRecord.AgentShare> shares, Function<QualityRecord.AgentShare, Double> field) {
        List<Double> values = shares.stream().map(field).filter(Objects::nonNull).sorted().toList();
        if (values.isEmpty()) {
            return null;
        }
        int mid = values.size() / 2;
        return values.size() % 2 == 1 ? values.get(mid) : (values.get(mid - 1) + values.get(mid)) / 2;
    }
}
