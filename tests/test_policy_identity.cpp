// A policy's identity: the SHA-256 that names its bytes is SHA-256 (NIST's examples), a
// policy read under a name carries it with its policy_version and the digests of the
// recipient lists added to it, and every audit record the policy decides names it, a
// rejected one too.

#include "sample_messages.hpp"

#include <veil/audit.hpp>
#include <veil/format.hpp>
#include <veil/policy/identity.hpp>
#include <veil/policy/policy_json.hpp>
#include <veil/policy/policy_redactor.hpp>
#include <veil/policy/sha256.hpp>

#include <doctest/doctest.h>

#include <stdexcept>
#include <string>
#include <string_view>

TEST_CASE("policy identity: sha256_hex gives the digests of the NIST examples (FIPS 180-2)")
{
   using veil::policy::sha256_hex;
   CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
   CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
   // The 448-bit message: two blocks once padded.
   CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
   CHECK(sha256_hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
   // Bytes, not text: a NUL is hashed like any other byte.
   CHECK(sha256_hex(std::string_view("abc\0", 4)) != sha256_hex("abc"));
}

TEST_CASE("policy identity: a policy read under a name carries it, its policy_version and its digests")
{
   constexpr std::string_view json = R"({"version": 1, "policy_version": "v4, signed 2026-11-30",
      "lists": {"ice": ["VTICE0900"]}, "rules": [{"name": "a", "match": {"recipient": ["@ice"]}, "withhold": true}]})";
   veil::policy::policy p = veil::policy::read_identified_policy(json, "mine.json");
   CHECK(p.version == "v4, signed 2026-11-30");
   REQUIRE(p.identity.has_value());
   CHECK(p.identity->name == "mine.json");
   CHECK(p.identity->version == "v4, signed 2026-11-30");
   CHECK(p.identity->sha256 == veil::policy::sha256_hex(json));
   CHECK(p.identity->lists.empty());

   constexpr std::string_view list = "# field offices\nDCICE*\n";
   veil::policy::add_identified_list(p, "ice", "ice.txt", list);
   REQUIRE(p.identity->lists.size() == 1);
   CHECK(p.identity->lists[0].name == "ice");
   CHECK(p.identity->lists[0].file == "ice.txt");
   CHECK(p.identity->lists[0].sha256 == veil::policy::sha256_hex(list));
   CHECK(p.lists.at("ice").size() == 2);

   // One byte more is another policy; read_policy alone names none.
   CHECK(veil::policy::read_identified_policy(std::string(json) + "\n", "mine.json").identity->sha256 !=
         p.identity->sha256);
   CHECK(veil::policy::read_identified_policy(R"({"version": 1})", "x").identity->version.empty());
   veil::policy::policy unnamed = veil::policy::read_policy(json);
   CHECK_FALSE(unnamed.identity.has_value());
   CHECK_THROWS_AS(veil::policy::add_identified_list(unnamed, "ice", "ice.txt", list), std::logic_error);
}

TEST_CASE("policy identity: every record the policy redactor returns names the policy, rejected ones too")
{
   const veil::policy::policy_redactor redactor{ veil::policy::read_identified_policy(
      R"({"version": 1, "policy_version": "1", "lists": {"ice": ["VTICE0900"]},
          "rules": [{"name": "a", "match": {"recipient": ["@ice"]}, "withhold": true}]})",
      "mine.json") };
   const std::string dr = veil_test::sample_bytes("dr.txt");
   std::string out;
   const veil::audit_record redacted = redactor.redact(veil::format::nlets_text, dr, out);
   const veil::audit_record withheld = redactor.redact(veil::format::nlets_text, dr, out, "dr.txt", { "VTICE0900" });
   const veil::audit_record for_ice = redactor.redact_for(veil::format::nlets_text, dr, out, { "VTICE0900" });
   const veil::audit_record rejected = redactor.redact(veil::format::nlets_text, "DR.WAOLN", out);
   veil::policy::routing routing;
   const veil::audit_record routed = redactor.read_routing(veil::format::nlets_text, dr, routing);
   CHECK(redacted.result == veil::outcome::redacted);
   CHECK(withheld.result == veil::outcome::withheld);
   CHECK(for_ice.result == veil::outcome::withheld);
   CHECK(rejected.result == veil::outcome::rejected);
   for (const veil::audit_record* audit : { &redacted, &withheld, &for_ice, &rejected, &routed }) {
      REQUIRE(audit->policy.has_value());
      CHECK(audit->policy->name == "mine.json");
      CHECK(audit->policy->version == "1");
      CHECK(audit->policy->sha256 == redactor.rules().identity->sha256);
   }

   // A policy built in code, or read without a name, has no identity to give.
   const veil::policy::policy_redactor unnamed{ veil::policy::read_policy(R"({"version": 1})") };
   CHECK_FALSE(unnamed.redact(veil::format::nlets_text, dr, out).policy.has_value());
}
