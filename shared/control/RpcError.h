#pragma once

#include <QJsonObject>
#include <QString>

namespace pw::control {

// JSON-RPC 2.0 error codes (section 5.1) and the service's own, in the range the spec leaves to
// applications. Scripts match on these numbers, so they never change meaning.
enum class ErrorCode : int
{
    ParseError = -32700,
    InvalidRequest = -32600,
    MethodNotFound = -32601,
    InvalidParams = -32602,
    InternalError = -32603,
    NotFound = -32001,
    AlreadyExists = -32002,
    PermissionDenied = -32003,
    Unavailable = -32004,
    Timeout = -32005,
    Failed = -32006,
};

struct RpcError
{
    ErrorCode code = ErrorCode::InternalError;
    QString message;
    QJsonObject data;

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static RpcError fromJson(const QJsonObject& object);
};

} // namespace pw::control
