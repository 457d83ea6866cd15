// What a puller makes of a query's answer: the call's failure as it came, a page it cannot read
// as a fatal outcome naming the query, or the decoded page.
#include <gtest/gtest.h>

#include "pipeline/pardot/puller.h"

namespace pdc::pardot {
namespace {

Session::Result Answered(std::string body) {
  Session::Result sent;
  sent.response.status = 200;
  sent.response.body = std::move(body);
  return sent;
}

TEST(QueryAnswerTest, AFailedCallIsPassedOnAsItCame) {
  Session::Result sent;
  sent.classified = {Outcome::kRefresh, 184, "access_token is invalid"};
  sent.auth_failed = true;
  const QueryAnswer answer = ReadQueryAnswer(sent, 4, "prospect");
  EXPECT_EQ(answer.outcome.outcome, Outcome::kRefresh);
  EXPECT_EQ(answer.outcome.code, 184);
  EXPECT_TRUE(answer.auth_failed);
  EXPECT_FALSE(answer.page.has_value());
}

TEST(QueryAnswerTest, AnUnreadablePageIsFatalAndNamesTheQuery) {
  const QueryAnswer prospects = ReadQueryAnswer(Answered("<html>busy</html>"), 4, "prospect");
  EXPECT_EQ(prospects.outcome.outcome, Outcome::kFatal);
  EXPECT_EQ(prospects.outcome.message.rfind("prospect query answered with an unreadable page: ", 0),
            0u)
      << prospects.outcome.message;
  EXPECT_FALSE(prospects.page.has_value());
  const QueryAnswer activities = ReadQueryAnswer(Answered("{"), 5, "visitor_activity");
  EXPECT_EQ(activities.outcome.outcome, Outcome::kFatal);
  EXPECT_EQ(activities.outcome.message.rfind("visitor activity query answered with an unreadable "
                                             "page: ",
                                             0),
            0u)
      << activities.outcome.message;
}

TEST(QueryAnswerTest, AReadablePageIsDecodedForItsObject) {
  const QueryAnswer answer = ReadQueryAnswer(
      Answered(R"({"@attributes":{"stat":"ok","version":1},"result":{"visitor_activity":)"
               R"([{"id":3,"campaign":{"id":12}},{"id":8}]}})"),
      4, "visitor_activity", /*relation_ids=*/true);
  ASSERT_TRUE(answer.page.has_value()) << answer.outcome.message;
  EXPECT_EQ(answer.outcome.outcome, Outcome::kOk);
  EXPECT_EQ(answer.page->records.size(), 2u);
  EXPECT_EQ(answer.page->max_id, 8);
  EXPECT_NE(answer.page->records[0].Find(InternField("campaign_id")), nullptr);
}

}  // namespace
}  // namespace pdc::pardot
