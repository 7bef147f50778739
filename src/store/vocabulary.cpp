// Typo candidates by a bounded edit-distance scan over length buckets.
#include "vocabulary.h"

#include <algorithm>

namespace kb::store {
namespace {

uint64_t BucketKey(char32_t first, size_t length) {
  return (static_cast<uint64_t>(first) << 16) | static_cast<uint64_t>(length & 0xffff);
}

bool HasLetter(std::u32string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](char32_t c) { return (c >= U'a' && c <= U'z') || c > 0x7f; });
}

}  // namespace

std::u32string DecodeUtf8(std::string_view utf8) {
  std::u32string out;
  out.reserve(utf8.size());
  for (size_t i = 0; i < utf8.size();) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    int extra = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
    char32_t cp = extra == 0 ? c : extra == 1 ? (c & 0x1F) : extra == 2 ? (c & 0x0F) : (c & 0x07);
    ++i;
    for (; extra > 0 && i < utf8.size(); --extra, ++i) {
      cp = (cp << 6) | (static_cast<unsigned char>(utf8[i]) & 0x3F);
    }
    out.push_back(cp);
  }
  return out;
}

int BoundedEditDistance(std::u32string_view a, std::u32string_view b, int limit) {
  const int n = static_cast<int>(a.size());
  const int m = static_cast<int>(b.size());
  if (std::abs(n - m) > limit) return limit + 1;
  if (m >= kMaxWordLength) return limit + 1;  // no real word is that long
  // Three rows on the stack: this runs for thousands of candidates a query.
  int rows[3][kMaxWordLength + 1];
  int* prev2 = rows[0];
  int* prev = rows[1];
  int* cur = rows[2];
  for (int j = 0; j <= m; ++j) prev[j] = j;
  for (int i = 1; i <= n; ++i) {
    cur[0] = i;
    int row_min = cur[0];
    for (int j = 1; j <= m; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int value = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        value = std::min(value, prev2[j - 2] + 1);
      }
      cur[j] = value;
      row_min = std::min(row_min, value);
    }
    if (row_min > limit) return limit + 1;
    int* recycled = prev2;
    prev2 = prev;
    prev = cur;
    cur = recycled;
  }
  return prev[m];
}

uint64_t CharacterMask(std::u32string_view text) {
  uint64_t mask = 0;
  for (char32_t c : text) mask |= uint64_t{1} << (c % 64);
  return mask;
}

int Vocabulary::MaxEdits(size_t length) {
  if (length <= 4) return 0;
  if (length <= 8) return 1;
  return 2;
}

void Vocabulary::Add(std::string term, int64_t documents) {
  std::u32string text = DecodeUtf8(term);
  if (text.empty() || text[0] == U'~' || !HasLetter(text)) return;
  index_.emplace(term, terms_.size());
  const uint64_t letters = CharacterMask(text);
  terms_.push_back({std::move(text), std::move(term), documents, letters});
}

void Vocabulary::Finish() {
  buckets_.clear();
  sorted_.resize(terms_.size());
  for (uint32_t i = 0; i < terms_.size(); ++i) {
    buckets_[BucketKey(terms_[i].text[0], terms_[i].text.size())].push_back(i);
    sorted_[i] = i;
  }
  std::sort(sorted_.begin(), sorted_.end(),
            [this](uint32_t x, uint32_t y) { return terms_[x].utf8 < terms_[y].utf8; });
}

Vocabulary::Completions Vocabulary::Complete(std::string_view prefix, size_t limit) const {
  Completions out;
  auto first = std::lower_bound(
      sorted_.begin(), sorted_.end(), prefix,
      [this](uint32_t id, std::string_view p) { return std::string_view(terms_[id].utf8) < p; });
  std::vector<uint32_t> found;
  for (auto it = first; it != sorted_.end(); ++it) {
    if (std::string_view(terms_[*it].utf8).substr(0, prefix.size()) != prefix) break;
    found.push_back(*it);
  }
  out.total = found.size();
  const size_t kept = std::min(limit, found.size());
  std::partial_sort(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(kept), found.end(),
                    [this](uint32_t x, uint32_t y) {
                      return terms_[x].documents != terms_[y].documents
                                 ? terms_[x].documents > terms_[y].documents
                                 : terms_[x].utf8 < terms_[y].utf8;
                    });
  for (size_t i = 0; i < kept; ++i) out.terms.push_back(terms_[found[i]].utf8);
  return out;
}

bool Vocabulary::Contains(std::string_view term) const {
  return index_.find(std::string(term)) != index_.end();
}

int64_t Vocabulary::Documents(std::string_view term) const {
  auto it = index_.find(std::string(term));
  return it == index_.end() ? 0 : terms_[it->second].documents;
}

std::vector<std::string> Vocabulary::Corrections(std::string_view word, size_t limit) const {
  const std::u32string query = DecodeUtf8(word);
  const int max_edits = MaxEdits(query.size());
  if (max_edits == 0 || limit == 0) return {};
  struct Candidate {
    int edits;
    int64_t documents;
    uint32_t term;
  };
  std::vector<Candidate> found;
  const uint64_t query_letters = CharacterMask(query);
  for (size_t length = query.size() - max_edits; length <= query.size() + max_edits; ++length) {
    auto bucket = buckets_.find(BucketKey(query[0], length));
    if (bucket == buckets_.end()) continue;
    for (uint32_t id : bucket->second) {
      if (__builtin_popcountll(terms_[id].letters ^ query_letters) > 2 * max_edits) continue;
      const int edits = BoundedEditDistance(query, terms_[id].text, max_edits);
      if (edits <= max_edits && edits > 0) found.push_back({edits, terms_[id].documents, id});
    }
  }
  std::sort(found.begin(), found.end(), [](const Candidate& x, const Candidate& y) {
    return x.edits != y.edits ? x.edits < y.edits : x.documents > y.documents;
  });
  std::vector<std::string> out;
  for (size_t i = 0; i < found.size() && out.size() < limit; ++i) {
    out.push_back(terms_[found[i].term].utf8);
  }
  return out;
}

}  // namespace kb::store
