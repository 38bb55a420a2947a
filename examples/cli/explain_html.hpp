#pragma once
// The HTML page of `veil explain`, for a reader who has never seen such a message: what
// the message is and what the words mean, then the message side by side as each
// recipient would get it, then the fields in a table. One self-contained page: inline CSS,
// no script, nothing fetched; the same input gives the same bytes.

#include "explain_html_bytes.hpp"
#include "explain_html_column.hpp"
#include "explain_text.hpp"
#include "explain_words.hpp"
#include "explanation.hpp"

#include <veil/policy/policy.hpp>

#include <string>
#include <string_view>

namespace veil::cli {

inline constexpr std::string_view explain_css = R"(
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1a1a1a;line-height:1.45;margin:2em auto;max-width:100em;padding:0 1.5em}
h1{font-size:1.6em;margin-bottom:.2em}
h2{font-size:1.25em;margin-top:1.8em;border-bottom:1px solid #ddd}
.sub{color:#555;margin-top:0}
.intro p,.intro li{max-width:52em}
table{border-collapse:collapse;margin:.6em 0}
th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top}
th{background:#f2f2f2}
td.n{text-align:right;font-variant-numeric:tabular-nums}
code,.mono,.sample{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace}
.legend{list-style:none;padding:0}
.legend li{margin:.6em 0}
.cols{display:grid;gap:1em;overflow-x:auto}
.col{border:1px solid #bbb;border-radius:6px;overflow:hidden;min-width:16em}
.head{background:#f2f2f2;padding:.5em .7em;border-bottom:1px solid #bbb}
.ori{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;font-weight:bold;font-size:1.1em;display:block}
.msg{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:.85em;white-space:pre-wrap;overflow-wrap:anywhere;padding:.7em;line-height:1.9}
.col.withheld{background:#e4e4e4;color:#666}
.col.withheld .msg{opacity:.5}
.banner{background:#4a4a4a;color:#fff;padding:.6em .7em;font-weight:bold}
.banner span{display:block;font-weight:normal;font-size:.9em}
.f{border-radius:3px;padding:0 2px}
.f .l{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;font-size:.75em;font-weight:bold;padding:0 .35em;margin-right:.3em;border-radius:3px;white-space:nowrap}
.f.released{outline:2px solid #2e7d32}
.f.released .l{background:#2e7d32;color:#fff}
.f.dropped{background:#f6c6c6}
.f.dropped .v{text-decoration:line-through;text-decoration-color:#b00020;text-decoration-thickness:2px}
.f.dropped .l{background:#b00020;color:#fff}
.f.masked{background:#ffe97a}
.f.masked .l{background:#7a5c00;color:#fff}
.f.withheld{outline:1px dashed #888}
.f.withheld .l{background:#888;color:#fff}
.chip{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;font-size:.8em;border:1px solid #999;border-radius:8px;padding:0 .45em;background:#fff;color:#333}
.mask{font-weight:bold;margin-left:.3em}
.c{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;font-size:.65em;color:#555;border:1px solid #aaa;border-radius:2px;padding:0 1px;margin:0 1px;vertical-align:.15em}
.bin{font-style:italic;color:#444;background:#e8e8e8;border-radius:3px;padding:0 .3em}
td.fate.released{color:#2e7d32;font-weight:bold}
td.fate.dropped{background:#f6c6c6}
td.fate.masked{background:#ffe97a}
td.fate.withheld{background:#e4e4e4;color:#666}
.closing{margin-top:1.5em;font-weight:bold}
)";

namespace explain_html_detail {

// What kind of message this is, in plain words.
[[nodiscard]] inline std::string message_words(const explanation& e)
{
   const std::string key = html_escaped(e.routing.message_key);
   const std::string key_words = e.routing.message_key.empty()
                                    ? std::string()
                                    : " Its message key, <code>" + key +
                                         "</code>, says what kind of message it is (a <code>DQ</code>, for instance, "
                                         "asks a state for a driver licence record, and a <code>DR</code> answers "
                                         "with one).";
   switch (e.kind) {
      case format::nlets_xml:
         return "This is an <b>Nlets XML message</b>: a message of Nlets, the network over which police, courts and "
                "motor vehicle agencies of every US state exchange records, in its XML form, whose elements are "
                "named by the NIEM vocabulary (<code>nc:Residence</code>, <code>nc:PersonBirthLocation</code>)." +
                key_words;
      case format::aamva:
         return "This is the data of the <b>barcode on a US driver licence or ID card</b> (the AAMVA DL/ID card "
                "design standard): a list of elements, each a three-letter code and a value (<code>DAG</code> is "
                "the street address, <code>DCS</code> the family name). It names no sender and no recipient: "
                "the policy decides it by the recipients this page was asked about.";
      case format::ansi_nist:
         return "This is an <b>ANSI/NIST-ITL transaction</b>, the form in which fingerprints, face photos and the "
                "data that goes with them are sent to and from the FBI and other agencies: numbered records "
                "(Type-1 says who sent it to whom, Type-2 describes the person, Type-10 is a photo, Type-4 and "
                "Type-14 are fingerprints), each made of numbered fields such as <code>2.016</code>, the social "
                "security number." +
                key_words;
      case format::nlets_text: break;
   }
   return "This is an <b>Nlets text message</b>: a message of Nlets, the network over which police, courts and "
          "motor vehicle agencies of every US state exchange records, in its plain-text form." +
          key_words;
}

[[nodiscard]] inline std::string legend_item(fate what, std::string_view label, std::string_view content,
                                             std::string_view meaning)
{
   return "<li><span class=\"sample\"><span class=\"f " + std::string(name_of(what)) + "\"><span class=\"l\">" +
          std::string(label) + "</span><span class=\"v\">" + std::string(content) + "</span></span></span> " +
          std::string(meaning) + "</li>\n";
}

[[nodiscard]] inline std::string introduction(const explanation& e, const veil::policy::policy& p,
                                              const std::string& policy_name, bool show_values)
{
   std::string out = "<section class=\"intro\">\n<h2>What this page shows</h2>\n<p>" + message_words(e) + "</p>\n";
   if (!e.routing.sender_ori.empty() || !e.routing.recipients.empty()) {
      out += "<p>It was sent by <code>" + html_escaped(or_dash(e.routing.sender_ori)) + "</code> to <code>" +
             html_escaped(named_recipients(e)) + "</code>. ";
   }
   else {
      out += "<p>";
   }
   out += "Agencies are named by their <b>ORI</b> (originating agency identifier): a nine-character code such as "
          "<code>ORTEST001</code> that names one police department, court or other agency, usually starting with "
          "its state's two letters. Two letters alone stand for a state's whole network.</p>\n";
   out += "<p>Before the message goes out, <b>veil</b> applies a <b>policy</b>: rules that say, for each agency, "
          "which kinds of personal data it may not receive. This page uses the policy <code>" +
          html_escaped(policy_name) + "</code>";
   out += p.description.empty() ? std::string(".") : ": " + html_escaped(p.description);
   out += "</p>\n<p>Each agency below is decided alone, as if the message went to it only. The columns show the "
          "message as each would get it. Every sensitive field of the message is marked, whether the policy "
          "removes it or not, and so is any field a rule names.";
   out += show_values ? " Field values are shown." : " Field values are not shown: each is replaced by its category and size.";
   out += "</p>\n<h3>Legend</h3>\n<ul class=\"legend\">\n";
   const std::string chip = show_values ? "1234 EXAMPLE AVE" : "<span class=\"chip\">[address \xC2\xB7 16 bytes]</span>";
   out += legend_item(fate::released, "released", chip,
                      "<b>released</b>: a sensitive field the agency receives as it is.");
   out += legend_item(fate::dropped, "dropped", chip,
                      "<b>dropped</b>: the field is cut out of the message; the agency receives nothing of it.");
   out += legend_item(fate::masked, "masked",
                      show_values ? "**** ******* ***" : chip + "<span class=\"mask\">****************</span>",
                      "<b>masked</b>: the field stays in its place, but its value is hidden: each character "
                      "replaced by <code>*</code>, or, in XML, the element left empty.");
   out += legend_item(fate::withheld, "withheld", chip,
                      "<b>withheld</b>: the agency receives no part of the message at all; its column is grey.");
   out += "</ul>\n<p>Text outside the marked fields is sent unchanged to every agency that is not withheld. "
          "Line breaks are kept; other control characters show as a box with their name, such as <span "
          "class=\"c\">CR</span> (carriage return) or <span class=\"c\">GS</span> (group separator), bytes "
          "outside plain ASCII as a box with their value in hexadecimal, such as <span class=\"c\">C3</span>, "
          "and long binary data (an image) as one marker with its size.</p>\n</section>\n";
   return out;
}

[[nodiscard]] inline std::string recipients_table(const explanation& e)
{
   std::string out = "<h2>The recipients</h2>\n<table>\n<tr><th>agency</th><th>what it receives</th></tr>\n";
   for (std::size_t r = 0; r < e.recipients.size(); ++r) {
      out += "<tr><td class=\"mono\">" + html_escaped(e.recipients[r].ori) + "</td><td>" +
             html_escaped(outcome_phrase(e, r)) + "</td></tr>\n";
   }
   return out + "</table>\n";
}

[[nodiscard]] inline std::string columns(const explanation& e, std::string_view message, bool show_values)
{
   std::string out = "<h2>The message as each recipient would get it</h2>\n<div class=\"cols\" "
                     "style=\"grid-template-columns:repeat(" +
                     std::to_string(e.recipients.size()) + ",minmax(16em,1fr))\">\n";
   for (std::size_t r = 0; r < e.recipients.size(); ++r) {
      const audit_record& audit = e.recipients[r].audit;
      const bool withheld = audit.result == outcome::withheld;
      out += std::string("<div class=\"col") + (withheld ? " withheld" : "") + "\">\n<div class=\"head\"><span "
             "class=\"ori\">" + html_escaped(e.recipients[r].ori) + "</span>" + html_escaped(outcome_phrase(e, r)) +
             "</div>\n";
      if (withheld) {
         out += "<div class=\"banner\">withheld \xE2\x80\x94 nothing is sent<span>" + html_escaped(rules_phrase(audit.rules)) +
                "</span></div>\n";
      }
      out += "<div class=\"msg\">" + html_column(e, message, r, show_values).render() + "</div>\n</div>\n";
   }
   return out + "</div>\n";
}

[[nodiscard]] inline std::string fields_table(const explanation& e, std::string_view message, bool show_values)
{
   std::string out = "<h2>Field by field</h2>\n";
   if (e.fields.empty()) {
      return out + "<p>The message holds no sensitive field, and no recipient's rules name one.</p>\n";
   }
   out += "<table>\n<tr><th>tag</th><th>name</th><th>category</th><th>offset</th><th>length</th>";
   for (const recipient_decision& r : e.recipients) {
      out += "<th class=\"mono\">" + html_escaped(r.ori) + "</th>";
   }
   out += show_values ? "<th>value</th></tr>\n" : "</tr>\n";
   for (const listed_field& f : e.fields) {
      out += "<tr><td class=\"mono\">" + html_escaped(f.tag) + "</td><td>" + html_escaped(f.name) + "</td><td>" +
             std::string(name_of(f.kind)) + "</td><td class=\"n\">" + std::to_string(f.offset) +
             "</td><td class=\"n\">" + std::to_string(f.length) + "</td>";
      for (const fate what : f.fates) {
         out += "<td class=\"fate " + std::string(name_of(what)) + "\">" + std::string(name_of(what)) + "</td>";
      }
      if (show_values) {
         out += "<td class=\"mono\">" + html_escaped(escaped_value(message.substr(f.offset, f.length))) + "</td>";
      }
      out += "</tr>\n";
   }
   return out + "</table>\n";
}

}  // namespace explain_html_detail

[[nodiscard]] inline std::string explain_html(const explanation& e, std::string_view message,
                                              const veil::policy::policy& p, const std::string& policy_name,
                                              bool show_values)
{
   using namespace explain_html_detail;
   const std::string title = "What each recipient would receive: " + html_escaped(e.input);
   return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>" +
          title + "</title>\n<style>" + std::string(explain_css) + "</style>\n</head>\n<body>\n<h1>" + title +
          "</h1>\n<p class=\"sub\">" + std::string(name_of(e.kind)) + " \xC2\xB7 message " +
          html_escaped(or_dash(e.routing.message_key)) + " \xC2\xB7 policy " + html_escaped(policy_name) +
          "</p>\n" + introduction(e, p, policy_name, show_values) + recipients_table(e) + columns(e, message, show_values) +
          fields_table(e, message, show_values) + "<p class=\"closing\">" + html_escaped(closing_sentence(e)) +
          "</p>\n</body>\n</html>\n";
}

}  // namespace veil::cli
