#include "service/control/LogMethods.h"

#include "service/control/ControlConnection.h"
#include "service/control/MethodTable.h"
#include "service/core/LogHub.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace pw::service {

namespace {

constexpr qsizetype kMaxTail = 100000;

struct LogParams
{
    qsizetype lines = 0;
    core::LogLevel level = core::LogLevel::Debug;
};

// Validates the params shared by logs.tail and logs.subscribe; false after answering the error.
bool readParams(const QJsonObject& params, const QString& countKey, qsizetype defaultCount,
                const Responder& respond, LogParams* out)
{
    const QJsonValue count = params.value(countKey);
    if (!count.isUndefined() && (!count.isDouble() || count.toDouble() < 0 || count.toDouble() > kMaxTail)) {
        respond.error(control::ErrorCode::InvalidParams,
                      QCoreApplication::translate("LogMethods", "\"%1\" must be a number from 0 to %2")
                          .arg(countKey)
                          .arg(kMaxTail));
        return false;
    }
    out->lines = count.isUndefined() ? defaultCount : static_cast<qsizetype>(count.toDouble());
    const QJsonValue level = params.value(QStringLiteral("level"));
    if (!level.isUndefined()) {
        bool ok = false;
        out->level = core::logLevelFromName(level.toString(), &ok);
        if (!ok) {
            respond.error(control::ErrorCode::InvalidParams,
                          QCoreApplication::translate(
                              "LogMethods", "\"level\" must be debug, info, notice, warning or error"));
            return false;
        }
    }
    return true;
}

QJsonArray toJson(const QList<core::LogRecord>& records)
{
    QJsonArray array;
    for (const core::LogRecord& record : records)
        array.append(record.toJson());
    return array;
}

} // namespace

void registerLogMethods(MethodTable& methods, const LogHub& log)
{
    methods.add(QStringLiteral("logs.tail"), [&log](const QJsonObject& params, const Responder& respond) {
        LogParams p;
        if (!readParams(params, QStringLiteral("lines"), 100, respond, &p))
            return;
        respond.result(QJsonObject{{QStringLiteral("records"), toJson(log.tail(p.lines, p.level))},
                                   {QStringLiteral("last_seq"), static_cast<qint64>(log.lastSeq())}});
    });

    // The backlog comes in the result and live records follow as notifications; both happen on
    // the service's one thread, so nothing falls between them.
    methods.add(
        QStringLiteral("logs.subscribe"), [&log](const QJsonObject& params, const Responder& respond) {
            LogParams p;
            if (!readParams(params, QStringLiteral("backlog"), 0, respond, &p))
                return;
            if (!respond.connection())
                return;
            respond.connection()->setLogSubscription(true, p.level);
            respond.result(QJsonObject{{QStringLiteral("subscribed"), true},
                                       {QStringLiteral("records"), toJson(log.tail(p.lines, p.level))}});
        });

    methods.add(QStringLiteral("logs.unsubscribe"), [](const QJsonObject&, const Responder& respond) {
        if (respond.connection())
            respond.connection()->setLogSubscription(false, core::LogLevel::Debug);
        respond.result(QJsonObject{{QStringLiteral("subscribed"), false}});
    });
}

} // namespace pw::service
