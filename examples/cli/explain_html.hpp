#pragma once
// The HTML page of `veil explain`, for an official who has never seen such a message: the
// answer first, one sentence per recipient (who, what it receives, which law decided),
// then the message side by side as each recipient would get it, every mark in words, and
// last, folded away, the technical details. One self-contained page: inline CSS, no
// script, nothing fetched; the same input gives the same bytes. It reads on a phone: the
// columns stack, and nothing is wider than the screen.

#include "agency_directory.hpp"
#include "explain_html_column.hpp"
#include "explain_html_details.hpp"
#include "explain_plain_words.hpp"
#include "explanation.hpp"
#include "policy_source.hpp"

#include <veil/policy/policy.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace veil::cli {

inline constexpr std::string_view explain_css = R"(
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1a1a1a;background:#fff;line-height:1.45;margin:1.5em auto;max-width:100em;padding:0 1em}
h1{font-size:1.5em;margin:0 0 .2em}
h2{font-size:1.25em;margin-top:1.6em;border-bottom:1px solid #ccc}
.sub{color:#4a4a4a;margin-top:0}
.summary{list-style:none;padding:0;margin:.4em 0}
.summary li{margin:.5em 0;padding:.5em .7em;border:1px solid #bbb;border-radius:6px;max-width:60em}
.status{display:inline-block;font-weight:bold;border:2px solid;border-radius:4px;padding:0 .4em;margin-right:.4em}
.status.nothing{background:#333;color:#fff;border-color:#333}
.status.sensitive{background:#fff3cd;color:#6b3a00;border-color:#b35c00}
.status.removed{background:#e8eefc;color:#1a3a7a;border-color:#1a3a7a}
.status.plain{background:#f2f2f2;color:#333;border-color:#666}
.intro p,.intro li{max-width:52em}
.scroll{overflow-x:auto}
table{border-collapse:collapse;margin:.6em 0}
caption{text-align:left;font-style:italic;color:#4a4a4a;padding:.2em 0}
th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top}
th{background:#f2f2f2}
td.n{text-align:right;font-variant-numeric:tabular-nums}
code,.mono,.sample{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace}
.legend{list-style:none;padding:0}
.legend li{margin:.6em 0}
.cols{display:grid;gap:1em;align-items:start;grid-template-columns:repeat(auto-fit,minmax(min(100%,24em),1fr))}
.col{border:1px solid #bbb;border-radius:6px;overflow:hidden;min-width:0}
.head{background:#f2f2f2;padding:.5em .7em;border-bottom:1px solid #bbb}
.who{font-weight:bold;font-size:1.1em;display:block}
.lists{display:block;font-size:.9em}
.msg{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:.85em;white-space:pre-wrap;overflow-wrap:anywhere;padding:.7em;line-height:1.9}
.banner{background:#333;color:#fff;padding:.8em .7em;font-weight:bold}
.f{border-radius:3px;padding:0 2px}
.f .l{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;font-size:.75em;font-weight:bold;padding:0 .35em;margin-right:.3em;border-radius:3px}
.f.released{outline:2px solid #8a4b00}
.f.released .l{background:#8a4b00;color:#fff}
.f.dropped{background:#f6c6c6}
.f.dropped .v{text-decoration:line-through;text-decoration-color:#b00020;text-decoration-thickness:2px}
.f.dropped .l{background:#b00020;color:#fff}
.f.masked{background:#ffe97a}
.f.masked .l{background:#6b5000;color:#fff}
.f.withheld{outline:1px dashed #666}
.f.withheld .l{background:#555;color:#fff}
.chip{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;font-size:.8em;border:1px solid #767676;border-radius:8px;padding:0 .45em;background:#fff;color:#333}
.mask{font-weight:bold;margin-left:.3em}
.c{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;font-size:.65em;color:#4a4a4a;border:1px solid #767676;border-radius:2px;padding:0 1px;margin:0 1px;vertical-align:.15em}
.bin{font-style:italic;color:#333;background:#e8e8e8;border-radius:3px;padding:0 .3em}
td.fate.released{color:#8a4b00;font-weight:bold}
td.fate.dropped{background:#f6c6c6}
td.fate.masked{background:#ffe97a}
td.fate.withheld{background:#e4e4e4;color:#333}
details.technical{margin-top:2em;border-top:1px solid #ccc;padding-top:.5em}
details.technical summary{font-weight:bold;cursor:pointer}
.closing{margin-top:1.5em;font-weight:bold}
)";

namespace explain_html_detail {

// The message in a few words: "DR message from WAOLN0000", "driver licence barcode".
[[nodiscard]] inline std::string message_label(const explanation& e)
{
   std::string out;
   if (!e.routing.message_key.empty()) {
      out = e.routing.message_key + " message";
   }
   else {
      switch (e.kind) {
         case format::nlets_text: out = "Nlets text message"; break;
         case format::nlets_xml: out = "Nlets XML message"; break;
         case format::aamva: out = "driver licence barcode"; break;
         case format::ansi_nist: out = "ANSI/NIST transaction"; break;
      }
   }
   return e.routing.sender_ori.empty() ? out : out + " from " + e.routing.sender_ori;
}

// The policy as a reader knows it: a preset's name, or a file's name without its folders.
[[nodiscard]] inline std::string policy_label(const std::string& policy_name)
{
   if (std::string_view(policy_name).starts_with(preset_prefix)) {
      return policy_name.substr(preset_prefix.size());
   }
   const std::size_t slash = policy_name.find_last_of('/');
   return slash == std::string::npos ? policy_name : policy_name.substr(slash + 1);
}

[[nodiscard]] inline std::string status_html(const explanation& e, std::size_t r)
{
   const recipient_status s = status_of(e, r);
   return "<span class=\"status " + std::string(s.css) + "\">" + std::string(s.words) + "</span>";
}

// The answer first: one sentence per recipient.
[[nodiscard]] inline std::string summary(const explanation& e, const veil::policy::policy& p,
                                         const agency_directory& agencies)
{
   std::string out = "<section id=\"summary\" aria-labelledby=\"summary-title\">\n<h2 id=\"summary-title\">In "
                     "short</h2>\n<ul class=\"summary\">\n";
   for (std::size_t r = 0; r < e.recipients.size(); ++r) {
      out += "<li>" + status_html(e, r) + " " + html_escaped(summary_sentence(e, r, p, agencies)) + "</li>\n";
   }
   return out + "</ul>\n</section>\n";
}

// The message side by side as each recipient would get it; a withheld recipient's
// column says so and shows none of it. The columns stack on a narrow screen.
[[nodiscard]] inline std::string columns(const explanation& e, std::string_view message, const veil::policy::policy& p,
                                         const agency_directory& agencies, bool show_values)
{
   std::string out = "<section aria-labelledby=\"columns-title\">\n<h2 id=\"columns-title\">The message as each "
                     "recipient would get it</h2>\n<p>Each marked part of the message says what it is and what "
                     "happens to it. Everything else is sent unchanged to each agency that is not withheld: the "
                     "data no category covers, such as a name, a date of birth or a licence number, is never "
                     "removed, and the summary above counts what of it each agency receives.";
   out += show_values ? "" : " Values are not shown on this page.";
   out += "</p>\n<div class=\"cols\">\n";
   for (std::size_t r = 0; r < e.recipients.size(); ++r) {
      const recipient_decision& recipient = e.recipients[r];
      const std::vector<std::string> lists = lists_holding(p, recipient.ori);
      out += "<div class=\"col\">\n<div class=\"head\"><span class=\"who\">" +
             html_escaped(agency_words(agencies, recipient.ori)) + "</span>";
      if (!lists.empty()) {
         out += "<span class=\"lists\">On the policy's list" + std::string(lists.size() == 1 ? " " : "s ") +
                html_escaped(joined_words(lists)) + "</span>";
      }
      out += status_html(e, r) + "</div>\n";
      if (recipient.audit.result == outcome::withheld) {
         out += "<div class=\"banner\">Nothing of this message is sent to this agency.</div>\n";
      }
      else {
         out += "<div class=\"msg\">" + html_column(e, message, r, show_values).render() + "</div>\n";
      }
      out += "</div>\n";
   }
   return out + "</div>\n</section>\n";
}

}  // namespace explain_html_detail

[[nodiscard]] inline std::string explain_html(const explanation& e, std::string_view message,
                                              const veil::policy::policy& p, const std::string& policy_name,
                                              const agency_directory& agencies, bool show_values)
{
   using namespace explain_html_detail;
   const std::string policy = html_escaped(policy_label(policy_name));
   const std::string title = "What each recipient would receive of the " + html_escaped(message_label(e)) +
                             " under the policy " + policy;
   std::string sub = "Each recipient is decided alone, as if the message went to it only. Policy " + policy;
   sub += p.version.empty() ? std::string(".") : ", version " + html_escaped(p.version) + ".";
   return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>" +
          title + "</title>\n<style>" + std::string(explain_css) + "</style>\n</head>\n<body>\n<main>\n<h1>" +
          title + "</h1>\n<p class=\"sub\">" + sub + "</p>\n" + summary(e, p, agencies) +
          columns(e, message, p, agencies, show_values) +
          explain_html_details(e, message, p, policy_name, show_values) + "</main>\n</body>\n</html>\n";
}

}  // namespace veil::cli
