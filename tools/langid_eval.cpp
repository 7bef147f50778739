// langid_eval: accuracy per language of kb::DetectLanguage against CLD2 on a
// labelled file of short questions (lang<TAB>text, '#' comments), in one run.
// CLD2's answer is mapped to our five languages; anything else (or
// "unknown") counts as wrong. Usage:
//   langid_eval [tests/data/langid.tsv] [--errors]
// clang-format off
#include <cstdio>  // CLD2's header uses FILE without including it
#include <cld2/public/compact_lang_det.h>
// clang-format on

#include <array>
#include <chrono>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "kb/analyzer.h"
#include "kb/lang.h"

namespace {

struct Sample {
  kb::Lang lang;
  std::string text;
};

kb::Lang Cld2Detect(const std::string& text) {
  bool reliable = false;
  const CLD2::Language lang =
      CLD2::DetectLanguage(text.data(), static_cast<int>(text.size()), true, &reliable);
  return kb::LangFromCode(CLD2::LanguageCode(lang)).value_or(kb::Lang::kUnknown);
}

}  // namespace

int main(int argc, char** argv) {
  std::string path = std::string(KB_SOURCE_DIR) + "/tests/data/langid.tsv";
  bool show_errors = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--errors") {
      show_errors = true;
    } else {
      path = arg;
    }
  }
  std::ifstream in(path);
  if (!in) {
    std::cerr << "langid_eval: cannot open " << path << "\n";
    return 1;
  }
  std::vector<Sample> samples;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    const auto lang = kb::LangFromCode(line.substr(0, tab));
    if (tab == std::string::npos || !lang) {
      std::cerr << "langid_eval: bad line: " << line << "\n";
      return 1;
    }
    samples.push_back({*lang, line.substr(tab + 1)});
  }

  std::array<int, 5> total{}, ours{}, cld2{};
  double ours_seconds = 0;
  for (const Sample& s : samples) {
    const size_t l = static_cast<size_t>(kb::LangIndex(s.lang));
    ++total[l];
    const auto start = std::chrono::steady_clock::now();
    const kb::LanguageGuess guess = kb::DetectLanguage(s.text);
    ours_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const kb::Lang theirs = Cld2Detect(s.text);
    ours[l] += guess.lang == s.lang;
    cld2[l] += theirs == s.lang;
    if (show_errors && guess.lang != s.lang) {
      std::printf("ours  %s -> %s (%.2f): %s\n", std::string(kb::LangCode(s.lang)).c_str(),
                  std::string(kb::LangCode(guess.lang)).c_str(), guess.confidence, s.text.c_str());
    }
  }
  std::printf("%-6s %6s %8s %8s\n", "lang", "n", "kb", "cld2");
  int all = 0, all_ours = 0, all_cld2 = 0;
  for (size_t l = 0; l < 5; ++l) {
    std::printf("%-6s %6d %7.1f%% %7.1f%%\n", std::string(kb::LangCode(kb::kLangs[l])).c_str(),
                total[l], 100.0 * ours[l] / total[l], 100.0 * cld2[l] / total[l]);
    all += total[l];
    all_ours += ours[l];
    all_cld2 += cld2[l];
  }
  std::printf("%-6s %6d %7.1f%% %7.1f%%\n", "all", all, 100.0 * all_ours / all,
              100.0 * all_cld2 / all);
  std::printf("kb DetectLanguage: %.1f us per question\n", 1e6 * ours_seconds / all);
  return 0;
}
