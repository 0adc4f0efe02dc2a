// DNS TXT records are written by strangers: SPF (with its macros), DKIM key records and DMARC
// records must parse to a value or an error for any bytes.
#include "shared/auth/dkim/DkimKeyRecord.h"
#include "shared/auth/dmarc/DmarcRecord.h"
#include "shared/auth/spf/SpfMacro.h"
#include "shared/auth/spf/SpfRecord.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    (void)pw::auth::SpfRecord::parse(bytes);
    (void)pw::auth::DkimKeyRecord::parse(bytes);
    const QString text = QString::fromUtf8(bytes);
    (void)pw::auth::DmarcRecordParser::parse(text);

    pw::auth::SpfMacroValues values;
    values.sender = QStringLiteral("strong-bad@email.example.com");
    values.localPart = QStringLiteral("strong-bad");
    values.senderDomain = QStringLiteral("email.example.com");
    values.domain = QStringLiteral("email.example.com");
    values.ip = QStringLiteral("192.0.2.3");
    values.validatedName = QStringLiteral("mx.example.org");
    values.ipVersion = QStringLiteral("in-addr");
    values.helo = QStringLiteral("mx.example.org");
    for (const auto context :
         {pw::auth::SpfMacroContext::DomainSpec, pw::auth::SpfMacroContext::Explanation}) {
        if (const auto macro = pw::auth::SpfMacroString::parse(text, context))
            (void)macro->expand(values);
    }
    return 0;
}
