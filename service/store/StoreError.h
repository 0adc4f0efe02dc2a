#pragma once

#include <QString>

namespace pw::service {

// Typed storage errors; only the protocol layers turn them into SMTP, IMAP or JSON-RPC replies.
enum class StoreErrorCode
{
    None,
    Io,
    Corrupt,
    NotFound,
    AlreadyExists,
    QuotaExceeded,
    DiskFull,
    Invalid // the request itself is wrong (bad address syntax, a target outside our domains)
};

struct StoreResult
{
    StoreErrorCode code = StoreErrorCode::None;
    QString message;

    [[nodiscard]] bool ok() const { return code == StoreErrorCode::None; }
    [[nodiscard]] static StoreResult success() { return {}; }
    [[nodiscard]] static StoreResult failure(StoreErrorCode code, const QString& message)
    {
        return {code, message};
    }
};

} // namespace pw::service
