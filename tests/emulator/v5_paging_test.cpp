// v5 query paging: nextPageToken / nextPageUrl, keyset continuation under changes, the token's
// form, expiry (210), invalid tokens (211), token misuse and the sequence cap with
// Pardot-Warning 203 (pardot-api.md §7.2, §7.3).
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <set>

#include "tests/emulator/v5_test_support.h"
#include "tests/emulator/v5_token.h"

namespace pdc::emulator {
namespace {

namespace json = boost::json;
using v5::EncodePageToken;
using v5::PageToken;
using v5test::AddProspect;
using v5test::Call;
using v5test::kNow;
using v5test::Request;

constexpr std::string_view kUrlPrefix = "https://pi.demo.pardot.com/api/v5/objects/prospects?";

struct Page {
  HttpResponse response;
  json::value body;
};

Page Get(BusinessUnit& unit, const std::string& query, long long now = kNow,
         const HandlerOptions& options = {}) {
  Page page{Call(unit, Request("GET", query), {}, now, options), nullptr};
  page.body = json::parse(page.response.body);
  return page;
}

// Follows nextPageUrl the way a client that uses it verbatim would.
Page Next(BusinessUnit& unit, const Page& page, long long now = kNow,
          const HandlerOptions& options = {}) {
  const std::string url(page.body.at("nextPageUrl").as_string());
  EXPECT_TRUE(url.starts_with(kUrlPrefix)) << url;
  return Get(unit, url.substr(kUrlPrefix.size()), now, options);
}

std::vector<long long> Ids(const Page& page) {
  std::vector<long long> ids;
  for (const auto& v : page.body.at("values").as_array()) ids.push_back(v.at("id").as_int64());
  return ids;
}

std::string Base64Decode(std::string_view text) {
  static constexpr std::string_view kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  unsigned int chunk = 0;
  int bits = 0;
  for (const char c : text) {
    if (c == '=') break;
    chunk = chunk << 6 | static_cast<unsigned int>(kAlphabet.find(c));
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((chunk >> bits) & 255);
    }
  }
  return out;
}

// A token as nextPageUrl carries it: '+' and '/' percent-encoded.
std::string Escaped(const std::string& token) {
  std::string out;
  for (const char c : token) {
    if (c == '+') {
      out += "%2B";
    } else if (c == '/') {
      out += "%2F";
    } else {
      out += c;
    }
  }
  return out;
}

class V5PagingTest : public ::testing::Test {
 protected:
  // `n` prospects, ids 1000001.., created a minute apart.
  void Fill(int n) {
    for (int i = 0; i < n; ++i)
      AddProspect(*unit_, "p" + std::to_string(i) + "@x.com", kNow + i * 60);
  }
  std::unique_ptr<BusinessUnit> unit_ = v5test::MakeUnit();
};

TEST_F(V5PagingTest, WalksEveryRecordOnceAndEndsWithNulls) {
  Fill(10);
  Page page = Get(*unit_, "fields=id,email&limit=3");
  std::vector<long long> seen;
  std::vector<std::size_t> sizes;
  for (int guard = 0; guard < 10; ++guard) {
    for (long long id : Ids(page)) seen.push_back(id);
    sizes.push_back(page.body.at("values").as_array().size());
    if (page.body.at("nextPageToken").is_null()) break;
    EXPECT_EQ(std::string(page.body.at("nextPageUrl").as_string()),
              std::string(kUrlPrefix) + "fields=id,email&nextPageToken=" +
                  Escaped(std::string(page.body.at("nextPageToken").as_string())));
    page = Next(*unit_, page);
    ASSERT_EQ(page.response.status, 200) << page.response.body;
  }
  EXPECT_EQ(sizes, (std::vector<std::size_t>{3, 3, 3, 1}));
  std::vector<long long> expected;
  for (long long id = 1000001; id <= 1000010; ++id) expected.push_back(id);
  EXPECT_EQ(seen, expected);
  EXPECT_TRUE(page.body.at("nextPageUrl").is_null());
}

TEST_F(V5PagingTest, FullLastPageIsFollowedByAnEmptyPage) {
  Fill(4);
  const Page first = Get(*unit_, "fields=id&limit=2");
  const Page second = Next(*unit_, first);
  EXPECT_EQ(Ids(second), (std::vector<long long>{1000003, 1000004}));
  ASSERT_TRUE(second.body.at("nextPageToken").is_string());
  const Page third = Next(*unit_, second);
  EXPECT_EQ(json::serialize(third.body),
            R"({"nextPageToken":null,"nextPageUrl":null,"values":[]})");
}

TEST_F(V5PagingTest, TokenIsBase64JsonShapedLikePardots) {
  Fill(3);
  const Page page =
      Get(*unit_, "fields=id&limit=2&orderBy=updatedAt%20DESC&idGreaterThan=5&deleted=all");
  const std::string token(page.body.at("nextPageToken").as_string());
  const json::value document = json::parse(Base64Decode(token));
  std::vector<std::string> keys;
  for (const auto& kv : document.as_object()) keys.emplace_back(kv.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"orderBy", "filters", "limit", "resumeValue", "page",
                                            "recCount", "expireTime", "deleted"}));
  EXPECT_EQ(document.at("orderBy"), "updatedAt DESC");
  EXPECT_EQ(document.at("filters"), json::parse(R"([{"name":"idGreaterThan","value":"5"}])"));
  EXPECT_EQ(document.at("limit"), 2);
  EXPECT_EQ(document.at("resumeValue"),
            json::parse(R"({"updatedAt":"2025-05-16T11:28:08-07:00","id":1000002})"));
  EXPECT_EQ(document.at("page"), 2);
  EXPECT_EQ(document.at("recCount"), 2);
  EXPECT_EQ(document.at("expireTime"), "2025-05-16T15:27:08-07:00");  // four hours on
  EXPECT_EQ(document.at("deleted"), "all");
  const Page plain = Get(*unit_, "fields=id&limit=1");
  EXPECT_TRUE(json::parse(Base64Decode(plain.body.at("nextPageToken").as_string()))
                  .at("deleted")
                  .is_null());
}

TEST_F(V5PagingTest, ChangesBetweenPagesNeitherSkipNorRepeat) {
  Fill(9);
  const Page first = Get(*unit_, "fields=id&limit=3");
  EXPECT_EQ(Ids(first), (std::vector<long long>{1000001, 1000002, 1000003}));
  unit_->prospects[1000002].deleted = true;              // already read
  unit_->prospects.erase(1000001);                       // gone altogether
  unit_->Touch(unit_->prospects[1000005], kNow + 9999);  // not read yet
  unit_->prospects[1000005].values["first_name"] = "Changed";
  AddProspect(*unit_, "new@x.com", kNow + 10000);  // 1000010
  std::vector<long long> rest;
  Page page = Next(*unit_, first);
  while (true) {
    for (long long id : Ids(page)) rest.push_back(id);
    if (page.body.at("nextPageToken").is_null()) break;
    page = Next(*unit_, page);
  }
  EXPECT_EQ(rest, (std::vector<long long>{1000004, 1000005, 1000006, 1000007, 1000008, 1000009,
                                          1000010}));
}

TEST_F(V5PagingTest, UpdatedAtOrderMovesAnUpdatedRecordToTheEndOnce) {
  Fill(6);
  const Page first = Get(*unit_, "fields=id&limit=2&orderBy=updatedAt");
  EXPECT_EQ(Ids(first), (std::vector<long long>{1000001, 1000002}));
  unit_->Touch(unit_->prospects[1000003], kNow + 100000);  // on a later page
  std::vector<long long> rest;
  for (Page page = Next(*unit_, first);; page = Next(*unit_, page)) {
    for (long long id : Ids(page)) rest.push_back(id);
    if (page.body.at("nextPageToken").is_null()) break;
  }
  EXPECT_EQ(rest, (std::vector<long long>{1000004, 1000005, 1000006, 1000003}));
}

TEST_F(V5PagingTest, FiltersOrderAndDeletedCarryOver) {
  Fill(8);
  unit_->prospects[1000007].deleted = true;
  unit_->prospects[1000003].deleted = true;
  std::vector<long long> seen;
  Page page =
      Get(*unit_, "fields=id&limit=2&orderBy=createdAt%20DESC&deleted=all&idGreaterThan=1000002");
  for (;; page = Next(*unit_, page)) {
    for (long long id : Ids(page)) seen.push_back(id);
    if (page.body.at("nextPageToken").is_null()) break;
  }
  EXPECT_EQ(seen, (std::vector<long long>{1000008, 1000007, 1000006, 1000005, 1000004, 1000003}));
}

TEST_F(V5PagingTest, ReusedTokenReturnsTheSamePage) {
  Fill(5);
  const Page first = Get(*unit_, "fields=id&limit=2");
  EXPECT_EQ(Ids(Next(*unit_, first)), Ids(Next(*unit_, first)));
}

TEST_F(V5PagingTest, OnlyFieldsMayAccompanyAToken) {
  Fill(3);
  const Page first = Get(*unit_, "fields=id&limit=1");
  const std::string url(first.body.at("nextPageUrl").as_string());
  const std::string query = url.substr(kUrlPrefix.size());
  for (const std::string extra :
       {"&limit=1", "&orderBy=id", "&offset=1", "&idGreaterThan=1", "&deleted=all", "&bogus=1"}) {
    const Page page = Get(*unit_, query + extra);
    EXPECT_EQ(page.response.status, 400) << extra;
    EXPECT_EQ(page.body.at("code"), 51) << extra;
  }
  // `fields` stays mandatory and may change between pages.
  const std::string token = query.substr(query.find("&nextPageToken="));
  EXPECT_EQ(Get(*unit_, token.substr(1)).body.at("code"), 13);
  const Page other = Get(*unit_, "fields=email" + token);
  EXPECT_EQ(other.response.status, 200);
  EXPECT_EQ(other.body.at("values").at(0).at("email"), "p1@x.com");
}

TEST_F(V5PagingTest, ExpiredTokenIs210) {
  Fill(3);
  HandlerOptions immediate;
  immediate.v5_token_hours = 0;
  const Page first = Get(*unit_, "fields=id&limit=1", kNow, immediate);
  const Page expired = Next(*unit_, first, kNow, immediate);
  EXPECT_EQ(expired.response.status, 400);
  EXPECT_EQ(json::serialize(expired.body), R"({"code":210,"message":"Page token has expired."})");
  // A default token lives four hours.
  const Page fresh = Get(*unit_, "fields=id&limit=1");
  EXPECT_EQ(Next(*unit_, fresh, kNow + 4 * 3600 - 1).response.status, 200);
  EXPECT_EQ(Next(*unit_, fresh, kNow + 4 * 3600).body.at("code"), 210);
  // A crafted token that expired yesterday.
  PageToken crafted;
  crafted.resume = {{"id", 1000001}};
  crafted.expire_time = kNow - 86400;
  EXPECT_EQ(Get(*unit_, "fields=id&nextPageToken=" + UrlEncode(EncodePageToken(crafted, *unit_)))
                .body.at("code"),
            210);
  crafted.expire_time = kNow + 60;
  EXPECT_EQ(
      Ids(Get(*unit_, "fields=id&nextPageToken=" + UrlEncode(EncodePageToken(crafted, *unit_)))),
      (std::vector<long long>{1000002, 1000003}));
}

TEST_F(V5PagingTest, GarbageTokenIs211) {
  Fill(3);
  PageToken missing_resume;
  missing_resume.order_by = "updatedAt";
  missing_resume.resume = {{"id", 1000001}};
  missing_resume.expire_time = kNow + 60;
  PageToken bad_filter = missing_resume;
  bad_filter.order_by = "";
  bad_filter.filters = {{"nosuchFilter", "1"}};
  const std::vector<std::string> tokens = {
      "abc",
      "not base64!",
      "eyJhIjox",                                          // {"a":1 (cut short)
      "bm90IGpzb24%3D",                                    // "not json"
      "e30%3D",                                            // {}
      UrlEncode(EncodePageToken(missing_resume, *unit_)),  // no updatedAt in resumeValue
      UrlEncode(EncodePageToken(bad_filter, *unit_)),
  };
  for (const std::string& token : tokens) {
    const Page page = Get(*unit_, "fields=id&nextPageToken=" + token);
    EXPECT_EQ(page.response.status, 400) << token;
    EXPECT_EQ(json::serialize(page.body), R"({"code":211,"message":"Page token is invalid."})")
        << token;
  }
}

TEST_F(V5PagingTest, PlusSentUnencodedIsInvalid) {
  // A token holding '+', sent raw: the query decoder reads the '+' as a space, and the token must
  // not be accepted; percent-encoded it works. Three '~' (0x7E) in a row put one at the end of a
  // 3-byte group, whose last base64 digit is then '+'.
  Fill(3);
  PageToken crafted;
  crafted.expire_time = kNow + 60;
  crafted.resume = {{"id", 1000001}};
  crafted.filters = {{"email", "~~~@example.com"}};
  const std::string token = EncodePageToken(crafted, *unit_);
  ASSERT_NE(token.find('+'), std::string::npos);
  EXPECT_EQ(Get(*unit_, "fields=id&nextPageToken=" + token).body.at("code"), 211);
  const Page page = Get(*unit_, "fields=id&nextPageToken=" + Escaped(token));
  EXPECT_EQ(page.response.status, 200);
  EXPECT_TRUE(page.body.at("values").as_array().empty());

  // nextPageUrl carries such a token percent-encoded.
  AddProspect(*unit_, "~~~@example.com", kNow);
  AddProspect(*unit_, "~~~@example.com", kNow);
  const Page first = Get(*unit_, "fields=id&limit=1&email=~~~%40example.com");
  ASSERT_NE(first.body.at("nextPageToken").as_string().find('+'), json::string::npos);
  EXPECT_NE(first.body.at("nextPageUrl").as_string().find("%2B"), json::string::npos);
  EXPECT_EQ(Ids(Next(*unit_, first)), (std::vector<long long>{1000005}));
}

TEST_F(V5PagingTest, SequenceCapStopsWithWarning203) {
  Fill(9);
  HandlerOptions small;
  small.v5_sequence_cap = 5;
  const Page first = Get(*unit_, "fields=id&limit=2", kNow, small);
  const Page second = Next(*unit_, first, kNow, small);
  EXPECT_EQ(v5test::ResponseHeader(second.response, "Pardot-Warning"), nullptr);
  const Page third = Next(*unit_, second, kNow, small);
  EXPECT_EQ(Ids(third), (std::vector<long long>{1000005}));  // cut at the cap
  EXPECT_TRUE(third.body.at("nextPageToken").is_null());
  EXPECT_TRUE(third.body.at("nextPageUrl").is_null());
  const std::string* warning = v5test::ResponseHeader(third.response, "Pardot-Warning");
  ASSERT_NE(warning, nullptr);
  EXPECT_EQ(*warning,
            "203;Record count for nextPageToken sequence has been exceeded. No page token "
            "returned.");
  // Resuming with a high-water mark starts a new sequence.
  EXPECT_EQ(Ids(Get(*unit_, "fields=id&limit=2&idGreaterThan=1000005", kNow, small)),
            (std::vector<long long>{1000006, 1000007}));
}

TEST_F(V5PagingTest, SequenceEndingExactlyAtTheCapHasNoWarning) {
  Fill(4);
  HandlerOptions small;
  small.v5_sequence_cap = 4;
  const Page first = Get(*unit_, "fields=id&limit=2", kNow, small);
  const Page second = Next(*unit_, first, kNow, small);
  EXPECT_EQ(Ids(second), (std::vector<long long>{1000003, 1000004}));
  EXPECT_TRUE(second.body.at("nextPageToken").is_null());
  EXPECT_EQ(v5test::ResponseHeader(second.response, "Pardot-Warning"), nullptr);
}

}  // namespace
}  // namespace pdc::emulator
