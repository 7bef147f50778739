// Secret detection by token shape: digit runs (codes, Luhn-valid card
// numbers) and the word after a password keyword.
#include "credential_detector.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace kb::match {
namespace {

bool LuhnValid(const std::string& digits) {
  int sum = 0;
  bool twice = false;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    int d = *it - '0';
    if (twice && (d *= 2) > 9) d -= 9;
    sum += d;
    twice = !twice;
  }
  return sum % 10 == 0;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

struct Span {
  size_t begin, end;
};

// Words after which the next token is a password ("password: hunter2",
// "la mia password è Roma2024!", "mi contraseña es …").
constexpr std::string_view kPasswordKeywords[] = {"password",   "passwort",   "pwd",   "pw",
                                                  "contraseña", "contrasena", "clave", "kennwort",
                                                  "mdp",        "passe"};
constexpr std::string_view kLinkWords[] = {"is", "è", "e",   "es",  "est", "ist",
                                           ":",  "=", "was", "era", "war", "était"};

}  // namespace

CredentialScan ScanForCredentials(std::string_view message) {
  CredentialScan scan;
  std::vector<Span> secrets;
  // Whitespace-separated tokens with their spans.
  std::vector<Span> tokens;
  for (size_t i = 0; i < message.size();) {
    while (i < message.size() && std::isspace(static_cast<unsigned char>(message[i]))) ++i;
    const size_t start = i;
    while (i < message.size() && !std::isspace(static_cast<unsigned char>(message[i]))) ++i;
    if (i > start) tokens.push_back({start, i});
  }
  // Digit runs, allowing card-style separators inside.
  for (size_t i = 0; i < message.size();) {
    if (!std::isdigit(static_cast<unsigned char>(message[i]))) {
      ++i;
      continue;
    }
    const size_t start = i;
    std::string digits;
    size_t last_digit = i;
    while (i < message.size() &&
           (std::isdigit(static_cast<unsigned char>(message[i])) ||
            ((message[i] == ' ' || message[i] == '-') && i + 1 < message.size() &&
             std::isdigit(static_cast<unsigned char>(message[i + 1])) && !digits.empty()))) {
      if (std::isdigit(static_cast<unsigned char>(message[i]))) {
        digits += message[i];
        last_digit = i;
      }
      ++i;
    }
    const bool letter_before =
        start > 0 && std::isalpha(static_cast<unsigned char>(message[start - 1]));
    const bool letter_after = last_digit + 1 < message.size() &&
                              std::isalpha(static_cast<unsigned char>(message[last_digit + 1]));
    if (digits.size() >= 13 && digits.size() <= 19 && LuhnValid(digits)) {
      secrets.push_back({start, last_digit + 1});
      scan.kind = "card_number";
    } else if (digits.size() >= 6 && digits.size() <= 8 && !letter_before && !letter_after &&
               message.substr(start, last_digit + 1 - start).find(' ') == std::string_view::npos) {
      secrets.push_back({start, last_digit + 1});
      if (scan.kind.empty()) scan.kind = "verification_code";
    }
  }
  for (size_t t = 0; t + 1 < tokens.size(); ++t) {
    std::string word = Lower(message.substr(tokens[t].begin, tokens[t].end - tokens[t].begin));
    bool colon = false;
    while (!word.empty() && (word.back() == ':' || word.back() == '=')) {
      word.pop_back();
      colon = true;
    }
    bool keyword = false;
    for (std::string_view k : kPasswordKeywords) keyword |= word == k;
    if (!keyword) continue;
    size_t next = t + 1;
    if (!colon) {
      const std::string link =
          Lower(message.substr(tokens[next].begin, tokens[next].end - tokens[next].begin));
      bool is_link = false;
      for (std::string_view l : kLinkWords) is_link |= link == l;
      if (!is_link) continue;
      ++next;
    }
    if (next >= tokens.size()) continue;
    const std::string_view candidate =
        message.substr(tokens[next].begin, tokens[next].end - tokens[next].begin);
    // A password has a digit or symbol or mixed case; a plain word ("is wrong") is not one.
    bool digit = false, upper = false, symbol = false;
    for (unsigned char c : candidate) {
      digit |= std::isdigit(c) != 0;
      upper |= std::isupper(c) != 0;
      symbol |= std::ispunct(c) != 0 && c != '.' && c != ',' && c != '?';
    }
    if (candidate.size() >= 6 && (digit || upper || symbol)) {
      secrets.push_back(tokens[next]);
      scan.kind = "password";
    }
  }
  scan.found = !secrets.empty();
  scan.redacted = std::string(message);
  // Replace from the end so earlier spans stay valid.
  std::sort(secrets.begin(), secrets.end(), [](Span a, Span b) { return a.begin > b.begin; });
  size_t floor = std::string::npos;
  for (const Span& s : secrets) {
    if (floor != std::string::npos && s.end > floor) continue;  // overlapping
    scan.redacted.replace(s.begin, s.end - s.begin, "[redacted]");
    floor = s.begin;
  }
  return scan;
}

}  // namespace kb::match
