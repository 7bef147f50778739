// JSON forms of the public objects (shared/spec/contract.md): the reply, the
// search result and the error object, identical for the CLI and HTTP.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

#include "kb/engine.h"
#include "kb/knowledge_base.h"

namespace kb {

nlohmann::json ReplyToJson(const Reply& reply);
nlohmann::json SearchResultToJson(const SearchResult& result);
// The "results" array of SearchResultToJson (the server caches it serialized).
nlohmann::json PassagesToJson(const std::vector<Passage>& passages);
// {"error": {"code": code, "message": message}}
nlohmann::json ErrorJson(std::string_view code, std::string_view message);

}  // namespace kb
