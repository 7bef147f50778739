// Token buckets per client.
#include "rate_limiter.h"

#include <gtest/gtest.h>

namespace kb::server {
namespace {

using std::chrono::milliseconds;

TEST(RateLimiterTest, BurstThenRefusalWithRetryAfter) {
  RateLimiter limiter(2, 2);
  const auto t0 = RateLimiter::Clock::now();
  EXPECT_TRUE(limiter.Admit("a", t0).allowed);
  EXPECT_TRUE(limiter.Admit("a", t0).allowed);
  const auto refused = limiter.Admit("a", t0);
  EXPECT_FALSE(refused.allowed);
  EXPECT_EQ(refused.retry_after_seconds, 1);
  EXPECT_TRUE(limiter.Admit("b", t0).allowed) << "buckets are per client";
  EXPECT_TRUE(limiter.Admit("a", t0 + milliseconds(500)).allowed) << "refilled at 2/s";
}

TEST(RateLimiterTest, ZeroRateIsOff) {
  RateLimiter limiter(0, 0);
  EXPECT_FALSE(limiter.enabled());
  for (int i = 0; i < 1000; ++i) EXPECT_TRUE(limiter.Admit("a").allowed);
}

TEST(RateLimiterTest, SlowRateGivesLongerRetryAfter) {
  RateLimiter limiter(0.1, 1);
  const auto t0 = RateLimiter::Clock::now();
  EXPECT_TRUE(limiter.Admit("a", t0).allowed);
  EXPECT_EQ(limiter.Admit("a", t0).retry_after_seconds, 10);
}

TEST(RateLimiterTest, ManyClientsDoNotGrowWithoutBound) {
  RateLimiter limiter(100, 1, 10);
  auto t = RateLimiter::Clock::now();
  for (int i = 0; i < 1000; ++i) {
    t += milliseconds(20);
    EXPECT_TRUE(limiter.Admit("client" + std::to_string(i), t).allowed);
  }
}

}  // namespace
}  // namespace kb::server
