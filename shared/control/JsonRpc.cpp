#include "shared/control/JsonRpc.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>

namespace pw::control {

namespace {

QByteArray encodeLine(const QJsonObject& object)
{
    QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact);
    line.append('\n');
    return line;
}

ParseFailure invalid(const QString& why, const QJsonValue& id = QJsonValue::Null)
{
    return ParseFailure{RpcError{ErrorCode::InvalidRequest, why, {}}, id};
}

bool isValidId(const QJsonValue& id)
{
    return id.isString() || id.isDouble() || id.isNull();
}

// QJsonDocument only parses an object or an array at the top level; a bare scalar such as `1` is
// still valid JSON, which JSON-RPC 2.0 answers with Invalid Request, not Parse error (section 7).
bool isJsonScalar(const QByteArray& line)
{
    QJsonParseError error;
    const QJsonDocument wrapped = QJsonDocument::fromJson('[' + line + ']', &error);
    return error.error == QJsonParseError::NoError && wrapped.array().size() == 1;
}

} // namespace

std::variant<Message, ParseFailure> parseMessage(const QByteArray& line)
{
    QJsonParseError jsonError;
    const QJsonDocument document = QJsonDocument::fromJson(line, &jsonError);
    if (jsonError.error != QJsonParseError::NoError && isJsonScalar(line))
        return invalid(QObject::tr("a message must be a JSON object"));
    if (jsonError.error != QJsonParseError::NoError) {
        return ParseFailure{RpcError{ErrorCode::ParseError,
                                     QObject::tr("not valid JSON: %1 at offset %2")
                                         .arg(jsonError.errorString())
                                         .arg(jsonError.offset),
                                     {}},
                            QJsonValue::Null};
    }
    if (!document.isObject())
        return invalid(QObject::tr("a message must be a JSON object"));

    const QJsonObject object = document.object();
    const QJsonValue id = object.value(QStringLiteral("id"));
    const QJsonValue replyId = isValidId(id) ? id : QJsonValue(QJsonValue::Null);
    if (object.value(QStringLiteral("jsonrpc")).toString() != QLatin1String("2.0"))
        return invalid(QObject::tr("\"jsonrpc\" must be \"2.0\""), replyId);
    if (!id.isUndefined() && !isValidId(id))
        return invalid(QObject::tr("\"id\" must be a string, a number or null"));

    Message message;
    message.id = id.isUndefined() ? QJsonValue(QJsonValue::Null) : id;

    if (object.contains(QStringLiteral("method"))) {
        const QJsonValue method = object.value(QStringLiteral("method"));
        if (!method.isString() || method.toString().isEmpty())
            return invalid(QObject::tr("\"method\" must be a non-empty string"), replyId);
        const QJsonValue params = object.value(QStringLiteral("params"));
        if (!params.isUndefined() && !params.isObject() && !params.isArray())
            return invalid(QObject::tr("\"params\" must be an object or an array"), replyId);
        message.kind = id.isUndefined() ? Message::Kind::Notification : Message::Kind::Request;
        message.method = method.toString();
        message.params = params.isUndefined() ? QJsonValue(QJsonObject()) : params;
        return message;
    }
    if (object.contains(QStringLiteral("result"))) {
        message.kind = Message::Kind::Result;
        message.result = object.value(QStringLiteral("result"));
        return message;
    }
    if (object.value(QStringLiteral("error")).isObject()) {
        message.kind = Message::Kind::Error;
        message.error = RpcError::fromJson(object.value(QStringLiteral("error")).toObject());
        return message;
    }
    return invalid(QObject::tr("a message needs \"method\", \"result\" or \"error\""), replyId);
}

QByteArray encodeRequest(const QJsonValue& id, const QString& method, const QJsonValue& params)
{
    return encodeLine({{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                       {QStringLiteral("id"), id},
                       {QStringLiteral("method"), method},
                       {QStringLiteral("params"), params}});
}

QByteArray encodeNotification(const QString& method, const QJsonValue& params)
{
    return encodeLine({{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                       {QStringLiteral("method"), method},
                       {QStringLiteral("params"), params}});
}

QByteArray encodeResult(const QJsonValue& id, const QJsonValue& result)
{
    return encodeLine({{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                       {QStringLiteral("id"), id},
                       {QStringLiteral("result"), result}});
}

QByteArray encodeError(const QJsonValue& id, const RpcError& error)
{
    return encodeLine({{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                       {QStringLiteral("id"), id},
                       {QStringLiteral("error"), error.toJson()}});
}

} // namespace pw::control
