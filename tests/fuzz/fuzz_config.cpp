// postwarden.conf is edited by hand: any text must give values or errors, never a crash.
#include "service/core/ServiceConfig.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    QStringList errors;
    (void)pw::service::ServiceConfig::fromText(text, &errors);
    return 0;
}
