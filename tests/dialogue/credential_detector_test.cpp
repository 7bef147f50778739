// Secrets in messages are found and redacted; ordinary numbers are not.
#include "credential_detector.h"

#include <gtest/gtest.h>

namespace kb::match {
namespace {

TEST(CredentialDetectorTest, FindsCodesCardsAndPasswords) {
  EXPECT_EQ(ScanForCredentials("the code is 123456").kind, "verification_code");
  EXPECT_EQ(ScanForCredentials("card 4111-1111-1111-1111 please").kind, "card_number");
  EXPECT_EQ(ScanForCredentials("my password is Hunter2024!").kind, "password");
  EXPECT_EQ(ScanForCredentials("la mia password è Roma2024").kind, "password");
  EXPECT_EQ(ScanForCredentials("pwd: S3cret#x").kind, "password");
}

TEST(CredentialDetectorTest, RedactsEverySecret) {
  const CredentialScan scan = ScanForCredentials("code 654321 and password: Abc123xyz");
  EXPECT_TRUE(scan.found);
  EXPECT_EQ(scan.redacted.find("654321"), std::string::npos) << scan.redacted;
  EXPECT_EQ(scan.redacted.find("Abc123xyz"), std::string::npos) << scan.redacted;
  EXPECT_NE(scan.redacted.find("[redacted]"), std::string::npos);
}

TEST(CredentialDetectorTest, LeavesOrdinaryTextAlone) {
  for (const char* text :
       {"I forgot my password", "my password is wrong", "ODR below 1%", "error 404", "since 2021",
        "order 123-4567890-1234567 missing", "2SV code not arriving"}) {
    EXPECT_FALSE(ScanForCredentials(text).found) << text;
  }
}

}  // namespace
}  // namespace kb::match
