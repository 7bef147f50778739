// JSON forms of the public objects (shared/spec/contract.md): the reply, the
// search result and the error object, identical for the CLI and HTTP.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "kb/engine.h"
#include "kb/knowledge_base.h"

namespace kb {

nlohmann::json ReplyToJson(const Reply& reply);
nlohmann::json SearchResultToJson(const SearchResult& result);
// {"error": {"code": code, "message": message}}
nlohmann::json ErrorJson(std::string_view code, std::string_view message);

}  // namespace kb
