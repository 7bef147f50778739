#include "search_cache.h"

#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

namespace kb::server {
namespace {

TEST(SearchCacheTest, FindsWhatWasPut) {
  SearchCache cache(1 << 20);
  const std::string key = SearchCache::Key("password", "", 10);
  EXPECT_FALSE(cache.Find(key));
  cache.Put(key, "[1]");
  ASSERT_TRUE(cache.Find(key));
  EXPECT_EQ(*cache.Find(key), "[1]");
  cache.Put(key, "[2]");  // a second answer for the same key replaces the first
  EXPECT_EQ(*cache.Find(key), "[2]");
}

TEST(SearchCacheTest, KeyTellsEveryParameterApart) {
  EXPECT_NE(SearchCache::Key("password", "", 10), SearchCache::Key("password", "en", 10));
  EXPECT_NE(SearchCache::Key("password", "en", 10), SearchCache::Key("password", "en", 1));
  EXPECT_NE(SearchCache::Key("password", "en", 10), SearchCache::Key("passwort", "en", 10));
  // The parts cannot run into each other.
  EXPECT_NE(SearchCache::Key("1x", "", 1), SearchCache::Key("x", "", 11));
}

TEST(SearchCacheTest, ZeroCapacityCachesNothing) {
  SearchCache cache(0);
  const std::string key = SearchCache::Key("password", "", 10);
  cache.Put(key, "[1]");
  EXPECT_FALSE(cache.Find(key));
  EXPECT_EQ(cache.bytes(), 0u);
}

TEST(SearchCacheTest, StaysWithinItsBytesForgettingTheLeastRecentlyUsed) {
  constexpr size_t kCapacity = 64 * 1024;
  SearchCache cache(kCapacity);
  const std::string value(1000, 'x');
  const std::string first = SearchCache::Key("query 0", "", 10);
  cache.Put(first, value);
  for (int i = 1; i < 1000; ++i) {
    cache.Put(SearchCache::Key("query " + std::to_string(i), "", 10), value);
    EXPECT_LE(cache.bytes(), kCapacity);
  }
  EXPECT_FALSE(cache.Find(first));  // evicted long ago
  EXPECT_TRUE(cache.Find(SearchCache::Key("query 999", "", 10)));
  EXPECT_GT(cache.bytes(), kCapacity / 2);  // it does keep what fits
}

TEST(SearchCacheTest, AnEntryLargerThanAShardIsNotKept) {
  SearchCache cache(16 * 1024);  // 1 KiB per shard
  const std::string key = SearchCache::Key("q", "", 10);
  cache.Put(key, std::string(4096, 'x'));
  EXPECT_FALSE(cache.Find(key));
  EXPECT_EQ(cache.bytes(), 0u);
}

TEST(SearchCacheTest, ConcurrentUseKeepsAnswersWhole) {
  SearchCache cache(256 * 1024);
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 5000; ++i) {
        const std::string query = "q" + std::to_string((i * 7 + t) % 300);
        const std::string key = SearchCache::Key(query, "", 10);
        if (auto found = cache.Find(key)) {
          if (*found != "[" + query + "]") ++wrong;
        } else {
          cache.Put(key, "[" + query + "]");
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(wrong.load(), 0);
}

}  // namespace
}  // namespace kb::server
