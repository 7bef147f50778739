// Mojibake repair; see mojibake_repairer.h. Not thread-safe (ICU converter).
#include "mojibake_repairer.h"

#include <unicode/ucnv.h>
#include <unicode/utf8.h>

#include <cstring>
#include <optional>

#include "text_util.h"

namespace kb::ingest {
namespace {

struct CodePoint {
  char32_t value;
  size_t begin;
  size_t end;
};

// Decodes the code point starting at byte `pos` (U+FFFD for a bad byte).
CodePoint DecodeAt(std::string_view text, size_t pos) {
  auto i = static_cast<int32_t>(pos);
  UChar32 c = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, static_cast<int32_t>(text.size()), c);
  return {c < 0 ? 0xFFFD : static_cast<char32_t>(c), pos, static_cast<size_t>(i)};
}

// The Windows-1252 byte a code point came from, if it is one of the 256.
// C1 controls U+0080..U+009F stand for themselves: Latin-1 decoders (and
// Windows-1252's five undefined bytes) leave them that way.
std::optional<uint8_t> Windows1252Byte(char32_t c) {
  if (c < 0x80 || (c >= 0x80 && c <= 0xFF)) return static_cast<uint8_t>(c);
  struct Mapping {
    char32_t code_point;
    uint8_t byte;
  };
  static constexpr Mapping kSpecials[] = {
      {0x20AC, 0x80}, {0x201A, 0x82}, {0x0192, 0x83}, {0x201E, 0x84}, {0x2026, 0x85},
      {0x2020, 0x86}, {0x2021, 0x87}, {0x02C6, 0x88}, {0x2030, 0x89}, {0x0160, 0x8A},
      {0x2039, 0x8B}, {0x0152, 0x8C}, {0x017D, 0x8E}, {0x2018, 0x91}, {0x2019, 0x92},
      {0x201C, 0x93}, {0x201D, 0x94}, {0x2022, 0x95}, {0x2013, 0x96}, {0x2014, 0x97},
      {0x02DC, 0x98}, {0x2122, 0x99}, {0x0161, 0x9A}, {0x203A, 0x9B}, {0x0153, 0x9C},
      {0x017E, 0x9E}, {0x0178, 0x9F},
  };
  for (const Mapping& m : kSpecials) {
    if (m.code_point == c) return m.byte;
  }
  return std::nullopt;
}

// Length of the UTF-8 sequence a lead byte announces; 0 for non-leads.
size_t Utf8SequenceLength(uint8_t lead) {
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

// Code points that GBK encodes as two bytes and that mojibake of UTF-8 lead
// and continuation bytes produces: CJK ideographs, CJK punctuation, and
// full-width forms.
bool IsGbkMojibakeCandidate(char32_t c) {
  return (c >= 0x3000 && c <= 0x303F) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFF00 && c <= 0xFFEF);
}

// Whether `text` may hold UTF-8 read as Windows-1252: a lead byte shown as
// U+00C2..U+00F4 (UTF-8 C3 82..C3 B4) followed by a continuation byte shown
// as U+0080..U+00BF (C2 80..C2 BF) or as one of the specials above (their
// UTF-8 starts C5, C6, CB or E2). Accented letters in ordinary text ("été":
// C3 A9 then 't') fail the second half, so most text skips the slow pass.
bool MayHoldWindows1252Mojibake(std::string_view text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const size_t n = text.size();
  for (size_t i = 0; i + 2 < n; ++i) {
    const void* lead = std::memchr(s + i, 0xC3, n - 2 - i);
    if (lead == nullptr) return false;
    i = static_cast<size_t>(static_cast<const uint8_t*>(lead) - s);
    if (s[i + 1] < 0x82 || s[i + 1] > 0xB4) continue;
    const uint8_t next = s[i + 2];
    if (next == 0xC2 || next == 0xC5 || next == 0xC6 || next == 0xCB || next == 0xE2) return true;
  }
  return false;
}

// Whether `text` has any code point GBK mojibake is made of (all of them
// encode in UTF-8 with a lead byte E3..E9 or EF).
bool MayHoldGbkMojibake(std::string_view text) {
  // No early exit: a branch-free scan of a line is faster than one that
  // stops at the first hit.
  bool found = false;
  for (const char c : text) {
    const auto b = static_cast<uint8_t>(c);
    found |= static_cast<uint8_t>(b - 0xE3) <= 0xE9 - 0xE3 || b == 0xEF;
  }
  return found;
}

}  // namespace

void MojibakeRepairer::ConverterCloser::operator()(UConverter* converter) const noexcept {
  ucnv_close(converter);
}

MojibakeRepairer::MojibakeRepairer() {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open("GBK", &status);
  if (U_SUCCESS(status)) {
    gbk_.reset(converter);
    // Stop at the first unmappable character instead of substituting: a run
    // GBK cannot represent was not GBK mojibake.
    status = U_ZERO_ERROR;
    ucnv_setFromUCallBack(gbk_.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr,
                          &status);
  }
}

MojibakeRepairer::~MojibakeRepairer() = default;

bool MojibakeRepairer::MayNeedRepair(std::string_view text) {
  // Repair rewrites nothing unless one of its two passes may apply; the GBK
  // one then runs on the same text.
  return MayHoldWindows1252Mojibake(text) || MayHoldGbkMojibake(text);
}

std::string MojibakeRepairer::Repair(std::string_view text, std::vector<std::string>& warnings) {
  bool has_non_ascii = false;
  for (char c : text) {
    if (static_cast<uint8_t>(c) >= 0x80) {
      has_non_ascii = true;
      break;
    }
  }
  if (!has_non_ascii) return std::string(text);
  std::string latin =
      MayHoldWindows1252Mojibake(text) ? RepairWindows1252(text, warnings) : std::string(text);
  return MayHoldGbkMojibake(latin) ? RepairGbk(latin, warnings) : latin;
}

std::string MojibakeRepairer::RepairWindows1252(std::string_view text,
                                                std::vector<std::string>& warnings) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    const CodePoint first = DecodeAt(text, pos);
    const std::optional<uint8_t> lead = Windows1252Byte(first.value);
    const size_t len = lead ? Utf8SequenceLength(*lead) : 0;
    if (len > 0) {
      std::string bytes(1, static_cast<char>(*lead));
      size_t next = first.end;
      while (bytes.size() < len && next < text.size()) {
        const CodePoint cp = DecodeAt(text, next);
        const std::optional<uint8_t> b = Windows1252Byte(cp.value);
        if (!b || *b < 0x80 || *b > 0xBF) break;
        bytes.push_back(static_cast<char>(*b));
        next = cp.end;
      }
      if (bytes.size() == len && !FindInvalidUtf8(bytes)) {
        warnings.push_back("repaired mojibake: " + std::string(text.substr(pos, next - pos)) +
                           " -> " + bytes);
        out += bytes;
        pos = next;
        continue;
      }
    }
    out.append(text.substr(pos, first.end - pos));
    pos = first.end;
  }
  return out;
}

std::string MojibakeRepairer::RepairGbk(std::string_view text, std::vector<std::string>& warnings) {
  if (!gbk_) return std::string(text);
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    const CodePoint first = DecodeAt(text, pos);
    if (!IsGbkMojibakeCandidate(first.value)) {
      out.append(text.substr(pos, first.end - pos));
      pos = first.end;
      continue;
    }
    size_t run_end = first.end;
    while (run_end < text.size()) {
      const CodePoint cp = DecodeAt(text, run_end);
      if (!IsGbkMojibakeCandidate(cp.value)) break;
      run_end = cp.end;
    }
    const std::string_view run = text.substr(pos, run_end - pos);
    pos = run_end;

    std::u16string utf16;
    {
      int32_t k = 0;
      const auto n = static_cast<int32_t>(run.size());
      while (k < n) {
        UChar32 c = 0;
        U8_NEXT(reinterpret_cast<const uint8_t*>(run.data()), k, n, c);
        if (c <= 0xFFFF) {
          utf16.push_back(static_cast<char16_t>(c));
        } else {
          utf16.push_back(static_cast<char16_t>(U16_LEAD(c)));
          utf16.push_back(static_cast<char16_t>(U16_TRAIL(c)));
        }
      }
    }
    std::string bytes(utf16.size() * 4 + 8, '\0');
    UErrorCode status = U_ZERO_ERROR;
    ucnv_resetFromUnicode(gbk_.get());
    const int32_t written = ucnv_fromUChars(
        gbk_.get(), bytes.data(), static_cast<int32_t>(bytes.size()),
        reinterpret_cast<const UChar*>(utf16.data()), static_cast<int32_t>(utf16.size()), &status);
    bool repaired = false;
    if (U_SUCCESS(status) && written > 0) {
      bytes.resize(static_cast<size_t>(written));
      bool all_high = true;
      for (char b : bytes) all_high = all_high && static_cast<uint8_t>(b) >= 0x80;
      // Genuine Chinese text almost never re-encodes to valid UTF-8; and a
      // result that is itself CJK would only trade one guess for another.
      if (all_high && !FindInvalidUtf8(bytes)) {
        bool has_non_cjk = false;
        for (size_t k = 0; k < bytes.size();) {
          const CodePoint cp = DecodeAt(bytes, k);
          has_non_cjk = has_non_cjk || !IsGbkMojibakeCandidate(cp.value);
          k = cp.end;
        }
        if (has_non_cjk) {
          warnings.push_back("repaired mojibake: " + std::string(run) + " -> " + bytes);
          out += bytes;
          repaired = true;
        }
      }
    }
    if (!repaired) out.append(run);
  }
  return out;
}

}  // namespace kb::ingest
