// Inbound mail is hostile input: the header parser and the DKIM-Signature / tag-list parsers
// must answer every byte sequence with fields or an error.
#include "shared/auth/dkim/DkimSignature.h"
#include "shared/auth/dkim/DkimTagList.h"
#include "shared/mail/HeaderParser.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const pw::mail::HeaderParseResult parsed = pw::mail::HeaderParser().parse(bytes);
    if (parsed.ok()) {
        for (const auto& field : parsed.header.fields()) {
            if (field.hasName(QByteArrayLiteral("DKIM-Signature")))
                (void)pw::auth::DkimSignature::parse(field.rawValue());
        }
    }
    (void)pw::auth::DkimTagList::parse(bytes);
    (void)pw::auth::DkimSignature::parse(bytes);
    return 0;
}
