// Repairs text that was UTF-8 once but got decoded with the wrong charset
// before it reached us: Windows-1252/Latin-1 ("â€™" -> "’", "Ã¨" -> "è") and
// GBK ("馃寪" -> "🌐", an emoji's four bytes read as two Chinese characters).
// A run is only replaced when its bytes in the suspected charset form valid
// UTF-8, so genuine accented or Chinese text is left alone.
//
// Thread safety: owns an ICU converter, which is not thread-safe; use one
// MojibakeRepairer per thread.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct UConverter;

namespace kb::ingest {

class MojibakeRepairer {
 public:
  MojibakeRepairer();
  ~MojibakeRepairer();
  MojibakeRepairer(const MojibakeRepairer&) = delete;
  MojibakeRepairer& operator=(const MojibakeRepairer&) = delete;

  // Returns `text` with every repairable run fixed; appends one warning per
  // repair ("repaired mojibake: 馃寪 -> 🌐"). `text` must be valid UTF-8.
  std::string Repair(std::string_view text, std::vector<std::string>& warnings);

  // False when Repair would return `text` unchanged (and warn nothing): a
  // cheap byte scan, so that callers can skip the copy for most lines.
  static bool MayNeedRepair(std::string_view text);

 private:
  std::string RepairWindows1252(std::string_view text, std::vector<std::string>& warnings);
  std::string RepairGbk(std::string_view text, std::vector<std::string>& warnings);

  struct ConverterCloser {
    void operator()(UConverter* converter) const noexcept;
  };
  // Null when ICU lacks GBK data; GBK runs are then left as they are.
  std::unique_ptr<UConverter, ConverterCloser> gbk_;
};

}  // namespace kb::ingest
