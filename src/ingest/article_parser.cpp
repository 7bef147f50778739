// ParseArticle: checks the raw bytes (empty, binary, invalid UTF-8), strips a
// BOM and CR line endings, hands the text to the Markdown or plain-text
// reader, builds sections and steps, and settles the language (front matter,
// else a majority vote of DetectLanguage over sentence windows of the body).
//
// Thread safety: ParseArticle keeps no state between calls; concurrent calls
// are safe (each call owns its readers and their ICU converters).
#include <array>
#include <cstdio>

#include "kb/analyzer.h"
#include "kb/article.h"
#include "kb/lang.h"
#include "markdown_reader.h"
#include "plain_text_reader.h"
#include "section_builder.h"
#include "step_extractor.h"
#include "text_util.h"

namespace kb {
namespace {

using ingest::CollapseSpaces;
using ingest::SplitWords;

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
// DetectLanguage is tuned for 3-10 words: each window casts one vote.
constexpr size_t kLanguageWindowWords = 10;
constexpr size_t kLanguageSampleBytes = 4000;
// More control characters than this share of the bytes means binary data.
constexpr double kMaxControlShare = 0.01;

bool IsControl(unsigned char c) {
  return (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v') || c == 0x7F;
}

// The file's bytes as LF-separated text, or an error naming the problem.
StatusOr<std::string> DecodeText(std::string_view bytes) {
  if (bytes.empty()) return Status::Error("empty file");
  if (const size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
    return Status::Error("binary content: NUL byte at byte " + std::to_string(nul));
  }
  size_t offset = 0;
  if (bytes.substr(0, kUtf8Bom.size()) == kUtf8Bom) offset = kUtf8Bom.size();
  const std::string_view body = bytes.substr(offset);
  if (const std::optional<size_t> bad = ingest::FindInvalidUtf8(body)) {
    return Status::Error("invalid UTF-8 at byte " + std::to_string(*bad + offset));
  }
  // Most files hold no byte that needs dropping or rewriting (controls, CR,
  // FF, VT): one cheap scan proves it and the body is taken as it is.
  bool needs_rewrite = false;
  for (const char c : body) {
    const auto b = static_cast<unsigned char>(c);
    needs_rewrite |= (b < 0x20 && b != '\n' && b != '\t') || b == 0x7F;
  }
  if (!needs_rewrite) {
    if (ingest::Trim(body).empty()) return Status::Error("empty file: only whitespace");
    return std::string(body);
  }
  size_t controls = 0;
  for (char c : body) controls += IsControl(static_cast<unsigned char>(c)) ? 1 : 0;
  if (controls > 0 &&
      static_cast<double>(controls) > kMaxControlShare * static_cast<double>(body.size())) {
    return Status::Error("binary content: " + std::to_string(controls) + " control bytes");
  }
  std::string text;
  text.reserve(body.size());
  for (size_t i = 0; i < body.size(); ++i) {
    const char c = body[i];
    if (c == '\r') {
      text.push_back('\n');
      if (i + 1 < body.size() && body[i + 1] == '\n') ++i;
    } else if (c == '\f' || c == '\v') {
      text.push_back('\n');
    } else if (!IsControl(static_cast<unsigned char>(c))) {
      text.push_back(c);
    }
  }
  if (ingest::Trim(text).empty()) return Status::Error("empty file: only whitespace");
  return text;
}

// Majority vote of DetectLanguage over 10-word windows of headings,
// paragraphs and steps, up to kLanguageSampleBytes; ties go to the larger
// summed confidence. Empty when no window carried a language.
std::string DetectArticleLanguage(const Article& article) {
  std::array<int, kLangs.size()> votes{};
  std::array<double, kLangs.size()> confidence{};
  size_t budget = kLanguageSampleBytes;
  auto vote = [&](std::string_view text) {
    const std::vector<std::string_view> words = SplitWords(text);
    for (size_t i = 0; i < words.size() && budget > 0; i += kLanguageWindowWords) {
      const size_t last = std::min(words.size(), i + kLanguageWindowWords) - 1;
      const std::string_view window(
          words[i].data(),
          static_cast<size_t>(words[last].data() - words[i].data()) + words[last].size());
      budget -= std::min(budget, window.size());
      const LanguageGuess guess = DetectLanguage(window);
      const int index = LangIndex(guess.lang);
      if (index < 0) continue;
      ++votes[static_cast<size_t>(index)];
      confidence[static_cast<size_t>(index)] += guess.confidence;
    }
  };
  for (const Section& section : article.sections) {
    for (const std::string& paragraph : section.paragraphs) vote(paragraph);
    for (const Step& step : section.steps) vote(step.text);
    if (budget == 0) break;
  }
  int best = -1;
  for (size_t i = 0; i < kLangs.size(); ++i) {
    if (votes[i] == 0) continue;
    if (best < 0 || votes[i] > votes[static_cast<size_t>(best)] ||
        (votes[i] == votes[static_cast<size_t>(best)] &&
         confidence[i] > confidence[static_cast<size_t>(best)])) {
      best = static_cast<int>(i);
    }
  }
  return best < 0 ? std::string() : std::string(LangCode(kLangs[static_cast<size_t>(best)]));
}

}  // namespace

StatusOr<Article> ParseArticle(std::string_view id, std::string_view bytes) {
  StatusOr<std::string> text = DecodeText(bytes);
  if (!text.ok()) return text.status();

  Article article;
  article.id = std::string(id);
  ingest::ArticleDraft draft;
  if (ingest::MarkdownReader::LooksLikeMarkdown(*text)) {
    ingest::MarkdownReader reader;
    draft = reader.Read(*text, article.warnings);
  } else {
    ingest::PlainTextReader reader;
    draft = reader.Read(*text, article.warnings);
  }
  std::string declared_lang = std::move(draft.declared_lang);
  ingest::SectionBuilder::Build(std::move(draft), article);
  if (article.sections.empty()) return Status::Error("no article text left after cleaning");

  if (!declared_lang.empty()) {
    article.lang = declared_lang;
    if (!LangFromCode(declared_lang)) {
      article.warnings.push_back("unsupported language '" + declared_lang +
                                 "': indexed with folding only");
    }
  } else {
    article.lang = DetectArticleLanguage(article);
    if (article.lang.empty()) article.warnings.push_back("language not detected");
  }
  return article;
}

}  // namespace kb
