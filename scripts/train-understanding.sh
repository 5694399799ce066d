#!/usr/bin/env bash
# Retrains the embedded planner's decision model (prompts/understanding/decision/) and the fact ranker (prompts/knowledge/ranker.json) from the corpus's training shops
# (src/test/resources/corpus/split.json), choosing its regularisation by leave-one-shop-out cross-validation, and
# prints the figures. Run it after changing the training shops' utterances, the lexicons or DecisionFeatures, then
# commit the model: DecisionModelFreshnessTest fails while the committed model is older than the corpus.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# the server the training starts refuses a ranker of other features, so the old one goes first (git has it)
rm -f prompts/knowledge/ranker.json
exec mvn -B --no-transfer-progress test -Dtest=DecisionModelTraining,FactRankerTraining -Dunderstanding.train=true -Dsurefire.failIfNoSpecifiedTests=false "$@"
