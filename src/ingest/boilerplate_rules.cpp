// Rule tables for scraped-page noise; see boilerplate_rules.h. Stateless.
#include "boilerplate_rules.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "text_util.h"

namespace kb::ingest {
namespace {

// Whole lines (compared lowercased, trimmed, trailing ':' ignored) that are
// navigation or page widgets in the five languages.
constexpr std::array<std::string_view, 40> kNavigationLines = {"skip to content",
                                                               "skip to main content",
                                                               "skip to navigation",
                                                               "jump to content",
                                                               "toggle navigation",
                                                               "main menu",
                                                               "menu",
                                                               "home",
                                                               "search",
                                                               "search for",
                                                               "vai al contenuto",
                                                               "salta al contenuto",
                                                               "passa al contenuto",
                                                               "cerca",
                                                               "ir al contenido",
                                                               "saltar al contenido",
                                                               "buscar",
                                                               "aller au contenu",
                                                               "passer au contenu",
                                                               "rechercher",
                                                               "zum inhalt springen",
                                                               "zum inhalt",
                                                               "suche",
                                                               "back to top",
                                                               "torna su",
                                                               "volver arriba",
                                                               "retour en haut",
                                                               "nach oben",
                                                               "share",
                                                               "share this",
                                                               "condividi",
                                                               "compartir",
                                                               "partager",
                                                               "teilen",
                                                               "tweet",
                                                               "like this",
                                                               "related posts",
                                                               "articoli correlati",
                                                               "artículos relacionados",
                                                               "articles similaires"};

// Phrases that mark a site slogan when they occur in the page header.
constexpr std::array<std::string_view, 12> kTaglinePhrases = {
    "guides for",      "guide per",       "guías para",         "guides pour",
    "anleitungen für", "tips and tricks", "trucchi e consigli", "your source for",
    "the blog",        "il blog",         "news and reviews",   "learning to surf"};

// Words that introduce an author on a byline.
constexpr std::array<std::string_view, 16> kBylineWords = {
    "by",         "di",        "da",      "por",        "par",    "von",       "posted",
    "pubblicato", "published", "updated", "aggiornato", "publié", "publicado", "veröffentlicht",
    "author",     "autore"};

constexpr std::array<std::string_view, 48> kMonthNames = {
    "january", "february",  "march",      "april",    "may",       "june",      "july",
    "august",  "september", "october",    "november", "december",  "gennaio",   "febbraio",
    "marzo",   "aprile",    "maggio",     "giugno",   "luglio",    "agosto",    "settembre",
    "ottobre", "novembre",  "dicembre",   "enero",    "febrero",   "abril",     "mayo",
    "junio",   "julio",     "septiembre", "octubre",  "noviembre", "diciembre", "janvier",
    "février", "mars",      "avril",      "juin",     "juillet",   "août",      "septembre",
    "octobre", "décembre",  "januar",     "februar",  "juni",      "dezember"};

// Openings and phrases of an author bio; two or more make a bio.
constexpr std::array<std::string_view, 8> kBioOpenings = {
    "i’m a ", "i'm a ", "i am a ", "sono un", "soy un", "je suis ", "ich bin ", "about the author"};
constexpr std::array<std::string_view, 14> kBioPhrases = {"biography",
                                                          "biografia",
                                                          "biografía",
                                                          "biographie",
                                                          "connect with me",
                                                          "follow me on",
                                                          "seguimi su",
                                                          "sígueme",
                                                          "suivez-moi",
                                                          "folge mir",
                                                          "professional blogger",
                                                          "my objective is",
                                                          "sull’autore",
                                                          "sull'autore"};

constexpr std::array<std::string_view, 14> kCallsToAction = {
    "click here",    "read more",          "continue reading", "clicca qui", "leggi anche",
    "leggi di più",  "continua a leggere", "haz clic aquí",    "leer más",   "cliquez ici",
    "lire la suite", "hier klicken",       "weiterlesen",      "mehr lesen"};

// Inline artifacts: Cloudflare's e-mail obfuscation placeholder and the
// HTML entities a scraper failed to decode.
struct Artifact {
  std::string_view text;
  std::string_view replacement;
  std::string_view warning;
};
constexpr std::array<Artifact, 8> kArtifacts = {{
    {"[email protected]", "", "removed e-mail obfuscation artifact: [email protected]"},
    {"[email&#160;protected]", "", "removed e-mail obfuscation artifact: [email protected]"},
    {"&nbsp;", " ", "decoded HTML entity: &nbsp;"},
    {"&amp;", "&", "decoded HTML entity: &amp;"},
    {"&quot;", "\"", "decoded HTML entity: &quot;"},
    {"&#39;", "'", "decoded HTML entity: &#39;"},
    {"&rsquo;", "’", "decoded HTML entity: &rsquo;"},
    {"&hellip;", "…", "decoded HTML entity: &hellip;"},
}};

std::string Normalized(std::string_view line) {
  std::string lower = ToLower(Trim(line));
  while (!lower.empty() && (lower.back() == ':' || lower.back() == ' ')) lower.pop_back();
  return lower;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// A numeric date ("15/02/2022", "2022-02-15", "15.02.22") or a day, month
// name and year ("15 febbraio 2022", "February 15, 2022").
bool ContainsDate(std::string_view lower) {
  for (size_t i = 0; i < lower.size(); ++i) {
    if (!IsDigit(lower[i]) || (i > 0 && IsDigit(lower[i - 1]))) continue;
    size_t j = i;
    int groups = 0;
    while (j < lower.size()) {
      const size_t start = j;
      while (j < lower.size() && IsDigit(lower[j])) ++j;
      if (j == start || j - start > 4) break;
      ++groups;
      if (j < lower.size() && (lower[j] == '/' || lower[j] == '-' || lower[j] == '.') &&
          j + 1 < lower.size() && IsDigit(lower[j + 1])) {
        ++j;
        continue;
      }
      break;
    }
    if (groups == 3) return true;
  }
  bool has_year = false;
  for (std::string_view word : SplitWords(lower)) {
    while (!word.empty() && (word.back() == ',' || word.back() == '.')) word.remove_suffix(1);
    if (word.size() == 4 && IsDigit(word[0]) && IsDigit(word[1]) && IsDigit(word[2]) &&
        IsDigit(word[3]) && (word[0] == '1' || word[0] == '2')) {
      has_year = true;
    }
  }
  // A month name and a year alone ("news of March 2022") are no date line:
  // a day number must be there too.
  bool has_day = false;
  for (std::string_view word : SplitWords(lower)) {
    while (!word.empty() && (word.back() == ',' || word.back() == '.')) word.remove_suffix(1);
    has_day =
        has_day || (!word.empty() && word.size() <= 2 && IsDigit(word[0]) && IsDigit(word.back()));
  }
  if (!has_year || !has_day) return false;
  for (std::string_view word : SplitWords(lower)) {
    while (!word.empty() && (word.back() == ',' || word.back() == '.')) word.remove_suffix(1);
    for (std::string_view month : kMonthNames) {
      if (word == month) return true;
    }
  }
  return false;
}

bool HasPictograph(std::string_view line) {
  for (size_t i = 0; i < line.size();) {
    size_t start = i;
    // Decode by hand: only the 3- and 4-byte forms can be pictographs.
    const auto b = static_cast<uint8_t>(line[i]);
    size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    i = std::min(line.size(), i + len);
    if (len < 3 || i - start < len) continue;
    char32_t c = 0;
    if (len == 3) {
      c = ((b & 0x0F) << 12) | ((line[start + 1] & 0x3F) << 6) | (line[start + 2] & 0x3F);
    } else {
      c = ((b & 0x07) << 18) | ((line[start + 1] & 0x3F) << 12) | ((line[start + 2] & 0x3F) << 6) |
          (line[start + 3] & 0x3F);
    }
    if (IsPictograph(c)) return true;
  }
  return false;
}

}  // namespace

bool BoilerplateRules::IsNavigation(std::string_view line) {
  const std::string lower = Normalized(line);
  for (std::string_view nav : kNavigationLines) {
    if (lower == nav) return true;
  }
  // Breadcrumbs: "Home » Blog » Amazon", "Home > Guide".
  if (lower.rfind("home", 0) == 0 && CountWords(lower) <= 12 &&
      (lower.find("»") != std::string::npos || lower.find(" > ") != std::string::npos ||
       lower.find("›") != std::string::npos)) {
    return true;
  }
  return false;
}

bool BoilerplateRules::IsSiteTagline(std::string_view line) {
  if (CountWords(line) > 16) return false;
  if (HasPictograph(line)) return true;
  const std::string lower = Normalized(line);
  for (std::string_view phrase : kTaglinePhrases) {
    if (lower.find(phrase) != std::string::npos) return true;
  }
  return lower.find(" | ") != std::string::npos;
}

bool BoilerplateRules::IsByline(std::string_view line) {
  const std::vector<std::string_view> words = SplitWords(line);
  if (words.empty() || words.size() > 15) return false;
  const std::string lower = Normalized(line);
  const std::vector<std::string_view> lower_words = SplitWords(lower);
  bool has_byline_word = false;
  for (std::string_view word : lower_words) {
    for (std::string_view by : kBylineWords) has_byline_word = has_byline_word || word == by;
  }
  if (ContainsDate(lower) && (has_byline_word || words.size() <= 6)) return true;
  // "By Jane Doe": an introducing word and at most four capitalized names.
  if (words.size() >= 2 && words.size() <= 5 && has_byline_word && lower_words[0].size() <= 3) {
    bool is_by = false;
    for (std::string_view by : kBylineWords) is_by = is_by || lower_words[0] == by;
    if (!is_by) return false;
    for (size_t i = 1; i < words.size(); ++i) {
      if (!StartsWithUppercase(words[i])) return false;
    }
    return LastCodePoint(Trim(line)) != '.';
  }
  return false;
}

bool BoilerplateRules::IsAuthorBio(std::string_view paragraph) {
  const std::string lower = ToLower(Trim(paragraph));
  int cues = 0;
  for (std::string_view opening : kBioOpenings) {
    if (lower.rfind(opening, 0) == 0) ++cues;
  }
  for (std::string_view phrase : kBioPhrases) {
    if (lower.find(phrase) != std::string::npos) ++cues;
  }
  return cues >= 2;
}

bool BoilerplateRules::IsCallToAction(std::string_view line) {
  if (CountWords(line) > 6) return false;
  std::string lower = Normalized(line);
  while (!lower.empty() && (lower.back() == '.' || lower.back() == '!')) lower.pop_back();
  for (std::string_view cta : kCallsToAction) {
    if (lower == cta) return true;
  }
  return false;
}

bool BoilerplateRules::MayHoldArtifacts(std::string_view line) {
  return line.find('[') != std::string_view::npos || line.find('&') != std::string_view::npos;
}

std::string BoilerplateRules::RemoveArtifacts(std::string_view line,
                                              std::vector<std::string>& warnings) {
  if (!MayHoldArtifacts(line)) return std::string(line);
  std::string out(line);
  bool changed = false;
  for (const Artifact& artifact : kArtifacts) {
    size_t pos = out.find(artifact.text);
    if (pos == std::string::npos) continue;
    while (pos != std::string::npos) {
      out.replace(pos, artifact.text.size(), artifact.replacement);
      pos = out.find(artifact.text, pos + artifact.replacement.size());
    }
    warnings.emplace_back(artifact.warning);
    changed = true;
  }
  return changed ? CollapseSpaces(out) : out;
}

}  // namespace kb::ingest
