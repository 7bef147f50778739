// Snippet windows over cached passage analyses.
#include "highlighter.h"

#include <algorithm>
#include <unordered_set>

namespace kb::store {
namespace {

constexpr size_t kWindowWords = 24;

void AppendEscaped(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '\n':
        out += ' ';
        break;
      default:
        out += c;
    }
  }
}

}  // namespace

std::string SectionText(const Section& section) {
  std::string text;
  for (const std::string& paragraph : section.paragraphs) {
    if (!text.empty()) text += '\n';
    text += paragraph;
  }
  for (const Step& step : section.steps) {
    if (!text.empty()) text += '\n';
    text += step.text;
  }
  return text;
}

Highlight Highlighter::Make(int64_t key, const std::string& text, const Section& section, Lang lang,
                            const BuiltQuery& query, Analyzer& analyzer) {
  auto cached = cache_.find(key);
  if (cached == cache_.end()) {
    if (cache_.size() >= kCacheEntries) cache_.clear();
    cached = cache_.emplace(key, Analyzed{analyzer.Analyze(text, lang)}).first;
  }
  const std::vector<Token>& tokens = cached->second.tokens;

  std::unordered_set<std::string> words(query.highlight_words.begin(), query.highlight_words.end());
  std::unordered_set<std::string> stems;
  for (const std::string& word : query.highlight_words) stems.insert(analyzer.Stem(word, lang));
  const std::unordered_set<std::string> groups(query.highlight_synonyms.begin(),
                                               query.highlight_synonyms.end());

  std::vector<char> hit(tokens.size(), 0);
  Highlight out;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (t.stopword) continue;
    bool match = words.count(t.folded) || stems.count(t.stem);
    for (const std::string& prefix : query.highlight_prefixes) {
      match = match || t.folded.compare(0, prefix.size(), prefix) == 0;
    }
    for (const std::string& group : t.synonyms) {
      if (groups.count(group)) {
        // A synonym phrase lights up all its words.
        for (uint32_t k = 0; k < std::max<uint32_t>(1, t.synonym_words) && i + k < tokens.size();
             ++k) {
          hit[i + k] = 1;
        }
      }
    }
    if (match) hit[i] = 1;
  }
  // The window of kWindowWords words with the most matches.
  size_t best_start = 0;
  int best = -1, running = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    running += hit[i];
    if (i >= kWindowWords) running -= hit[i - kWindowWords];
    if (running > best) {
      best = running;
      best_start = i >= kWindowWords - 1 ? i + 1 - kWindowWords : 0;
    }
  }
  for (char h : hit) out.matches += h;
  if (tokens.empty()) return out;
  const size_t end_token = std::min(tokens.size(), best_start + kWindowWords) - 1;
  const size_t begin = best_start == 0 ? 0 : tokens[best_start].begin;
  const size_t end = end_token + 1 == tokens.size() ? text.size() : tokens[end_token].end;
  if (begin > 0) out.snippet += "…";
  size_t at = begin;
  for (size_t i = best_start; i <= end_token; ++i) {
    if (!hit[i]) continue;
    AppendEscaped(out.snippet, std::string_view(text).substr(at, tokens[i].begin - at));
    out.snippet += "<mark>";
    AppendEscaped(out.snippet,
                  std::string_view(text).substr(tokens[i].begin, tokens[i].end - tokens[i].begin));
    out.snippet += "</mark>";
    at = tokens[i].end;
  }
  AppendEscaped(out.snippet, std::string_view(text).substr(at, end - at));
  if (end < text.size()) out.snippet += "…";

  // The step (if any) whose line holds the first match of the window.
  size_t first_hit = tokens.size();
  for (size_t i = best_start; i <= end_token; ++i) {
    if (hit[i]) {
      first_hit = i;
      break;
    }
  }
  if (first_hit < tokens.size() && !section.steps.empty()) {
    size_t line = 0;
    const size_t paragraphs = section.paragraphs.size();
    for (size_t pos = 0; pos < text.size(); ++pos) {
      if (text[pos] != '\n') continue;
      if (tokens[first_hit].begin < pos) break;
      ++line;
    }
    if (line >= paragraphs && line - paragraphs < section.steps.size()) {
      out.step = section.steps[line - paragraphs].ordinal;
    }
  }
  return out;
}

}  // namespace kb::store
