#include "shared/control/RpcError.h"

namespace pw::control {

QJsonObject RpcError::toJson() const
{
    QJsonObject object{{QStringLiteral("code"), static_cast<int>(code)},
                       {QStringLiteral("message"), message}};
    if (!data.isEmpty())
        object.insert(QStringLiteral("data"), data);
    return object;
}

RpcError RpcError::fromJson(const QJsonObject& object)
{
    return RpcError{static_cast<ErrorCode>(object.value(QStringLiteral("code")).toInt()),
                    object.value(QStringLiteral("message")).toString(),
                    object.value(QStringLiteral("data")).toObject()};
}

} // namespace pw::control
