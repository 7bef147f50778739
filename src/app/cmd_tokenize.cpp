// `kb tokenize`: shows what the analyzer makes of a text — each token with
// byte offsets, surface, folded form, stem, stop-word flag and synonym
// groups — and the detected language when --lang is not given. With no text
// argument it reads one text per stdin line. Output goes through std::cout.
#include <fstream>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "commands.h"
#include "kb/analyzer.h"
#include "kb/lang.h"

namespace kb::app {
namespace {

struct TokenizeFlags {
  std::string text;
  std::string lang;
  std::string synonyms_file = DefaultSynonymsFile();
  bool json = false;
};

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ",") + item;
  return out;
}

void PrintOne(Analyzer& analyzer, const TokenizeFlags& flags, const std::string& text) {
  LanguageGuess guess;
  Lang lang = Lang::kUnknown;
  const bool detect = flags.lang.empty();
  if (detect) {
    guess = DetectLanguage(text);
    lang = guess.lang;
  } else {
    lang = LangFromCode(flags.lang).value_or(Lang::kUnknown);
  }
  const std::vector<Token> tokens = analyzer.Analyze(text, lang);
  const std::string code = lang == Lang::kUnknown ? "unknown" : std::string(LangCode(lang));

  if (flags.json) {
    nlohmann::json out = {{"text", text}, {"lang", code}, {"detected", detect}};
    if (detect) {
      out["confidence"] = guess.confidence;
      nlohmann::json scores = nlohmann::json::object();
      for (Lang l : kLangs) scores[std::string(LangCode(l))] = guess.scores[LangIndex(l)];
      out["scores"] = scores;
    }
    nlohmann::json list = nlohmann::json::array();
    for (const Token& t : tokens) {
      list.push_back({{"surface", t.surface},
                      {"folded", t.folded},
                      {"stem", t.stem},
                      {"begin", t.begin},
                      {"end", t.end},
                      {"position", t.position},
                      {"stopword", t.stopword},
                      {"synonyms", t.synonyms}});
    }
    out["tokens"] = list;
    // Invalid UTF-8 in `text` is replaced rather than aborting the dump.
    std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return;
  }
  std::cout << "lang: " << code;
  if (detect) {
    std::cout << " (detected, confidence " << std::fixed << std::setprecision(2) << guess.confidence
              << ")";
  }
  std::cout << "\n";
  for (const Token& t : tokens) {
    std::ostringstream offsets;
    offsets << t.begin << "-" << t.end;
    std::cout << "  " << std::setw(3) << t.position << "  " << std::setw(9) << std::left
              << offsets.str() << std::right << " " << t.surface << "  folded=" << t.folded
              << " stem=" << t.stem << (t.stopword ? " stopword" : "");
    if (!t.synonyms.empty()) std::cout << " synonyms=" << Join(t.synonyms);
    std::cout << "\n";
  }
}

}  // namespace

void AddTokenizeCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand("tokenize", "Show how the analyzer tokenizes a text");
  auto flags = std::make_shared<TokenizeFlags>();
  cmd->add_option("text", flags->text, "Text to analyze (omit to read one text per stdin line)");
  cmd->add_option("--lang", flags->lang,
                  "Analysis language (en, it, es, fr, de); detected if omitted")
      ->check(CLI::IsMember({"en", "it", "es", "fr", "de", "unknown"}));
  cmd->add_option("--synonyms", flags->synonyms_file, "Synonyms file")->capture_default_str();
  cmd->add_flag("--json", flags->json, "Print one JSON object per text");
  cmd->callback([flags, cmd] {
    std::shared_ptr<const SynonymTable> synonyms = SynonymTable::Empty();
    if (!flags->synonyms_file.empty()) {
      std::ifstream in(flags->synonyms_file);
      if (!in) {
        std::cerr << "kb tokenize: cannot read synonyms file " << flags->synonyms_file << "\n";
        throw CLI::RuntimeError(1);
      }
      std::stringstream text;
      text << in.rdbuf();
      auto table = SynonymTable::Parse(text.str());
      if (!table.ok()) {
        std::cerr << "kb tokenize: " << flags->synonyms_file << ": " << table.status().message()
                  << "\n";
        throw CLI::RuntimeError(1);
      }
      synonyms = *table;
    }
    Analyzer analyzer(synonyms);
    if (cmd->count("text") > 0) {
      PrintOne(analyzer, *flags, flags->text);
      return;
    }
    std::string line;
    while (std::getline(std::cin, line)) PrintOne(analyzer, *flags, line);
  });
}

}  // namespace kb::app
