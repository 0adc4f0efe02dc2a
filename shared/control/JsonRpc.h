#pragma once

#include "shared/control/RpcError.h"

#include <QByteArray>
#include <QJsonValue>
#include <QString>
#include <variant>

namespace pw::control {

// One JSON-RPC 2.0 message as it travels on the control socket: one JSON object per line.
struct Message
{
    enum class Kind
    {
        Request,
        Notification,
        Result,
        Error
    };

    Kind kind = Kind::Request;
    QJsonValue id; // number or string for requests and responses; null for notifications
    QString method;
    QJsonValue params;
    QJsonValue result;
    RpcError error;
};

// A line that is not a valid message yields the error to send back, with the id when it could
// be read (JSON-RPC 2.0 section 5: id null when it could not).
struct ParseFailure
{
    RpcError error;
    QJsonValue id;
};

[[nodiscard]] std::variant<Message, ParseFailure> parseMessage(const QByteArray& line);

// Serialisers return one line, newline included.
[[nodiscard]] QByteArray encodeRequest(const QJsonValue& id, const QString& method, const QJsonValue& params);
[[nodiscard]] QByteArray encodeNotification(const QString& method, const QJsonValue& params);
[[nodiscard]] QByteArray encodeResult(const QJsonValue& id, const QJsonValue& result);
[[nodiscard]] QByteArray encodeError(const QJsonValue& id, const RpcError& error);

} // namespace pw::control
