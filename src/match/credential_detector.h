// Finds what looks like a secret in a user's message — a verification code,
// a card number, a password written out ("my password is …", "pwd: …") — so
// the assistant can warn the user and nothing of it is logged or stored.
//
// Thread safety: stateless; safe from any thread.
#pragma once

#include <string>
#include <string_view>

namespace kb::match {

struct CredentialScan {
  bool found = false;
  std::string kind;      // "verification_code", "card_number", "password"
  std::string redacted;  // the message with every secret replaced by "[redacted]"
};

CredentialScan ScanForCredentials(std::string_view message);

}  // namespace kb::match
