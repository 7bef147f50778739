// Loads the intent catalogue (kb/intents/*.intent and _messages.txt) into the
// plain structs of kb/catalog.h. The format is documented in
// kb/intents/README.md. Every problem is reported as `file:line: what`; all
// problems of a load are reported together, first one first.
// Thread-safe: no shared state.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "catalog_text.h"
#include "kb/catalog.h"
#include "kb/utf8.h"

namespace kb {
namespace {

using catalog_internal::IsCatalogLang;
using catalog_internal::SplitTrimmed;
using catalog_internal::Trim;
using catalog_internal::Where;

constexpr std::string_view kIntentExtension = ".intent";
constexpr std::string_view kMessagesFile = "_messages.txt";

// Collects `file:line: what` messages.
class ErrorList {
 public:
  void Add(const std::string& file, int line, std::string_view what) {
    messages_.push_back(Where(file, line) + std::string(what));
  }
  bool empty() const { return messages_.empty(); }
  Status ToStatus() const {
    std::string joined;
    for (const std::string& message : messages_) {
      if (!joined.empty()) joined += '\n';
      joined += message;
    }
    return Status::Error(std::move(joined));
  }

 private:
  std::vector<std::string> messages_;
};

StatusOr<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(path + ":0: cannot read file");
  std::ostringstream contents;
  contents << in.rdbuf();
  if (in.bad()) return Status::Error(path + ":0: cannot read file");
  return contents.str();
}

// One meaningful line: its 1-based number and its trimmed text.
struct Line {
  int number = 0;
  std::string_view text;
};

// The non-blank, non-comment lines of `content`. Invalid UTF-8 lines are
// reported and skipped. A leading byte-order mark is ignored.
std::vector<Line> MeaningfulLines(std::string_view content, const std::string& file,
                                  ErrorList* errors) {
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (content.substr(0, kBom.size()) == kBom) content.remove_prefix(kBom.size());
  std::vector<Line> lines;
  int number = 0;
  size_t start = 0;
  while (start <= content.size()) {
    size_t end = content.find('\n', start);
    if (end == std::string_view::npos) end = content.size();
    ++number;
    std::string_view raw = content.substr(start, end - start);
    start = end + 1;
    if (!IsValidUtf8(raw)) {
      errors->Add(file, number, "invalid UTF-8");
      continue;
    }
    std::string_view text = Trim(raw);
    if (text.empty() || text.front() == '#') continue;
    lines.push_back({number, text});
  }
  return lines;
}

bool IsKeyChar(char c) { return (c >= 'a' && c <= 'z') || c == '_'; }

// Splits `key: value`; nullopt when the line has no such shape.
std::optional<std::pair<std::string_view, std::string_view>> SplitKeyValue(std::string_view text) {
  const size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0) return std::nullopt;
  const std::string_view key = Trim(text.substr(0, colon));
  if (key.empty() || !std::all_of(key.begin(), key.end(), IsKeyChar)) return std::nullopt;
  return std::make_pair(key, Trim(text.substr(colon + 1)));
}

// `[xx]` -> "xx"; nullopt when the line is not a block header.
std::optional<std::string_view> BlockHeader(std::string_view text) {
  if (text.size() < 2 || text.front() != '[' || text.back() != ']') return std::nullopt;
  return Trim(text.substr(1, text.size() - 2));
}

std::optional<IntentKind> ParseKind(std::string_view value) {
  if (value == "task") return IntentKind::kTask;
  if (value == "smalltalk") return IntentKind::kSmalltalk;
  if (value == "out_of_scope") return IntentKind::kOutOfScope;
  if (value == "ambiguous") return IntentKind::kAmbiguous;
  if (value == "followup") return IntentKind::kFollowup;
  return std::nullopt;
}

// Parses one `.intent` file. Problems go to `errors`; the returned intent is
// meaningful only when no problem was added.
class IntentFileParser {
 public:
  IntentFileParser(std::string file, ErrorList* errors) : file_(std::move(file)), errors_(errors) {}

  Intent Parse(std::string_view content) {
    intent_.origin = {file_, 1};
    for (const Line& line : MeaningfulLines(content, file_, errors_)) ParseLine(line);
    if (!saw_id_) Error(1, "missing `intent:` line");
    return std::move(intent_);
  }

 private:
  void Error(int line, std::string_view what) { errors_->Add(file_, line, what); }

  void ParseLine(const Line& line) {
    if (auto lang = BlockHeader(line.text)) {
      if (!IsCatalogLang(*lang)) {
        Error(line.number, "unknown language block [" + std::string(*lang) +
                               "] (expected en, it, es, fr or de)");
        lang_.reset();
        in_bad_block_ = true;
        return;
      }
      if (intent_.texts.count(std::string(*lang)) != 0) {
        Error(line.number, "duplicate language block [" + std::string(*lang) + "]");
      }
      lang_ = std::string(*lang);
      in_bad_block_ = false;
      intent_.texts[*lang_];
      return;
    }
    const auto key_value = SplitKeyValue(line.text);
    if (!key_value) {
      Error(line.number, "expected `key: value`, `[lang]` or a `#` comment");
      return;
    }
    const auto [key, value] = *key_value;
    if (value.empty()) {
      Error(line.number, "empty value for `" + std::string(key) + ":`");
      return;
    }
    if (in_bad_block_) return;  // already reported at the block header
    if (lang_) {
      ParseBlockKey(line.number, key, value, intent_.texts[*lang_]);
    } else {
      ParseHeaderKey(line.number, key, value);
    }
  }

  void ParseHeaderKey(int line, std::string_view key, std::string_view value) {
    if (key == "intent") {
      if (saw_id_) {
        Error(line, "duplicate `intent:` line");
        return;
      }
      saw_id_ = true;
      intent_.id = std::string(value);
      intent_.origin.line = line;
      const std::string stem = std::filesystem::path(file_).stem().string();
      if (stem != intent_.id) {
        Error(line, "intent id '" + intent_.id + "' does not match the file name '" + stem + "'");
      }
    } else if (key == "kind") {
      const auto kind = ParseKind(value);
      if (!kind) {
        Error(line, "unknown kind '" + std::string(value) +
                        "' (expected task, smalltalk, out_of_scope, ambiguous or followup)");
        return;
      }
      intent_.kind = *kind;
    } else if (key == "source") {
      const std::vector<std::string> parts = SplitTrimmed(value, '|');
      if (parts.size() != 2 || parts[0].empty() || parts[1].empty()) {
        Error(line, "source must be `article-id | section heading`");
        return;
      }
      intent_.sources.push_back({parts[0], parts[1], {file_, line}});
    } else if (key == "next") {
      intent_.next = std::string(value);
    } else if (key == "suggest") {
      for (std::string& id : SplitTrimmed(value, ',')) {
        if (id.empty()) {
          Error(line, "empty intent id in `suggest:`");
          continue;
        }
        intent_.suggest.push_back(std::move(id));
      }
    } else if (key == "entities" || key == "mailboxes" || key == "devices" || key == "topics") {
      std::vector<std::string>& names = key == "entities"    ? intent_.entities
                                        : key == "mailboxes" ? intent_.mailboxes
                                        : key == "devices"   ? intent_.devices
                                                             : intent_.topics;
      for (std::string& name : SplitTrimmed(value, ',')) {
        if (!name.empty()) names.push_back(std::move(name));
      }
    } else if (key == "label" || key == "lead" || key == "step" || key == "phrase") {
      Error(line, "`" + std::string(key) + ":` before any language block ([en], [it], ...)");
    } else {
      Error(line, "unknown key `" + std::string(key) + ":` in the header");
    }
  }

  void ParseBlockKey(int line, std::string_view key, std::string_view value, IntentText& text) {
    if (key == "label" || key == "lead") {
      std::string& field = key == "label" ? text.label : text.lead;
      if (!field.empty()) Error(line, "duplicate `" + std::string(key) + ":` in [" + *lang_ + "]");
      field = std::string(value);
    } else if (key == "phrase") {
      text.phrases.emplace_back(value);
    } else if (key == "step") {
      ParseStep(line, value, text);
    } else if (key == "intent" || key == "kind" || key == "source" || key == "next" ||
               key == "suggest" || key == "entities" || key == "mailboxes" || key == "devices" ||
               key == "topics") {
      Error(line, "header key `" + std::string(key) + ":` inside language block [" + *lang_ + "]");
    } else {
      Error(line, "unknown key `" + std::string(key) + ":` in [" + *lang_ + "]");
    }
  }

  // `text | article-id | section heading`: the last two fields are the source.
  void ParseStep(int line, std::string_view value, IntentText& text) {
    const size_t last = value.rfind('|');
    const size_t middle = last == std::string_view::npos || last == 0 ? std::string_view::npos
                                                                      : value.rfind('|', last - 1);
    if (middle == std::string_view::npos) {
      Error(line, "step without source (expected `text | article-id | section heading`)");
      return;
    }
    CatalogStep step;
    step.text = std::string(Trim(value.substr(0, middle)));
    step.source.article = std::string(Trim(value.substr(middle + 1, last - middle - 1)));
    step.source.section = std::string(Trim(value.substr(last + 1)));
    step.source.origin = {file_, line};
    if (step.text.empty() || step.source.article.empty() || step.source.section.empty()) {
      Error(line, "step needs text, article id and section heading");
      return;
    }
    text.steps.push_back(std::move(step));
  }

  std::string file_;
  ErrorList* errors_;
  Intent intent_;
  bool saw_id_ = false;
  std::optional<std::string> lang_;  // the current language block
  bool in_bad_block_ = false;        // inside an unknown [xx] block
};

// Parses `_messages.txt` into `messages` (key -> lang -> text).
void ParseMessages(std::string_view content, const std::string& file,
                   std::map<std::string, std::map<std::string, std::string>>* messages,
                   ErrorList* errors) {
  std::optional<std::string> lang;
  bool in_bad_block = false;
  for (const Line& line : MeaningfulLines(content, file, errors)) {
    if (auto block = BlockHeader(line.text)) {
      in_bad_block = !IsCatalogLang(*block);
      if (in_bad_block) {
        errors->Add(
            file, line.number,
            "unknown language block [" + std::string(*block) + "] (expected en, it, es, fr or de)");
      }
      lang = std::string(*block);
      continue;
    }
    const auto key_value = SplitKeyValue(line.text);
    if (!key_value) {
      errors->Add(file, line.number, "expected `key: text`, `[lang]` or a `#` comment");
      continue;
    }
    if (in_bad_block) continue;
    const auto [key, value] = *key_value;
    if (!lang) {
      errors->Add(file, line.number, "message before any language block ([en], [it], ...)");
      continue;
    }
    if (value.empty()) {
      errors->Add(file, line.number, "empty message `" + std::string(key) + ":`");
      continue;
    }
    auto& by_lang = (*messages)[std::string(key)];
    if (!by_lang.emplace(*lang, std::string(value)).second) {
      errors->Add(file, line.number,
                  "duplicate message `" + std::string(key) + ":` in [" + *lang + "]");
    }
  }
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

const Intent* Catalog::Find(std::string_view id) const {
  for (const Intent& intent : intents) {
    if (intent.id == id) return &intent;
  }
  return nullptr;
}

StatusOr<Catalog> LoadCatalog(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<fs::path> files;
  fs::directory_iterator it(dir, ec);
  if (ec) return Status::Error(dir + ":0: cannot read directory: " + ec.message());
  for (const fs::directory_entry& entry : it) {
    const std::string name = entry.path().filename().string();
    if (EndsWith(name, kIntentExtension) || name == kMessagesFile) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());

  Catalog catalog;
  ErrorList errors;
  bool saw_intent = false;
  for (const fs::path& path : files) {
    const std::string file = path.string();
    StatusOr<std::string> content = ReadWholeFile(file);
    if (!content.ok()) {
      errors.Add(file, 0, "cannot read file");
      continue;
    }
    if (path.filename() == kMessagesFile) {
      ParseMessages(*content, file, &catalog.messages, &errors);
      continue;
    }
    saw_intent = true;
    Intent intent = IntentFileParser(file, &errors).Parse(*content);
    if (intent.id.empty()) continue;
    if (const Intent* previous = catalog.Find(intent.id)) {
      errors.Add(file, intent.origin.line,
                 "duplicate intent id '" + intent.id + "' (first defined at " +
                     previous->origin.file + ":" + std::to_string(previous->origin.line) + ")");
      continue;
    }
    catalog.intents.push_back(std::move(intent));
  }
  if (!saw_intent && errors.empty()) return Status::Error(dir + ":0: no *.intent files");
  if (!errors.empty()) return errors.ToStatus();
  return catalog;
}

}  // namespace kb
