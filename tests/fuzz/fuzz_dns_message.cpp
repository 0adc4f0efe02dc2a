// DNS answers come from the network: the decoder and the interpretation of any packet must be safe.
#include "shared/dns/MessageCodec.h"
#include "shared/dns/ResolverOptions.h"
#include "shared/dns/ResponseInterpreter.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray wire(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    QString error;
    const auto response = pw::dns::MessageCodec::decodeResponse(wire, &error);
    const pw::dns::ResolverOptions options;
    if (response) {
        for (const auto type : {pw::dns::RecordType::A, pw::dns::RecordType::MX, pw::dns::RecordType::TXT,
                                pw::dns::RecordType::TLSA, pw::dns::RecordType::SOA})
            (void)pw::dns::ResponseInterpreter::interpret(*response, QStringLiteral("example.org"), type,
                                                          options);
    }
    return 0;
}
