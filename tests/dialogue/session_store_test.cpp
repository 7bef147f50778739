// Sessions are bounded by count (LRU) and by age (TTL).
#include "kb/session_store.h"

#include <gtest/gtest.h>

namespace kb {
namespace {

TEST(SessionStoreTest, EvictsTheLeastRecentlyUsedBeyondCapacity) {
  SessionStore store(2, std::chrono::seconds(60));
  DialogueState a;
  a.lang = "it";
  store.Put("a", a);
  store.Put("b", {});
  store.Get("a");      // reading does not refresh; writing does
  store.Put("a", a);   // a is now the most recent
  store.Put("c", {});  // evicts b
  EXPECT_EQ(store.size(), 2u);
  EXPECT_EQ(store.Get("a").lang, "it");
  EXPECT_EQ(store.Get("b").turns, 0);
}

TEST(SessionStoreTest, ForgetsSessionsAfterTheTtl) {
  SessionStore store(10, std::chrono::seconds(60));
  const auto start = SessionStore::Clock::now();
  store.set_now_for_test(start);
  DialogueState s;
  s.turns = 3;
  store.Put("x", s);
  store.set_now_for_test(start + std::chrono::seconds(30));
  EXPECT_EQ(store.Get("x").turns, 3);
  store.set_now_for_test(start + std::chrono::seconds(120));
  EXPECT_EQ(store.Get("x").turns, 0);
  EXPECT_EQ(store.size(), 0u);
}

TEST(SessionStoreTest, RandomIdsAreDistinctHex) {
  const std::string a = SessionStore::NewId();
  const std::string b = SessionStore::NewId();
  EXPECT_EQ(a.size(), 32u);
  EXPECT_NE(a, b);
  EXPECT_EQ(a.find_first_not_of("0123456789abcdef"), std::string::npos);
}

}  // namespace
}  // namespace kb
