// The contract's JSON objects (shared/spec/contract.md).
#include <cmath>
#include <utility>

#include "kb/json.h"

namespace kb {

using nlohmann::json;

json ReplyToJson(const Reply& reply) {
  json steps = json::array();
  for (const ReplyStep& s : reply.steps) {
    steps.push_back(
        {{"text", s.text}, {"source", {{"article", s.article}, {"section", s.section}}}});
  }
  json sources = json::array();
  for (const ReplySource& s : reply.sources) {
    sources.push_back(
        {{"article", s.article}, {"title", s.title}, {"section", s.section}, {"lang", s.lang}});
  }
  json suggestions = json::array();
  for (const Suggestion& s : reply.suggestions) {
    suggestions.push_back({{"intent", s.intent}, {"label", s.label}});
  }
  json out = {
      {"type", reply.type},
      {"intent", reply.intent ? json(*reply.intent) : json(nullptr)},
      {"confidence", std::round(reply.confidence * 1000) / 1000},
      {"lang", reply.lang},
      {"text", reply.text},
      {"steps", std::move(steps)},
      {"sources", std::move(sources)},
      {"suggestions", std::move(suggestions)},
      {"session_id", reply.session_id},
  };
  if (reply.credentials_warning) out["credentials_warning"] = true;
  if (reply.explanation) {
    const Explanation& e = *reply.explanation;
    json candidates = json::array();
    for (const Candidate& c : e.candidates) {
      candidates.push_back({{"intent", c.intent}, {"score", std::round(c.score * 1000) / 1000}});
    }
    out["explain"] = {{"detected_lang", e.detected_lang},
                      {"lang_confidence", std::round(e.lang_confidence * 1000) / 1000},
                      {"corrections", e.corrections},
                      {"matched_terms", e.matched_terms},
                      {"candidates", std::move(candidates)},
                      {"margin", std::round(e.margin * 1000) / 1000},
                      {"decision", e.decision}};
  }
  return out;
}

json PassagesToJson(const std::vector<Passage>& passages) {
  json results = json::array();
  for (const Passage& p : passages) {
    json item = {{"article", p.article}, {"title", p.title},     {"section", p.section},
                 {"lang", p.lang},       {"snippet", p.snippet}, {"score", p.score}};
    if (p.step) item["step"] = p.step;
    results.push_back(std::move(item));
  }
  return results;
}

json SearchResultToJson(const SearchResult& result) {
  return {{"results", PassagesToJson(result.passages)}, {"took_us", result.took_us}};
}

json ErrorJson(std::string_view code, std::string_view message) {
  return {{"error", {{"code", code}, {"message", message}}}};
}

}  // namespace kb
