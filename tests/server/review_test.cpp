// `kb review`'s store and grouping.
#include "review.h"

#include <gtest/gtest.h>

#include "feedback_store.h"
#include "temp_dir.h"

namespace kb::server {
namespace {

ReviewItem Item(const std::string& question, const std::string& reason = "fallback") {
  ReviewItem item;
  item.reason = reason;
  item.question = question;
  item.lang = "en";
  return item;
}

TEST(ReviewTest, GroupsSimilarQuestionsLargestFirst) {
  const auto groups = GroupForReview({
      Item("how do I change my store name"),
      Item("what's the weather today"),
      Item("How can I change the store name?"),
      Item("change my store name please", "thumbs_down"),
  });
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0].count, 3);
  EXPECT_EQ(groups[0].fallbacks, 2);
  EXPECT_EQ(groups[0].thumbs_down, 1);
  EXPECT_EQ(groups[1].count, 1);
  EXPECT_EQ(groups[1].examples[0], "what's the weather today");
}

TEST(ReviewTest, StoreRoundTripAndThumbsUpUnqueues) {
  kb::testing::TempDir dir;
  auto store = FeedbackStore::Open(dir.File("sub/feedback.db"));
  ASSERT_TRUE(store.ok()) << store.status().message();
  ReplyRecord reply{"r1", "why is my store hidden", "search", "", 0.4, "en"};
  ASSERT_TRUE((*store)->RecordFallback({"r0", "pizza", "fallback", "", 0.9, "en"}).ok());
  ASSERT_TRUE((*store)->RecordFeedback(reply, false, "useless").ok());
  auto items = (*store)->ReviewItems();
  ASSERT_TRUE(items.ok());
  ASSERT_EQ(items->size(), 2u);
  EXPECT_EQ((*items)[1].reason, "thumbs_down");
  EXPECT_EQ((*items)[1].comment, "useless");
  ASSERT_TRUE((*store)->RecordFeedback(reply, true, "").ok());
  items = (*store)->ReviewItems();
  ASSERT_EQ(items->size(), 1u);
  auto counts = (*store)->CountFeedback();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->helpful, 1);
  EXPECT_EQ(counts->not_helpful, 0);
}

TEST(ReviewTest, MissingDatabaseIsAnError) {
  auto store = FeedbackStore::OpenReadOnly("/nonexistent/feedback.db");
  EXPECT_FALSE(store.ok());
}

}  // namespace
}  // namespace kb::server
