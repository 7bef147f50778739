// `kb review`: the questions to review (fallbacks and thumbs-down replies)
// grouped by similarity, so that a KB author sees what to add first. Two
// questions are similar when the sets of their content words (folded and
// stemmed by kb::Analyzer, stop words dropped) overlap with a Jaccard
// coefficient of at least `threshold`.
//
// Thread safety: GroupForReview uses its own Analyzer; safe from any thread.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "feedback_store.h"

namespace kb::server {

struct ReviewGroup {
  std::vector<std::string> words;      // the content words of the group's first question
  int count = 0;                       // questions in the group
  int fallbacks = 0;                   // ... that ended in a fallback
  int thumbs_down = 0;                 // ... that got a thumbs-down
  std::vector<std::string> examples;   // distinct questions, most frequent first (at most 5)
  std::map<std::string, int> intents;  // the replies' intents ("" = none), with counts
  std::vector<std::string> comments;   // thumbs-down comments
};

// Groups `items`, largest group first (ties: the first seen first).
std::vector<ReviewGroup> GroupForReview(const std::vector<ReviewItem>& items,
                                        double threshold = 0.5);

}  // namespace kb::server
