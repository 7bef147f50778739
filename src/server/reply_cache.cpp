// Recent replies by id.
#include "reply_cache.h"

namespace kb::server {

void ReplyCache::Put(ReplyRecord record) {
  std::lock_guard lock(mutex_);
  if (auto it = by_id_.find(record.reply_id); it != by_id_.end()) {
    records_.erase(it->second);
    by_id_.erase(it);
  }
  records_.push_front(std::move(record));
  by_id_[records_.front().reply_id] = records_.begin();
  while (records_.size() > capacity_) {
    by_id_.erase(records_.back().reply_id);
    records_.pop_back();
  }
}

std::optional<ReplyRecord> ReplyCache::Find(const std::string& reply_id) const {
  std::lock_guard lock(mutex_);
  auto it = by_id_.find(reply_id);
  if (it == by_id_.end()) return std::nullopt;
  return *it->second;
}

}  // namespace kb::server
