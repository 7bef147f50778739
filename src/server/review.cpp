// Grouping of the questions to review by Jaccard similarity of content words.
#include "review.h"

#include <algorithm>
#include <optional>
#include <set>

#include "kb/analyzer.h"

namespace kb::server {
namespace {

std::set<std::string> ContentWords(Analyzer& analyzer, const std::string& text,
                                   const std::string& lang_code) {
  std::optional<Lang> lang = LangFromCode(lang_code);
  if (!lang) lang = DetectLanguage(text).lang;
  std::set<std::string> words;
  for (const Token& token : analyzer.Analyze(text, *lang)) {
    if (token.stopword) continue;
    words.insert(token.stem.empty() ? token.folded : token.stem);
  }
  return words;
}

double Jaccard(const std::set<std::string>& a, const std::set<std::string>& b) {
  if (a.empty() && b.empty()) return 1.0;
  size_t common = 0;
  for (const std::string& word : a) common += b.count(word);
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

struct Cluster {
  std::set<std::string> words;
  std::string empty_key;  // for questions without content words: their folded text
  ReviewGroup group;
  std::map<std::string, int> question_counts;
};

}  // namespace

std::vector<ReviewGroup> GroupForReview(const std::vector<ReviewItem>& items, double threshold) {
  Analyzer analyzer;
  std::vector<Cluster> clusters;
  for (const ReviewItem& item : items) {
    std::set<std::string> words = ContentWords(analyzer, item.question, item.lang);
    const std::string empty_key = words.empty() ? analyzer.Fold(item.question) : "";
    Cluster* best = nullptr;
    double best_score = 0;
    for (Cluster& cluster : clusters) {
      double score;
      if (words.empty() || cluster.words.empty()) {
        score = words.empty() && cluster.words.empty() && empty_key == cluster.empty_key ? 1 : 0;
      } else {
        score = Jaccard(words, cluster.words);
      }
      if (score >= threshold && score > best_score) {
        best = &cluster;
        best_score = score;
      }
    }
    if (!best) {
      clusters.emplace_back();
      best = &clusters.back();
      best->words = words;
      best->empty_key = empty_key;
      best->group.words.assign(words.begin(), words.end());
    }
    ReviewGroup& group = best->group;
    ++group.count;
    if (item.reason == "fallback") ++group.fallbacks;
    if (item.reason == "thumbs_down") ++group.thumbs_down;
    ++group.intents[item.intent];
    ++best->question_counts[item.question];
    if (!item.comment.empty()) group.comments.push_back(item.comment);
  }
  std::vector<ReviewGroup> groups;
  std::stable_sort(clusters.begin(), clusters.end(), [](const Cluster& a, const Cluster& b) {
    return a.group.count > b.group.count;
  });
  for (Cluster& cluster : clusters) {
    std::vector<std::pair<std::string, int>> questions(cluster.question_counts.begin(),
                                                       cluster.question_counts.end());
    std::stable_sort(questions.begin(), questions.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    for (size_t i = 0; i < questions.size() && i < 5; ++i) {
      cluster.group.examples.push_back(questions[i].first);
    }
    groups.push_back(std::move(cluster.group));
  }
  return groups;
}

}  // namespace kb::server
