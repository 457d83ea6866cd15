#include "pipeline/pardot/outcome.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "tests/pardot/fixture.h"

namespace pdc::pardot {
namespace {

Response Http(int status, std::string body) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

TEST(OutcomeTest, DecodesEveryGenerationsErrorBody) {
  Classified c = DecodeError(Fixture("v3v4_error_184_invalid_access_token.xml"));
  EXPECT_EQ(c.code, 184);
  EXPECT_EQ(c.message, "access_token is invalid, unknown, or malformed");
  c = DecodeError(Fixture("v3v4_json_error_15_login_failed.json"));
  EXPECT_EQ(c.code, 15);
  EXPECT_EQ(c.message, "Login failed");
  c = DecodeError(Fixture("v5_error_109_not_found.json"));
  EXPECT_EQ(c.code, 109);
  EXPECT_EQ(DecodeError(Fixture("v5_error_181_missing_bu_header.json")).code, 181);
  EXPECT_EQ(
      DecodeError(R"({"@attributes":{"stat":"fail","version":1,"err_code":"66"},"err":"x"})").code,
      66);
  EXPECT_EQ(
      DecodeError("<rsp stat=\"fail\"><err code=\"3\">Invalid &amp; gone</err></rsp>").message,
      "Invalid & gone");
  EXPECT_EQ(DecodeError(Fixture("v3v4_prospect_query_full.xml")).code, 0);
  EXPECT_EQ(DecodeError("<html><body>Bad Gateway</body></html>").code, 0);
  EXPECT_EQ(DecodeError("{not json").code, 0);
  EXPECT_EQ(DecodeError("").code, 0);
}

TEST(OutcomeTest, ClassifiesByCodeThenStatus) {
  EXPECT_EQ(Classify(Http(200, Fixture("v3v4_prospect_query_full.xml"))).outcome, Outcome::kOk);
  EXPECT_EQ(Classify(Http(204, "")).outcome, Outcome::kOk);
  EXPECT_EQ(Classify(Http(200, Fixture("v3v4_error_184_invalid_access_token.xml"))).outcome,
            Outcome::kRefresh);
  EXPECT_EQ(Classify(Http(401, "")).outcome, Outcome::kRefresh);
  EXPECT_EQ(Classify(Http(200, "<rsp stat=\"fail\"><err code=\"66\">busy</err></rsp>")).outcome,
            Outcome::kRetry);
  EXPECT_EQ(Classify(Http(429, R"({"code":122,"message":"Daily API rate limit met."})")).outcome,
            Outcome::kStopForToday);
  EXPECT_EQ(Classify(Http(200, "<rsp stat=\"fail\"><err code=\"122\">x</err></rsp>")).outcome,
            Outcome::kStopForToday);
  EXPECT_EQ(Classify(Http(429, R"({"code":66,"message":"busy"})")).outcome, Outcome::kRetry);
  EXPECT_EQ(Classify(Http(503, "<html>down</html>")).outcome, Outcome::kRetry);
  EXPECT_EQ(Classify(Http(408, "")).outcome, Outcome::kRetry);
  EXPECT_EQ(Classify(Http(404, Fixture("v5_error_109_not_found.json"))).outcome,
            Outcome::kPerRecord);
  EXPECT_EQ(
      Classify(Http(200, "<rsp stat=\"fail\"><err code=\"3\">Invalid prospect ID</err></rsp>"))
          .outcome,
      Outcome::kPerRecord);
  EXPECT_EQ(Classify(Http(200, "<rsp stat=\"fail\"><err code=\"89\">v4</err></rsp>")).outcome,
            Outcome::kFatal);
  EXPECT_EQ(Classify(Http(403, R"({"code":201,"message":"bu"})")).outcome, Outcome::kFatal);
  const Classified html = Classify(Http(400, "<html>Bad Request</html>"));
  EXPECT_EQ(html.outcome, Outcome::kFatal);
  EXPECT_NE(html.message.find("HTTP 400"), std::string::npos);
}

TEST(OutcomeTest, TransportFailures) {
  Response timeout;
  timeout.error = TransportError::kTimeout;
  timeout.error_text = "Timeout was reached";
  EXPECT_EQ(Classify(timeout).outcome, Outcome::kRetry);
  Response refused;
  refused.error = TransportError::kRefused;
  EXPECT_EQ(Classify(refused).outcome, Outcome::kFatal);
}

TEST(TransportTest, PlainHttpOnlyToLoopback) {
  EXPECT_TRUE(IsLoopbackUrl("http://127.0.0.1:8080/api"));
  EXPECT_TRUE(IsLoopbackUrl("http://localhost/api"));
  EXPECT_TRUE(IsLoopbackUrl("http://[::1]:9/x"));
  EXPECT_TRUE(IsLoopbackUrl("http://127.1.2.3"));
  EXPECT_FALSE(IsLoopbackUrl("http://127.evil.example/api"));
  EXPECT_FALSE(IsLoopbackUrl("http://pi.pardot.com/api"));
  EXPECT_FALSE(IsLoopbackUrl("http://user@10.0.0.1/"));
  auto transport = MakeCurlTransport(1);
  Request request;
  request.url = "http://pi.pardot.com/api/prospect/version/4/do/query";
  const Response r = transport->Send(request);
  EXPECT_EQ(r.error, TransportError::kRefused);
}

}  // namespace
}  // namespace pdc::pardot
