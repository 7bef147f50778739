// JSON encoding of the catalogue (nlohmann/json).
#include "catalog_codec.h"

#include <nlohmann/json.hpp>

namespace kb::store {
namespace {

using nlohmann::json;

json EncodeSource(const SourceRef& source) {
  return {{"article", source.article},
          {"section", source.section},
          {"file", source.origin.file},
          {"line", source.origin.line}};
}

SourceRef DecodeSource(const json& j) {
  return {j.at("article").get<std::string>(),
          j.at("section").get<std::string>(),
          {j.at("file").get<std::string>(), j.at("line").get<int>()}};
}

}  // namespace

std::string EncodeCatalog(const Catalog& catalog) {
  json intents = json::array();
  for (const Intent& intent : catalog.intents) {
    json sources = json::array();
    for (const SourceRef& source : intent.sources) sources.push_back(EncodeSource(source));
    json texts = json::object();
    for (const auto& [lang, text] : intent.texts) {
      json steps = json::array();
      for (const CatalogStep& step : text.steps) {
        steps.push_back({{"text", step.text}, {"source", EncodeSource(step.source)}});
      }
      texts[lang] = {
          {"label", text.label}, {"lead", text.lead}, {"phrases", text.phrases}, {"steps", steps}};
    }
    intents.push_back({{"id", intent.id},
                       {"kind", static_cast<int>(intent.kind)},
                       {"sources", sources},
                       {"suggest", intent.suggest},
                       {"next", intent.next},
                       {"entities", intent.entities},
                       {"mailboxes", intent.mailboxes},
                       {"devices", intent.devices},
                       {"topics", intent.topics},
                       {"texts", texts},
                       {"file", intent.origin.file},
                       {"line", intent.origin.line}});
  }
  return json{{"intents", intents}, {"messages", catalog.messages}}.dump();
}

StatusOr<Catalog> DecodeCatalog(const std::string& text) {
  try {
    const json j = json::parse(text);
    Catalog catalog;
    for (const json& ji : j.at("intents")) {
      Intent intent;
      intent.id = ji.at("id").get<std::string>();
      intent.kind = static_cast<IntentKind>(ji.at("kind").get<int>());
      for (const json& js : ji.at("sources")) intent.sources.push_back(DecodeSource(js));
      intent.suggest = ji.at("suggest").get<std::vector<std::string>>();
      intent.next = ji.at("next").get<std::string>();
      intent.entities = ji.value("entities", std::vector<std::string>{});
      intent.mailboxes = ji.value("mailboxes", std::vector<std::string>{});
      intent.devices = ji.value("devices", std::vector<std::string>{});
      intent.topics = ji.value("topics", std::vector<std::string>{});
      intent.origin = {ji.at("file").get<std::string>(), ji.at("line").get<int>()};
      for (const auto& [lang, jt] : ji.at("texts").items()) {
        IntentText t;
        t.label = jt.at("label").get<std::string>();
        t.lead = jt.at("lead").get<std::string>();
        t.phrases = jt.at("phrases").get<std::vector<std::string>>();
        for (const json& step : jt.at("steps")) {
          t.steps.push_back({step.at("text").get<std::string>(), DecodeSource(step.at("source"))});
        }
        intent.texts.emplace(lang, std::move(t));
      }
      catalog.intents.push_back(std::move(intent));
    }
    catalog.messages =
        j.at("messages").get<std::map<std::string, std::map<std::string, std::string>>>();
    return catalog;
  } catch (const json::exception& e) {
    return Status::Error(std::string("corrupt catalogue in KB: ") + e.what());
  }
}

}  // namespace kb::store
