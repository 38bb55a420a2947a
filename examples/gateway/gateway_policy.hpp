#pragma once
// The policy in force, and its reload: a reload reads the --policy source (and its
// recipient lists) again, and only a policy that reads and validates whole replaces the
// current one. What is only suspect in it (policy_lint.hpp) is logged, at start and at
// each reload, and does not stop it; so is its identity, which every audit line carries.
// Each message takes the policy in force when it arrives, so a reload takes effect from
// the next message on.

#include "../cli/identity_words.hpp"
#include "../cli/policy_source.hpp"
#include "log.hpp"

#include <veil/policy/identity.hpp>
#include <veil/policy/policy_lint.hpp>
#include <veil/policy/policy_redactor.hpp>

#include <memory>
#include <string>

namespace veil::gateway {

class gateway_policy
{
public:
   // Throws policy_error when the source does not give a valid policy.
   explicit gateway_policy(cli::policy_source source) : source_(std::move(source)), current_(load()) {}

   [[nodiscard]] const policy::policy_redactor& current() const noexcept { return *current_; }

   void reload()
   {
      try {
         current_ = load();
         log_line("policy reloaded from " + described());
      }
      catch (const policy_error& e) {
         log_line(std::string("policy reload failed: ") + e.what() + "; keeping the previous policy");
      }
   }

   // The policy in force as its audit lines name it: "policy.json: version 2026-12-03,
   // sha256 ...; list ... += ice.txt, sha256 ...".
   [[nodiscard]] std::string described() const
   {
      const policy_identity& id = *current_->rules().identity;
      return id.name + ": " + cli::identity_words(id, "; ");
   }

private:
   [[nodiscard]] std::shared_ptr<const policy::policy_redactor> load() const
   {
      // Without --policy: the default rule of an empty policy (address, photo, immigration).
      policy::policy p = source_.given() ? cli::load_policy(source_)
                                         : policy::read_identified_policy(R"({"version": 1})", "built-in default");
      for (const policy::policy_warning& w : policy::lint(p)) {
         log_line(cli::warning_line(source_, w));
      }
      return std::make_shared<const policy::policy_redactor>(std::move(p));
   }

   cli::policy_source source_;
   std::shared_ptr<const policy::policy_redactor> current_;
};

}  // namespace veil::gateway
