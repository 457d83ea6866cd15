// A fast path for the phone numbers people usually type: digits with group punctuation, maybe a
// leading +, and a known region. It reads libphonenumber's own metadata (calling codes, national
// and international prefixes, the general number pattern and possible lengths) and follows
// PhoneNumberUtil::Parse step by step for this shape of input, without Parse's searches for
// extensions, letters and starting characters over the raw text, which cost most of its time.
// A number dialled with the region's international prefix (00 49 ... in Germany, 011 44 ... in
// the US) is read as Parse reads it, as after a +. Whenever an input needs a step the fast path
// does not take (a national prefix that carries a carrier code or is rewritten, leading zeros, a
// non-geographic calling code, the country code typed without +), it answers "not mine" and Parse
// decides.
// A test compares both on thousands of numbers per region.
#pragma once

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <string>
#include <string_view>

namespace i18n::phonenumbers {
// The metadata libphonenumber compiled in, a serialised PhoneMetadataCollection (exported by the
// library; not in its public headers).
int metadata_size();
const void* metadata_get();
}  // namespace i18n::phonenumbers

namespace pdc {

// `compact` holds only digits, after an optional '+'; `region` is an ISO alpha-2 code or "".
// Fills `number` (country code and national number, as Parse would) and returns true, or returns
// false when Parse must decide.
bool ParseCompactNumber(std::string_view compact, const std::string& region,
                        i18n::phonenumbers::PhoneNumber* number);

// The number's type as PhoneNumberUtil::GetNumberType answers it (UNKNOWN: not a valid number),
// from the same metadata and in the same order, through patterns compiled once per thread. Sets
// `known` false when the number needs a step this path does not take (Italian leading zeros,
// non-geographic codes); GetNumberType must answer then.
i18n::phonenumbers::PhoneNumberUtil::PhoneNumberType NumberType(
    const i18n::phonenumbers::PhoneNumber& number, bool* known);

}  // namespace pdc
