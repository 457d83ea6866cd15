// Pardot error codes (pardot-api.md §9) and the error envelopes of each API generation.
#pragma once

#include <string>
#include <string_view>

#include "tests/emulator/http.h"

namespace pdc::emulator {

// The message Pardot sends with `code` ("Unknown error" for codes the emulator never sends).
std::string_view ErrorMessage(int code);

// True when a v3/v4 request asked for JSON (format=json in the query or form body).
bool WantsJson(const HttpRequest& request);

// A v3/v4 failure in the envelope the request asked for: XML by default, JSON with
// format=json. `message` defaults to the catalogue's text.
HttpResponse V34Error(const HttpRequest& request, int code, int http_status = 200,
                      std::string_view message = {});
// A v5 failure: {"code":N,"message":"..."}.
HttpResponse V5Error(int code, int http_status, std::string_view message = {});

// Escapes text for XML content and attribute values.
std::string XmlEscape(std::string_view text);
// A JSON string literal.
std::string JsonQuote(std::string_view text);

}  // namespace pdc::emulator
